import { describe, expect, it } from 'vitest';
import { buildFrame } from '../../../../shared/protocol/frame-builder';
import { bitLayout } from './bit-layout';
import { primaryFieldAt, fieldsAtByte } from './anatomy-frame';
import { fieldBits, fieldValue } from './field-info';
import { i18n, initI18n } from '../../i18n';

initI18n('en');

const key = new Uint8Array([1, 2, 3, 4]);
function frame(payloadLength: number, mask: boolean, lengthEncoding?: 16 | 64) {
  const built = buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, mask, maskKey: key, payload: new Uint8Array(payloadLength), lengthEncoding });
  return {
    fields: built.fields,
    payloadLength,
    headerBytes: built.bytes.subarray(0, built.headerLength),
    wirePayload: built.bytes.subarray(built.headerLength),
    payload: new Uint8Array(payloadLength),
    lengthEncoding: (lengthEncoding ?? 7) as 7 | 16 | 64,
    maskKey: built.maskKey,
    fin: true,
    rsv1: false,
    rsv2: false,
    rsv3: false,
    opcode: 1,
    masked: mask,
  };
}

describe('bitLayout (RFC 6455 §5.2 rows)', () => {
  it('puts the 7-bit header of a small masked frame on the first row and the key across rows 0-1', () => {
    const { rows } = bitLayout(frame(5, true));
    expect(rows[0]!.map((s) => [s.field, s.col, s.span])).toEqual([
      ['fin', 0, 1],
      ['rsv1', 1, 1],
      ['rsv2', 2, 1],
      ['rsv3', 3, 1],
      ['opcode', 4, 4],
      ['mask', 8, 1],
      ['payloadLength', 9, 7],
      ['maskingKey', 16, 16],
    ]);
    expect(rows[1]![0]).toMatchObject({ field: 'maskingKey', col: 0, span: 16, part: 'last' });
    expect(rows[1]![1]).toMatchObject({ field: 'payload', col: 16, span: 16 });
  });

  it('splits a 64-bit extended length over three rows like the RFC diagram', () => {
    const { rows } = bitLayout(frame(70000, false, 64));
    const ext = rows.flat().filter((s) => s.field === 'extendedLength');
    expect(ext.map((s) => [s.row, s.col, s.span, s.part])).toEqual([
      [0, 16, 16, 'first'],
      [1, 0, 32, 'middle'],
      [2, 0, 16, 'last'],
    ]);
  });

  it('draws at most the rest of the payload row plus one row, and nothing for an empty payload', () => {
    expect(bitLayout(frame(1000, false, 16)).payloadBytesShown).toBe(4);
    expect(bitLayout(frame(100, false)).payloadBytesShown).toBe(6);
    expect(bitLayout(frame(3, false)).payloadBytesShown).toBe(3);
    expect(bitLayout(frame(0, true)).rows.flat().some((s) => s.field === 'payload')).toBe(false);
  });
});

describe('field helpers', () => {
  it('reads raw bits and decoded values from the header bytes', () => {
    const f = frame(300, true, 16);
    expect(fieldBits(f.headerBytes, 0, 8)).toBe('10000001');
    expect(fieldValue(f, 'opcode')).toBe('0x1 text');
    expect(fieldValue(f, 'payloadLength')).toBe('126 → next 16 bits');
    expect(fieldValue(f, 'extendedLength')).toBe('300 bytes');
    expect(fieldValue(f, 'maskingKey')).toBe('01 02 03 04');
  });

  it('prints decoded values in the UI language, bits and hex unchanged', async () => {
    const f = frame(300, true, 16);
    await i18n.changeLanguage('zh-CN');
    try {
      expect(fieldValue(f, 'opcode')).toBe('0x1 文本');
      expect(fieldValue(f, 'payloadLength')).toBe('126 → 后跟 16 位');
      expect(fieldValue(f, 'extendedLength')).toBe('300 字节');
      expect(fieldValue(f, 'fin')).toBe('1（最后一个分片）');
      expect(fieldValue(f, 'maskingKey')).toBe('01 02 03 04');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('names the field a byte stands for: the widest field in a shared byte', () => {
    const f = frame(5, true);
    expect(primaryFieldAt(f.fields, 0)).toBe('opcode');
    expect(primaryFieldAt(f.fields, 1)).toBe('payloadLength');
    expect(primaryFieldAt(f.fields, 3)).toBe('maskingKey');
    expect(primaryFieldAt(f.fields, 6)).toBe('payload');
    expect(primaryFieldAt(f.fields, 11)).toBeNull();
    expect(fieldsAtByte(f.fields, 0)).toEqual(['fin', 'rsv1', 'rsv2', 'rsv3', 'opcode']);
  });
});
