// Names, colours and meanings of the RFC 6455 §5.2 header fields, shared by the bit diagram,
// the field list and the hex dump so every view speaks of a field the same way. Names, meanings and
// decoded values are in the UI language (`components` catalog); bits and hex stay as on the wire.
import { toHex } from '../../../../shared/protocol/hex';
import { i18n } from '../../i18n';
import { opcodeLabel } from '../opcode-badge/opcode-label';
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

/** The field's name as the RFC 6455 §5.2 diagram writes it (FIN, RSV1…) or in the UI language. */
export function fieldLabel(field: FieldName): string {
  return i18n.t(`components:field.${field}.label`);
}

/** One sentence per field, from RFC 6455 §5.2 (and RFC 7692 for RSV1), in the UI language. */
export function fieldMeaning(field: FieldName): string {
  return i18n.t(`components:field.${field}.meaning`);
}

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
  const t = i18n.t;
  switch (field) {
    case 'fin':
      return frame.fin ? t('components:fieldValue.final') : t('components:fieldValue.moreFollow');
    case 'rsv1':
      return frame.rsv1 ? t('components:fieldValue.compressed') : bit(false);
    case 'rsv2':
      return bit(frame.rsv2);
    case 'rsv3':
      return bit(frame.rsv3);
    case 'opcode':
      return `0x${frame.opcode.toString(16)} ${opcodeLabel(frame.opcode)}`;
    case 'mask':
      return frame.masked ? t('components:fieldValue.masked') : t('components:fieldValue.notMasked');
    case 'payloadLength': {
      const seven = (frame.headerBytes[1] ?? 0) & 0x7f;
      if (seven === 126) return t('components:fieldValue.next', { seven, bits: 16 });
      if (seven === 127) return t('components:fieldValue.next', { seven, bits: 64 });
      return String(seven);
    }
    case 'extendedLength':
    case 'payload':
      return t('common:bytes', { count: frame.payloadLength });
    case 'maskingKey':
      return frame.maskKey ? toHex(frame.maskKey) : '—';
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
