// The UTF-8 check the engine hands the decoder (Node's buffer.isUtf8, simdutf) against independent
// judges: it, the decoder's own DFA and Node's decoder agree on every text, and with the check
// the decoder finds the same first invalid byte as without it, whole or split anywhere.
import { isUtf8 } from 'node:buffer';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Validator, encodeUtf8, findInvalidUtf8 } from '../../../shared/protocol/index';
import { nativeParserHelpers } from './native-helpers';

const check = nativeParserHelpers.utf8Check;
/** A third judge: text is valid UTF-8 exactly when Node's decoder (invalid sequences become U+FFFD) and encoder give back the same bytes. */
const valid = (bytes: Uint8Array): boolean => Buffer.from(Buffer.from(bytes).toString('utf8'), 'utf8').equals(bytes);

/**
 * Text as peers send it (ASCII, JSON punctuation, CJK, accents, emoji, NUL), up to ~600 bytes, then
 * up to three bytes overwritten with values at the UTF-8 boundaries (stray continuations, overlong
 * and surrogate leads, bytes never valid) and sometimes cut inside a code point.
 */
const textish = fc
  .tuple(
    fc.string({ unit: fc.constantFrom('a', '{', '"', ' ', '中', '文', 'é', '😀', '\u0000', '\u07ff', '\uffff'), maxLength: 200 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff)), { maxLength: 3 }),
    fc.nat({ max: 3 }),
  )
  .map(([s, edits, cut]) => {
    const bytes = encodeUtf8(s);
    for (const [at, value] of edits) if (bytes.length > 0) bytes[at % bytes.length] = value;
    return bytes.subarray(0, Math.max(0, bytes.length - cut));
  });

/** `bytes` cut at the given points (sorted, clamped), as the pieces a stream would bring. */
function split(bytes: Uint8Array, cuts: number[]): Array<[number, number]> {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push([from, c]);
    from = c;
  }
  return out;
}

describe('the native UTF-8 check', () => {
  it('is the real buffer.isUtf8, and the DFA, it and a decode-encode round trip agree on every text', () => {
    expect(check).toBe(isUtf8);
    fc.assert(
      fc.property(textish, (bytes) => {
        const expected = valid(bytes);
        expect(isUtf8(bytes)).toBe(expected);
        expect(findInvalidUtf8(bytes) === -1).toBe(expected);
      }),
      { numRuns: 4000 },
    );
  });

  it('leaves where the first invalid byte is found unchanged, whole or split anywhere', () => {
    fc.assert(
      fc.property(textish, fc.array(fc.nat(), { maxLength: 4 }), (bytes, cuts) => {
        expect(findInvalidUtf8(bytes, 0, bytes.length, check)).toBe(findInvalidUtf8(bytes));
        const plain = new Utf8Validator();
        const fast = new Utf8Validator(check);
        for (const [from, to] of split(bytes, cuts)) {
          const a = plain.push(bytes, from, to);
          expect(fast.push(bytes, from, to)).toBe(a);
          if (a >= 0) break;
          expect(fast.complete).toBe(plain.complete);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('is really consulted: a check that says yes to anything lets a long invalid text through, a short one not', () => {
    const long = encodeUtf8(`${'中'.repeat(20)}x`);
    long[30] = 0xff;
    const yes = (): boolean => true;
    expect(findInvalidUtf8(long)).toBe(30);
    expect(findInvalidUtf8(long, 0, long.length, check)).toBe(30);
    expect(findInvalidUtf8(long, 0, long.length, yes)).toBe(-1);
    // Below 32 bytes the DFA answers alone (a call into native code costs more than it saves).
    const short = new Uint8Array([0x61, 0xff]);
    expect(findInvalidUtf8(short, 0, short.length, yes)).toBe(1);
    // Inside a code point the check is not asked: its yes would say nothing of the bytes before.
    const v = new Utf8Validator(yes);
    expect(v.push(encodeUtf8('中'), 0, 2)).toBe(-1);
    expect(v.push(new Uint8Array(40).fill(0x61))).toBe(0);
  });
});
