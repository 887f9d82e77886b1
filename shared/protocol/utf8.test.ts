import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Validator, findInvalidUtf8 } from './utf8.js';

const strict = new TextDecoder('utf-8', { fatal: true });
function valid(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Bytes biased towards the interesting UTF-8 lead and continuation ranges. */
const utf8ish = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0x9f, 0xa0, 0xbf, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5)), { maxLength: 40 }).map((a) => new Uint8Array(a));

describe('Utf8Validator', () => {
  it('agrees with a fatal TextDecoder on random bytes, fed whole or split anywhere', () => {
    fc.assert(
      fc.property(utf8ish, fc.nat(), (bytes, cutSeed) => {
        const expected = valid(bytes);
        expect(findInvalidUtf8(bytes) === -1).toBe(expected);
        const cut = cutSeed % (bytes.length + 1);
        const v = new Utf8Validator();
        const a = v.push(bytes, 0, cut);
        const b = a >= 0 ? a : v.push(bytes, cut);
        expect(b === -1 && v.complete).toBe(expected);
        expect(b).toBe(findInvalidUtf8(bytes) === bytes.length ? -1 : findInvalidUtf8(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every valid string split at every byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        const bytes = new TextEncoder().encode(s);
        for (let cut = 0; cut <= bytes.length; cut++) {
          const v = new Utf8Validator();
          expect(v.push(bytes, 0, cut)).toBe(-1);
          expect(v.push(bytes, cut)).toBe(-1);
          expect(v.complete).toBe(true);
        }
      }),
    );
  });

  it('points at the first byte that makes a sequence impossible', () => {
    expect(findInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1); // overlong lead
    expect(findInvalidUtf8(new Uint8Array([0xe0, 0x80, 0x80]))).toBe(1); // overlong 3-byte
    expect(findInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(findInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(1); // > U+10FFFF
    expect(findInvalidUtf8(new Uint8Array([0xe2, 0x82, 0x41]))).toBe(2); // cut short
    expect(findInvalidUtf8(new Uint8Array([0xe2, 0x82]))).toBe(2); // ends inside
    expect(findInvalidUtf8(new Uint8Array([0xf0, 0x9f, 0x98, 0x80]))).toBe(-1);
  });
});
