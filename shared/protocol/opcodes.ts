/** Opcodes of RFC 6455 §5.2 / §11.8. */
export const OPCODE_CONTINUATION = 0x0;
export const OPCODE_TEXT = 0x1;
export const OPCODE_BINARY = 0x2;
export const OPCODE_CLOSE = 0x8;
export const OPCODE_PING = 0x9;
export const OPCODE_PONG = 0xa;

export type OpcodeName = 'continuation' | 'text' | 'binary' | 'close' | 'ping' | 'pong' | `reserved-${number}`;

export function opcodeName(op: number): OpcodeName {
  switch (op) {
    case OPCODE_CONTINUATION:
      return 'continuation';
    case OPCODE_TEXT:
      return 'text';
    case OPCODE_BINARY:
      return 'binary';
    case OPCODE_CLOSE:
      return 'close';
    case OPCODE_PING:
      return 'ping';
    case OPCODE_PONG:
      return 'pong';
    default:
      return `reserved-${op}`;
  }
}

/** RFC 6455 §5.5: opcodes whose most significant bit is set are control frames (including reserved 0xB-0xF). */
export function isControlOpcode(op: number): boolean {
  return (op & 0x8) !== 0;
}

/** RFC 6455 §5.2: 0x3-0x7 are reserved for further non-control frames, 0xB-0xF for further control frames. */
export function isReservedOpcode(op: number): boolean {
  return (op >= 0x3 && op <= 0x7) || (op >= 0xb && op <= 0xf);
}
