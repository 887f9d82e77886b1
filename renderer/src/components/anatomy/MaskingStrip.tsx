// Masking at work (RFC 6455 §5.3): for the first payload bytes, the byte on the wire, the key
// byte it was XORed with (key[i mod 4]) and the payload byte that comes out.
import { toHex } from '../../../../shared/protocol/hex';
import type { AnatomyFrame, FieldName } from './anatomy-frame';

const SHOWN = 16;

export interface MaskingStripProps {
  frame: Pick<AnatomyFrame, 'maskKey' | 'payload' | 'wirePayload'>;
  highlight: FieldName | null;
  onHighlight(field: FieldName | null): void;
}

function hex(b: number | undefined): string {
  return b === undefined ? '··' : toHex(Uint8Array.of(b));
}

function printable(b: number | undefined): string {
  return b !== undefined && b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·';
}

export function MaskingStrip({ frame, highlight, onHighlight }: MaskingStripProps) {
  const key = frame.maskKey;
  if (key === null) return null;
  const n = Math.min(SHOWN, frame.wirePayload.length);
  if (n === 0) {
    return <p className="masking-empty muted">Masked, but the payload is empty, so the key masks nothing.</p>;
  }
  const columns = Array.from({ length: n }, (_, i) => i);
  const keyHl = highlight === 'maskingKey' ? ' is-hl' : '';
  const payloadHl = highlight === 'payload' ? ' is-hl' : '';
  return (
    <div className="masking-strip" aria-label="How masking works on the first payload bytes" onMouseLeave={() => onHighlight(null)}>
      <div className="masking-title">
        Masking at work <span className="muted">— RFC 6455 §5.3: payload byte i = wire byte i ⊕ key[i mod 4]</span>
      </div>
      <div className="masking-grid" style={{ gridTemplateColumns: `auto repeat(${n}, minmax(26px, 1fr))` }}>
        <span className="masking-head">i</span>
        {columns.map((i) => (
          <span key={`i${i}`} className="masking-index">
            {i}
          </span>
        ))}
        <span className="masking-head" onMouseEnter={() => onHighlight('payload')}>
          wire
        </span>
        {columns.map((i) => (
          <span key={`w${i}`} className={`masking-cell field-payload wire${payloadHl}`} onMouseEnter={() => onHighlight('payload')} data-testid="mask-wire">
            {hex(frame.wirePayload[i])}
          </span>
        ))}
        <span className="masking-head" onMouseEnter={() => onHighlight('maskingKey')}>
          ⊕ key
        </span>
        {columns.map((i) => (
          <span key={`k${i}`} className={`masking-cell field-key${keyHl}`} title={`key[${i % 4}]`} onMouseEnter={() => onHighlight('maskingKey')} data-testid="mask-key">
            {hex(key[i % 4])}
          </span>
        ))}
        <span className="masking-head">= payload</span>
        {columns.map((i) => (
          <span key={`p${i}`} className="masking-cell result" data-testid="mask-payload">
            {hex(frame.payload[i])}
          </span>
        ))}
        <span className="masking-head">text</span>
        {columns.map((i) => (
          <span key={`c${i}`} className="masking-cell char">
            {printable(frame.payload[i])}
          </span>
        ))}
      </div>
      {frame.wirePayload.length > n && <div className="masking-foot muted">… and so on for the remaining {(frame.wirePayload.length - n).toLocaleString('en-US')} bytes.</div>}
    </div>
  );
}
