// An opcode's name in the UI language (RFC 6455 §5.2): "text" / "文本", "ping" / "Ping"… Reserved
// opcodes keep their number ("reserved-3" / "保留-3"). Filters, badges and the anatomy share it.
import { opcodeName } from '../../../../shared/protocol/opcodes';
import { i18n } from '../../i18n';

const NAMED = new Set(['continuation', 'text', 'binary', 'close', 'ping', 'pong']);

export function opcodeLabel(opcode: number): string {
  const name = opcodeName(opcode);
  if (NAMED.has(name)) return i18n.t(`components:opcode.${name as 'text'}`);
  return i18n.t('components:opcode.reservedN', { n: opcode });
}
