// Copy a frame as hex or base64 (the exact bytes on the wire) or as text (its payload, unmasked
// and, for a one-frame compressed message, inflated).
import type { FrameDetail } from '../../../../../shared/model';
import { toBase64, toHex } from '../../../../../shared/protocol/hex';
import { decodeUtf8 } from '../../../../../shared/protocol/utf8';
import { wireBytes } from '../../../components/anatomy/anatomy-frame';
import { useStore } from '../../../store';
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

export function CopyMenu({ detail }: { detail: FrameDetail }) {
  const pushNotice = useStore((s) => s.pushNotice);
  const copy = async (format: CopyFormat) => {
    const cut = detail.payloadTruncated ? ' Only the kept part of the payload was copied.' : '';
    try {
      await copyText(render(detail, format));
      pushNotice('info', `Copied frame #${detail.summary.id} as ${format}.${cut}`);
    } catch (err) {
      pushNotice('error', err instanceof Error ? err.message : String(err));
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
    </div>
  );
}
