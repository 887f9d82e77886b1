// An opcode by name (RFC 6455 §5.2), in its --op-* colour: the same badge in every view.
import { useTranslation } from 'react-i18next';
import { opcodeLabel } from './opcode-label';
import './opcode-badge.css';

/** The mark of a compressed message (RSV1), as gzip'd file names end in .z: a symbol, not a word. */
export const COMPRESSED_MARK = ' ·z';

const CLASS_BY_OPCODE: Record<number, string> = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' };

export function opcodeClass(opcode: number): string {
  return `op-${CLASS_BY_OPCODE[opcode] ?? 'reserved'}`;
}

export function OpcodeBadge({ opcode, compressed = false }: { opcode: number; compressed?: boolean }) {
  const { t } = useTranslation('components');
  const name = opcodeLabel(opcode);
  const hex = opcode.toString(16);
  return (
    <span className={`opcode-badge ${opcodeClass(opcode)}`} title={compressed ? t('opcode.titleCompressed', { hex, name }) : t('opcode.title', { hex, name })}>
      {name}
      {compressed && <span className="opcode-badge-z">{COMPRESSED_MARK}</span>}
    </span>
  );
}
