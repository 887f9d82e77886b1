// Names, colours and meanings of the RFC 6455 §5.2 header fields, shared by the bit diagram,
// the field list and the hex dump so every view speaks of a field the same way.
import { opcodeName } from '../../../../shared/protocol/opcodes';
import { toHex } from '../../../../shared/protocol/hex';
import type { AnatomyFrame, FieldName } from './anatomy-frame';

/** Which --field-* colour a field is drawn in (tokens.css). */
export type FieldColour = 'flags' | 'opcode' | 'mask' | 'length' | 'key' | 'payload';

export const FIELD_COLOUR: Record<FieldName, FieldColour> = {
  fin: 'flags',
  rsv1: 'flags',
  rsv2: 'flags',
  rsv3: 'flags',
  opcode: 'opcode',
  mask: 'mask',
  payloadLength: 'length',
  extendedLength: 'length',
  maskingKey: 'key',
  payload: 'payload',
};

export const FIELD_LABEL: Record<FieldName, string> = {
  fin: 'FIN',
  rsv1: 'RSV1',
  rsv2: 'RSV2',
  rsv3: 'RSV3',
  opcode: 'opcode',
  mask: 'MASK',
  payloadLength: 'Payload len',
  extendedLength: 'Extended payload length',
  maskingKey: 'Masking key',
  payload: 'Payload data',
};

/** One sentence per field, from RFC 6455 §5.2 (and RFC 7692 for RSV1). */
export const FIELD_MEANING: Record<FieldName, string> = {
  fin: 'Set on the final fragment of a message; clear when more fragments follow (§5.4).',
  rsv1: 'Reserved; must be 0 unless an extension defines it. permessage-deflate uses it to mark a compressed message (RFC 7692 §6).',
  rsv2: 'Reserved; must be 0 unless a negotiated extension defines it.',
  rsv3: 'Reserved; must be 0 unless a negotiated extension defines it.',
  opcode: 'How to interpret the payload: 0 continuation, 1 text, 2 binary, 8 close, 9 ping, 10 pong; the rest are reserved.',
  mask: 'Whether the payload is masked. Every client-to-server frame is masked; server frames never are (§5.1).',
  payloadLength: '0-125 is the length itself; 126 means a 16-bit length follows, 127 a 64-bit length.',
  extendedLength: 'The real payload length, big-endian, when the 7-bit field says 126 (16 bits) or 127 (64 bits).',
  maskingKey: 'Four random bytes chosen by the client; payload byte i is XORed with key byte i mod 4 (§5.3).',
  payload: 'Extension data followed by application data; masked on the wire when MASK is 1.',
};

export function fieldSection(field: FieldName): string {
  if (field === 'maskingKey') return 'RFC 6455 §5.3';
  if (field === 'rsv1') return 'RFC 6455 §5.2, RFC 7692 §6';
  return 'RFC 6455 §5.2';
}

function bit(v: boolean): string {
  return v ? '1' : '0';
}

/** The decoded value of a field, as the diagram and the field list print it. */
export function fieldValue(frame: AnatomyFrame, field: FieldName): string {
  switch (field) {
    case 'fin':
      return frame.fin ? '1 (final)' : '0 (more follow)';
    case 'rsv1':
      return bit(frame.rsv1) + (frame.rsv1 ? ' (compressed?)' : '');
    case 'rsv2':
      return bit(frame.rsv2);
    case 'rsv3':
      return bit(frame.rsv3);
    case 'opcode':
      return `0x${frame.opcode.toString(16)} ${opcodeName(frame.opcode)}`;
    case 'mask':
      return frame.masked ? '1 (masked)' : '0 (not masked)';
    case 'payloadLength': {
      const seven = (frame.headerBytes[1] ?? 0) & 0x7f;
      if (seven === 126) return '126 → next 16 bits';
      if (seven === 127) return '127 → next 64 bits';
      return String(seven);
    }
    case 'extendedLength':
      return `${frame.payloadLength.toLocaleString('en-US')} bytes`;
    case 'maskingKey':
      return frame.maskKey ? toHex(frame.maskKey) : '—';
    case 'payload':
      return `${frame.payloadLength.toLocaleString('en-US')} bytes`;
  }
}

/** The field's raw bits as they are on the wire, e.g. "0001" for a text opcode. */
export function fieldBits(headerBytes: Uint8Array, bitStart: number, bitEnd: number): string {
  let out = '';
  for (let b = bitStart; b < bitEnd; b++) {
    const byte = headerBytes[b >> 3] ?? 0;
    out += (byte >> (7 - (b & 7))) & 1 ? '1' : '0';
  }
  return out;
}
