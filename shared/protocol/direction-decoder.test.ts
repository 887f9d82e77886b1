// The one decoding pipeline past the display budget: payload beyond what a frame keeps still
// reaches the assembler (UTF-8 over the whole message), at any split, with or without the engine's
// native helpers; what is not kept is reported as truncated, never as a violation.
import { createRequire } from 'node:module';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DirectionDecoder, type DirectionDecoderOptions } from './direction-decoder.js';
import { buildFrame } from './frame-builder.js';
import type { AssemblerResult } from './message-assembler.js';
import type { NativeUnmask } from './unmask.js';
import type { DecodedFrame } from './types.js';

const bufferutil = createRequire(import.meta.url)('bufferutil') as { mask: NativeUnmask };

function decode(wire: Uint8Array, cuts: number[], options: DirectionDecoderOptions): Array<{ frame: DecodedFrame; result: AssemblerResult }> {
  const out: Array<{ frame: DecodedFrame; result: AssemblerResult }> = [];
  const decoder = new DirectionDecoder(options, { frame: (frame, result) => out.push({ frame, result }) });
  const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
  let at = 0;
  for (const p of [...points, wire.length]) {
    decoder.push(wire.subarray(at, p));
    at = p;
  }
  decoder.end();
  return out;
}

const frame = (opcode: number, payload: Uint8Array, fin = true, key = new Uint8Array([9, 8, 7, 6])): Uint8Array =>
  buildFrame({ fin, rsv1: false, rsv2: false, rsv3: false, opcode, mask: true, maskKey: key, payload }).bytes;

describe('DirectionDecoder past the budget', () => {
  it('finds invalid UTF-8 far past what is kept, at its stream offset, at any split, native unmask or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 400 }), fc.integer({ min: 0, max: 399 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), fc.boolean(), (size, badAt0, cuts, native, fragmented) => {
        const text = new Uint8Array(size).fill(0x61);
        const badAt = badAt0 % size;
        text[badAt] = 0xff;
        const half = fragmented ? Math.floor(size / 2) : size;
        const wire = fragmented
          ? new Uint8Array([...frame(1, text.subarray(0, half), false), ...frame(0, text.subarray(half))])
          : frame(1, text);
        const rows = decode(wire, cuts, { from: 'client', payloadBudget: 16, ...(native ? { unmask: bufferutil.mask } : {}) });
        const violations = rows.flatMap((r) => [...r.frame.violations, ...r.result.violations]);
        const headerLength = 8; // 16-bit length + mask for ≥ 126, else 6
        const h1 = half >= 126 ? headerLength : 6;
        const h2 = size - half >= 126 ? headerLength : 6;
        const offset = badAt < half ? h1 + badAt : h1 + half + h2 + (badAt - half);
        expect(violations.map((v) => [v.code, v.offset])).toEqual([['invalid-utf8', offset]]);
        const message = rows.at(-1)!.result.message!;
        expect(message.truncated).toBe(true);
        expect(message.payload.length).toBeLessThanOrEqual(16);
        expect(Array.from(message.payload)).toEqual(Array.from(text.subarray(0, message.payload.length)));
      }),
      { numRuns: 300 },
    );
  });

  it('native and TypeScript unmasking agree at every split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 3000 }), fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 8 }), (payload, key, cuts) => {
        const wire = frame(2, payload, true, key);
        const ts = decode(wire, cuts, { from: 'client', payloadBudget: 1000 });
        const nat = decode(wire, cuts, { from: 'client', payloadBudget: 1000, unmask: bufferutil.mask, allocate: (n) => new Uint8Array(n).fill(0xee) });
        expect(Array.from(nat[0]!.frame.payload)).toEqual(Array.from(ts[0]!.frame.payload));
        expect(Array.from(ts[0]!.frame.payload)).toEqual(Array.from(payload.subarray(0, 1000)));
      }),
      { numRuns: 200 },
    );
  });
});
