// Copy a frame as hex or base64 (the exact bytes on the wire) or as text (its payload, unmasked
// and, for a one-frame compressed message, inflated); and from "More", the whole message
// (reassembled across fragments and inflated, RFC 6455 §5.4, RFC 7692) or this frame's whole
// payload, read from the engine page by page — not only what the detail view holds.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayloadPart } from '../../../../../shared/api';
import type { FrameDetail } from '../../../../../shared/model';
import { isControlOpcode } from '../../../../../shared/protocol/opcodes';
import { toBase64, toHex } from '../../../../../shared/protocol/hex';
import { decodeUtf8 } from '../../../../../shared/protocol/utf8';
import { notify, notifyError, text } from '../../../actions/notify';
import { queryKeys } from '../../../api/queries/query-keys';
import { useClient } from '../../../api/use-client';
import { formatBytes, formatCount } from '../../../format';
import { wireBytes } from '../../../components/anatomy/anatomy-frame';
import { useStore } from '../../../store';
import { readWhole } from '../payload/payload-reads';
import { copyText } from './clipboard';

type CopyFormat = 'hex' | 'base64' | 'text';

function render(detail: FrameDetail, format: CopyFormat): string {
  if (format === 'text') {
    const m = detail.message;
    return decodeUtf8(m && m.frameIds.length === 1 && !m.inflateError ? m.payload : detail.payload);
  }
  const bytes = wireBytes(detail);
  return format === 'hex' ? toHex(bytes) : toBase64(bytes);
}

function encode(bytes: Uint8Array, format: CopyFormat): string {
  return format === 'text' ? decodeUtf8(bytes) : format === 'hex' ? toHex(bytes) : toBase64(bytes);
}

const WHOLE: Array<{ part: PayloadPart; format: CopyFormat; key: 'message-text' | 'message-hex' | 'message-base64' | 'frame-hex' | 'frame-base64' }> = [
  { part: 'message', format: 'text', key: 'message-text' },
  { part: 'message', format: 'hex', key: 'message-hex' },
  { part: 'message', format: 'base64', key: 'message-base64' },
  { part: 'frame', format: 'hex', key: 'frame-hex' },
  { part: 'frame', format: 'base64', key: 'frame-base64' },
];

export function CopyMenu({ detail }: { detail: FrameDetail }) {
  const { t } = useTranslation('inspector');
  const pushNotice = useStore((s) => s.pushNotice);
  const client = useClient();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const more = useRef<HTMLSpanElement>(null);
  // The menu closes on a click elsewhere or Escape, like any menu.
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !more.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', away);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', away);
    };
  }, [open]);
  const id = detail.summary.id;
  // A data frame's message is whole only once its last fragment arrived; a control frame is its own.
  const hasMessage = detail.message !== null || (!isControlOpcode(detail.summary.opcode) && !detail.summary.fin);

  const copy = async (format: CopyFormat) => {
    try {
      await copyText(render(detail, format));
      const name = text(`inspector:copy.format.${format}`);
      notify(text(detail.payloadTruncated ? 'inspector:copy.copiedCut' : 'inspector:copy.copied', { id, format: name }));
    } catch (err) {
      notifyError(err, text('errors:context.copy'));
    }
  };

  const copyWhole = async (part: PayloadPart, format: CopyFormat) => {
    setOpen(false);
    setBusy(true);
    try {
      // Read through the query cache, then let go of the bytes at once (gcTime 0): a copy can be large.
      const whole = await queryClient.fetchQuery({ queryKey: queryKeys.wholePayload(id, part), queryFn: () => readWhole(client, id, part), gcTime: 0 });
      await copyText(encode(whole.bytes, format));
      const said = { id, format: text(`inspector:copy.format.${format}`), bytes: formatBytes(whole.bytes.length) };
      const copied = text(part === 'message' ? 'inspector:copy.copiedMessage' : 'inspector:copy.copiedPayload', said);
      // The second sentence, when only part was kept, says how much.
      const kept = whole.kept < whole.total ? text('inspector:kept', { kept: formatCount(whole.kept), total: formatCount(whole.total) }) : undefined;
      pushNotice('info', { text: copied, ...(kept ? { more: kept } : {}) });
    } catch (err) {
      notifyError(err, text('errors:context.copy'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="copy-menu" role="group" aria-label={t('copy.label')}>
      <span className="muted copy-label">{t('copy.copy')}</span>
      <button className="button small" onClick={() => void copy('hex')} title={t('copy.hexTitle')} data-testid="copy-hex" translate="no">
        {t('copy.hex')}
      </button>
      <button className="button small" onClick={() => void copy('base64')} title={t('copy.base64Title')} data-testid="copy-base64" translate="no">
        {t('copy.base64')}
      </button>
      <button className="button small" onClick={() => void copy('text')} title={t('copy.textTitle')} data-testid="copy-text">
        {t('copy.text')}
      </button>
      <span className="copy-more" ref={more}>
        <button className="button small" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen((o) => !o)} data-testid="copy-more" title={t('copy.moreTitle')}>
          {busy ? t('copy.copying') : t('copy.more')}
        </button>
        {open && (
          <span className="copy-popover" role="menu" aria-label={t('copy.whole')}>
            {WHOLE.filter((w) => w.part === 'frame' || hasMessage).map((w) => (
              <button key={`${w.part}-${w.format}`} role="menuitem" className="copy-item" title={t(`copy.itemTitle.${w.key}`)} onClick={() => void copyWhole(w.part, w.format)} data-testid={`copy-${w.part}-${w.format}`}>
                {t(`copy.item.${w.key}`)}
              </button>
            ))}
          </span>
        )}
      </span>
    </div>
  );
}
