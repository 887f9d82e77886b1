import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiPreview, fromBase64, fromHex, toBase64, toHex } from './hex.js';

describe('hex', () => {
  it('round-trips and tolerates spaces, newlines and comments', () => {
    expect(toHex(new Uint8Array([0x81, 0x05, 0xff]))).toBe('81 05 ff');
    expect(toHex(new Uint8Array([1, 2]), '')).toBe('0102');
    expect(fromHex('81 05 # FIN + text\n48 65 // "He"\n6C6c 6f')).toEqual({ bytes: new Uint8Array([0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]) });
    expect(fromHex('')).toEqual({ bytes: new Uint8Array(0) });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 50 }), (b) => {
        expect(fromHex(toHex(b))).toEqual({ bytes: b });
      }),
    );
  });

  it('reports where the text is wrong', () => {
    expect(fromHex('81 0g')).toMatchObject({ code: 'notHexDigit', char: 'g', error: "'g' is not a hex digit", at: 4 });
    expect(fromHex('81 0')).toMatchObject({ code: 'oddHexDigits', error: 'odd number of hex digits', at: 3 });
  });
});

describe('base64', () => {
  it('matches Node on random bytes and decodes strictly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 50 }), (b) => {
        const text = toBase64(b);
        expect(text).toBe(Buffer.from(b).toString('base64'));
        expect(fromBase64(text)).toEqual(b);
      }),
    );
    expect(fromBase64('dGhlIHNhbXBsZSBub25jZQ==')).toEqual(new Uint8Array(Buffer.from('the sample nonce')));
    for (const bad of ['abc', 'ab=c', 'a===', 'ab!d', 'QR==', 'QUJ=']) expect(fromBase64(bad)).toHaveProperty('error');
  });
});

describe('asciiPreview', () => {
  it('shows printable ASCII and dots', () => {
    expect(asciiPreview(new Uint8Array([0x48, 0x69, 0x00, 0x7f, 0xe9, 0x21]))).toBe('Hi...!');
    expect(asciiPreview(new Uint8Array([0x41, 0x42, 0x43]), 2)).toBe('AB');
  });
});
