import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../protocol/hex';
import { formatHexPayload, parseBase64Loose, parseHexPayload } from './hex-payload';

function hexOf(text: string): string {
  const r = parseHexPayload(text);
  if ('error' in r) throw new Error(r.error);
  return `${r.format}: ${toHex(r.bytes)}`;
}

describe('hex payload parsing', () => {
  it('accepts the shapes people paste', () => {
    expect(hexOf('de ad be ef')).toBe('hex: de ad be ef');
    expect(hexOf('DEADBEEF')).toBe('hex: de ad be ef');
    expect(hexOf('0xde, 0xad,0xbe 0xef')).toBe('hex: de ad be ef');
    expect(hexOf('\\xde\\xad\\xbe\\xef')).toBe('hex: de ad be ef');
    expect(hexOf('de:ad:be:ef')).toBe('hex: de ad be ef');
    expect(hexOf('de ad  # a comment with 0x and words\n// another\nbe ef // trailing')).toBe('hex: de ad be ef');
    expect(hexOf('')).toBe('hex: ');
  });

  it('falls back to base64 when the text cannot be hex, or when told', () => {
    expect(hexOf('SGVsbG8=')).toBe('base64: 48 65 6c 6c 6f');
    expect(hexOf('SGVsbG8')).toBe('base64: 48 65 6c 6c 6f'); // unpadded
    expect(hexOf('_-8')).toBe('base64: ff ef'); // URL-safe alphabet
    // "abcd" is valid hex, so hex wins unless the prefix says otherwise.
    expect(hexOf('abcd')).toBe('hex: ab cd');
    expect(hexOf('  base64: abcd')).toBe('base64: 69 b7 1d');
    // Wrapped at 16+ characters a line, as logs and tools print it.
    expect(hexOf('SGVsbG8sIHdvcmxkIQ==')).toBe('base64: 48 65 6c 6c 6f 2c 20 77 6f 72 6c 64 21');
    expect(hexOf('SGVsbG8sIHdvcmxk\nIQ==')).toBe('base64: 48 65 6c 6c 6f 2c 20 77 6f 72 6c 64 21');
  });

  it('points at the offending character in the user text', () => {
    const r = parseHexPayload('de ad\nbe zz');
    expect(r).toMatchObject({ at: 9 });
    expect('error' in r && r.error).toMatch(/'z' is not a hex digit/);
    expect(parseHexPayload('de a')).toMatchObject({ at: 3 });
    expect(parseHexPayload('base64: ***')).toMatchObject({ at: 0 });
    expect(parseBase64Loose('a')).toHaveProperty('error');
  });

  it('formats any bytes as hex that parses back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = parseHexPayload(formatHexPayload(bytes));
        expect('bytes' in r && toHex(r.bytes)).toBe(toHex(bytes));
      }),
    );
    expect(formatHexPayload(Uint8Array.from({ length: 18 }, (_, i) => i))).toBe(
      '00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f\n10 11',
    );
  });
});
