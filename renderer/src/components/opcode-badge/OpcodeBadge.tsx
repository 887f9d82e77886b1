// An opcode by name (RFC 6455 §5.2), in its --op-* colour: the same badge in every view.
import { opcodeName } from '../../../../shared/protocol/opcodes';
import './opcode-badge.css';

const CLASS_BY_OPCODE: Record<number, string> = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' };

export function opcodeClass(opcode: number): string {
  return `op-${CLASS_BY_OPCODE[opcode] ?? 'reserved'}`;
}

export function OpcodeBadge({ opcode, compressed = false }: { opcode: number; compressed?: boolean }) {
  const name = opcodeName(opcode);
  return (
    <span className={`opcode-badge ${opcodeClass(opcode)}`} title={`opcode 0x${opcode.toString(16)}: ${name}${compressed ? ', compressed (RSV1)' : ''}`}>
      {name}
      {compressed && <span className="opcode-badge-z"> ·z</span>}
    </span>
  );
}
