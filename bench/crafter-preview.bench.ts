/**
 * The crafter's live preview: what one keystroke costs (parse the editor text, build the frame
 * with the codec's builder, judge it with the parser and assembler), for payloads of several sizes
 * and for hex text; plus the engine's deflate of a payload. Prints; asserts nothing.
 * Run: npx tsx bench/crafter-preview.bench.ts
 */
import { buildCraftFrame } from '../shared/craft/build-craft-frame';
import { checkSequence } from '../shared/craft/check-sequence';
import { makeFrame, type CraftFrame } from '../shared/craft/craft-spec';
import { formatHexPayload } from '../shared/craft/hex-payload';
import { deflateMessage } from '../electron/engine/craft/deflate-message';

const ROUNDS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median time of one preview update (build + check), in milliseconds. */
function keystroke(frame: CraftFrame): number {
  const times: number[] = [];
  const iterations = Math.max(3, Math.floor(2_000_000 / Math.max(1, frame.payload.length)));
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) {
      const b = buildCraftFrame(frame);
      if (!b.ok) throw new Error(b.error);
      checkSequence([b.bytes], { from: 'client', rsv1Allowed: false });
    }
    times.push((performance.now() - t0) / iterations);
  }
  return median(times);
}

const text = (n: number) => 'WebSocket frame crafter '.repeat(Math.ceil(n / 24)).slice(0, n);
console.log('preview update per keystroke (build + parse + assemble), median of 7 rounds:');
for (const size of [20, 4096, 65536, 1048576]) {
  const ms = keystroke(makeFrame({ payload: text(size), maskKey: '37fa213d' }));
  console.log(`  text ${String(size).padStart(8)} B   ${ms.toFixed(3).padStart(9)} ms`);
}
for (const size of [4096, 65536, 1048576]) {
  const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff);
  const ms = keystroke(makeFrame({ opcode: 2, payloadMode: 'hex', payload: formatHexPayload(bytes), maskKey: '37fa213d' }));
  console.log(`  hex  ${String(size).padStart(8)} B   ${ms.toFixed(3).padStart(9)} ms   (${(size * 3).toLocaleString('en-US')} characters of hex)`);
}

console.log('engine deflate (RFC 7692, window 15), median of 7 rounds:');
for (const size of [1024, 65536, 1048576]) {
  const payload = new TextEncoder().encode(text(size));
  const times: number[] = [];
  let out = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    out = deflateMessage(payload).length;
    times.push(performance.now() - t0);
  }
  console.log(`  ${String(size).padStart(8)} B → ${String(out).padStart(6)} B   ${median(times).toFixed(3).padStart(9)} ms`);
}
