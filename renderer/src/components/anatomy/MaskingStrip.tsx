// Masking at work (RFC 6455 §5.3): for the first payload bytes, the byte on the wire, the key
// byte it was XORed with (key[i mod 4]) and the payload byte that comes out.
import { useTranslation } from 'react-i18next';
import { toHex } from '../../../../shared/protocol/hex';
import type { AnatomyFrame, FieldName } from './anatomy-frame';

const SHOWN = 16;
/** The index symbol of the formula above the grid (not a word). */
const INDEX = 'i';

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
  const { t } = useTranslation('components');
  const key = frame.maskKey;
  if (key === null) return null;
  const n = Math.min(SHOWN, frame.wirePayload.length);
  if (n === 0) {
    return <p className="masking-empty muted">{t('masking.empty')}</p>;
  }
  const columns = Array.from({ length: n }, (_, i) => i);
  const keyHl = highlight === 'maskingKey' ? ' is-hl' : '';
  const payloadHl = highlight === 'payload' ? ' is-hl' : '';
  return (
    <div className="masking-strip" aria-label={t('masking.label')} onMouseLeave={() => onHighlight(null)}>
      <div className="masking-title">
        {t('masking.title')} <span className="muted">— {t('masking.rule')}</span>
      </div>
      <div className="masking-grid" style={{ gridTemplateColumns: `auto repeat(${n}, minmax(26px, 1fr))` }}>
        <span className="masking-head">{INDEX}</span>
        {columns.map((i) => (
          <span key={`i${i}`} className="masking-index">
            {i}
          </span>
        ))}
        <span className="masking-head" onMouseEnter={() => onHighlight('payload')}>
          {t('masking.wire')}
        </span>
        {columns.map((i) => (
          <span key={`w${i}`} className={`masking-cell field-payload wire${payloadHl}`} onMouseEnter={() => onHighlight('payload')} data-testid="mask-wire">
            {hex(frame.wirePayload[i])}
          </span>
        ))}
        <span className="masking-head" onMouseEnter={() => onHighlight('maskingKey')}>
          {t('masking.key')}
        </span>
        {columns.map((i) => (
          <span key={`k${i}`} className={`masking-cell field-key${keyHl}`} title={t('masking.keyByte', { i: i % 4 })} onMouseEnter={() => onHighlight('maskingKey')} data-testid="mask-key">
            {hex(key[i % 4])}
          </span>
        ))}
        <span className="masking-head">{t('masking.payload')}</span>
        {columns.map((i) => (
          <span key={`p${i}`} className="masking-cell result" data-testid="mask-payload">
            {hex(frame.payload[i])}
          </span>
        ))}
        <span className="masking-head">{t('masking.text')}</span>
        {columns.map((i) => (
          <span key={`c${i}`} className="masking-cell char">
            {printable(frame.payload[i])}
          </span>
        ))}
      </div>
      {frame.wirePayload.length > n && <div className="masking-foot muted">{t('masking.more', { count: frame.wirePayload.length - n })}</div>}
    </div>
  );
}
