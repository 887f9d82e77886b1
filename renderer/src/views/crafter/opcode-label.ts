// "0x1 text", "0x3 reserved data ⚠": an opcode as the crafter's picker lists it (RFC 6455 §5.2),
// in the reader's language.
import { isReservedOpcode } from '../../../../shared/protocol/opcodes';
import { i18n } from '../../i18n';

const NAMED = new Set([0x0, 0x1, 0x2, 0x8, 0x9, 0xa]);

/** The opcode's short name ("text", "ping"), or its hex value when it has none. */
export function opcodeWord(op: number): string {
  const known = NAMED.has(op) ? String(op) : null;
  return known === null ? `0x${op.toString(16).toUpperCase()}` : i18n.t(`crafter:opcodes.${known as '0' | '1' | '2' | '8' | '9' | '10'}`);
}

export function opcodeLabel(op: number): string {
  const hex = `0x${op.toString(16).toUpperCase()}`;
  if (!isReservedOpcode(op)) return `${hex} ${opcodeWord(op)}`;
  return i18n.t(op < 8 ? 'crafter:header.reservedOpcode' : 'crafter:header.reservedControl', { hex });
}
