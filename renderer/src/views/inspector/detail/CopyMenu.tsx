// Copy a frame as hex or base64 (the exact bytes on the wire) or as text (its payload, unmasked
// and, for a one-frame compressed message, inflated); and from "More", the whole message
// (reassembled across fragments and inflated, RFC 6455 §5.4, RFC 7692) or this frame's whole
// payload, read from the engine page by page — not only what the detail view holds.
import { useEffect, useRef, useState } from 'react';
import type { PayloadPart } from '../../../../../shared/api';
import type { FrameDetail } from '../../../../../shared/model';
import { isControlOpcode } from '../../../../../shared/protocol/opcodes';
import { toBase64, toHex } from '../../../../../shared/protocol/hex';
import { decodeUtf8 } from '../../../../../shared/protocol/utf8';
import { getClient } from '../../../api/client';
import { wireBytes } from '../../../components/anatomy/anatomy-frame';
import { useStore } from '../../../store';
import { keptNote, readWhole } from '../payload/payload-reads';
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

const WHOLE: Array<{ part: PayloadPart; format: CopyFormat; label: string; title: string }> = [
  { part: 'message', format: 'text', label: 'Message as text', title: 'The whole message, reassembled and inflated, as UTF-8 text' },
  { part: 'message', format: 'hex', label: 'Message as hex', title: 'The whole message, reassembled and inflated, in hex' },
  { part: 'message', format: 'base64', label: 'Message as base64', title: 'The whole message, reassembled and inflated, in base64' },
  { part: 'frame', format: 'hex', label: 'Payload as hex', title: "This frame's whole payload (unmasked, as sent before masking), in hex" },
  { part: 'frame', format: 'base64', label: 'Payload as base64', title: "This frame's whole payload (unmasked), in base64" },
];

export function CopyMenu({ detail }: { detail: FrameDetail }) {
  const pushNotice = useStore((s) => s.pushNotice);
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
    const cut = detail.payloadTruncated ? ' Only the kept part of the payload was copied.' : '';
    try {
      await copyText(render(detail, format));
      pushNotice('info', `Copied frame #${id} as ${format}.${cut}`);
    } catch (err) {
      pushNotice('error', err instanceof Error ? err.message : String(err));
    }
  };

  const copyWhole = async (part: PayloadPart, format: CopyFormat) => {
    setOpen(false);
    setBusy(true);
    try {
      const whole = await readWhole(getClient(), id, part);
      await copyText(encode(whole.bytes, format));
      const note = keptNote(whole.kept, whole.total);
      pushNotice('info', `Copied ${part === 'message' ? `the message of frame #${id}` : `frame #${id}'s payload`} as ${format} (${whole.bytes.length.toLocaleString('en-US')} bytes).${note ? ` ${note}` : ''}`);
    } catch (err) {
      pushNotice('error', err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="copy-menu" role="group" aria-label="Copy this frame">
      <span className="muted copy-label">Copy</span>
      <button className="button small" onClick={() => void copy('hex')} title="The whole frame as it travelled, in hex" data-testid="copy-hex">
        hex
      </button>
      <button className="button small" onClick={() => void copy('base64')} title="The whole frame as it travelled, in base64" data-testid="copy-base64">
        base64
      </button>
      <button className="button small" onClick={() => void copy('text')} title="The payload as UTF-8 text (unmasked)" data-testid="copy-text">
        text
      </button>
      <span className="copy-more" ref={more}>
        <button className="button small" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen((o) => !o)} data-testid="copy-more" title="Copy the whole message or payload">
          {busy ? 'Copying…' : 'More ▾'}
        </button>
        {open && (
          <span className="copy-popover" role="menu" aria-label="Copy whole">
            {WHOLE.filter((w) => w.part === 'frame' || hasMessage).map((w) => (
              <button key={`${w.part}-${w.format}`} role="menuitem" className="copy-item" title={w.title} onClick={() => void copyWhole(w.part, w.format)} data-testid={`copy-${w.part}-${w.format}`}>
                {w.label}
              </button>
            ))}
          </span>
        )}
      </span>
    </div>
  );
}
