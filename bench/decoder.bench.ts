/**
 * Decoder throughput: our decoder (DirectionDecoder: FrameParser + MessageAssembler, with the
 * engine's native unmask when bufferutil is installed) against ws's Receiver on the same masked
 * client→server bytes, in the same run. ws picks bufferutil up by itself; the run says which
 * unmask each side used; binary frames, then text ones (both sides check UTF-8). Also: how long
 * inflating a 16 MiB message holds the event loop, and a bomb small enough to be tried on it.
 * Prints; asserts nothing. Run: npm run bench -- decoder
 */
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { constants, deflateRawSync } from 'node:zlib';
import * as wsModule from 'ws';
import { createStreamInflater } from '../electron/engine/capture/inflater.js';
import { nativeParserHelpers, nativeUnmask } from '../electron/engine/capture/native-helpers.js';
import { DirectionDecoder, buildFrame, type InflateEnd, type StreamInflater } from '../shared/protocol/index.js';

// @types/ws does not declare the Receiver class that ws exports.
interface WsReceiver {
  write(chunk: Buffer): boolean;
  on(event: 'message', listener: () => void): void;
}
const { Receiver } = wsModule as unknown as { Receiver: new (options: { isServer: boolean; binaryType: string }) => WsReceiver };

const CHUNK = 64 * 1024; // a typical socket read
const TARGET_BYTES = 32 * 1024 * 1024;
/** Rounds alternate ours and ws; the best of each is compared (the least disturbed by other load). */
const ROUNDS = 11;

/** `size` bytes of UTF-8 text, Chinese and ASCII as a chat message mixes them (ASCII fills the end). */
function textOf(size: number): Uint8Array {
  const out = new Uint8Array(size).fill(0x20);
  const unit = new TextEncoder().encode('你好 hello ');
  for (let at = 0; at + unit.length <= size; at += unit.length) out.set(unit, at);
  return out;
}

function makeStream(payloadSize: number, text = false): { chunks: Uint8Array[]; frames: number; bytes: number } {
  let payload: Uint8Array = new Uint8Array(payloadSize);
  for (let i = 0; i < payloadSize; i++) payload[i] = (i * 31) & 0xff;
  if (text) payload = textOf(payloadSize);
  const one = buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: text ? 1 : 2, mask: true, maskKey: new Uint8Array([0x37, 0xfa, 0x21, 0x3d]), payload }).bytes;
  const frames = Math.max(1, Math.floor(TARGET_BYTES / one.length));
  const all = new Uint8Array(frames * one.length);
  for (let i = 0; i < frames; i++) all.set(one, i * one.length);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < all.length; at += CHUNK) chunks.push(all.subarray(at, Math.min(at + CHUNK, all.length)));
  return { chunks, frames, bytes: all.length };
}

function runOurs(chunks: Uint8Array[]): number {
  let messages = 0;
  const decoder = new DirectionDecoder(
    // As the capture's recorder decodes: text is checked as UTF-8, not turned into strings.
    { from: 'client', ...nativeParserHelpers, decodeText: false },
    {
      frame: (_frame, result) => {
        if (result.message !== null) messages++;
      },
    },
  );
  for (const chunk of chunks) decoder.push(chunk);
  return messages;
}

function runWs(chunks: Buffer[]): number {
  const receiver = new Receiver({ isServer: true, binaryType: 'nodebuffer' });
  let messages = 0;
  receiver.on('message', () => messages++);
  for (const chunk of chunks) receiver.write(chunk);
  return messages;
}

/** ws unmasks in place, so each ws round gets its own copy of the bytes (made outside the timing). */
function copyForWs(chunks: Uint8Array[]): Buffer[] {
  return chunks.map((c) => Buffer.from(c));
}

function best(xs: number[]): number {
  return Math.min(...xs);
}

function bench(label: string, payloadSize: number, text = false): void {
  const { chunks, frames, bytes } = makeStream(payloadSize, text);
  const ours: number[] = [];
  const theirs: number[] = [];
  // Warm-up: a few runs each, so both sides' hot code is optimized for this stream before timing
  // (after the binary streams, a text stream took our decoder up to five runs to reach its speed).
  for (let i = 0; i < 5; i++) {
    runOurs(chunks);
    runWs(copyForWs(chunks));
  }
  for (let r = 0; r < ROUNDS; r++) {
    const wsInput = copyForWs(chunks);
    let t = performance.now();
    const a = runOurs(chunks);
    ours.push(performance.now() - t);
    t = performance.now();
    const b = runWs(wsInput);
    theirs.push(performance.now() - t);
    if (a !== frames || b !== frames) throw new Error(`message count mismatch: ours ${a}, ws ${b}, expected ${frames}`);
  }
  const o = best(ours) / 1000;
  const w = best(theirs) / 1000;
  const fmt = (s: number): string => `${(frames / s / 1e6).toFixed(2).padStart(6)} Mframes/s ${(bytes / s / 1e6).toFixed(0).padStart(5)} MB/s`;
  console.log(`${label.padEnd(7)} ours ${fmt(o)} | ws ${fmt(w)} | ratio ours/ws ${(w / o).toFixed(2)}`);
}

/**
 * Inflates one message through the capture's decoder and inflater, and reports the longest
 * synchronous slice of our own code (what holds the relay's event loop), beside the event loop's
 * worst delay during the run and while idle for as long (the machine's own noise).
 */
async function inflateStall(label: string, text: Buffer): Promise<void> {
  const compressed = new Uint8Array(deflateRawSync(text, { finishFlush: constants.Z_SYNC_FLUSH })).subarray(0, -4);
  const frame = buildFrame({ fin: true, rsv1: true, rsv2: false, rsv3: false, opcode: 1, mask: false, payload: compressed }).bytes;
  let longest = 0;
  const timed =
    <A extends unknown[]>(f: (...a: A) => void) =>
    (...a: A): void => {
      const t = performance.now();
      f(...a);
      longest = Math.max(longest, performance.now() - t);
    };
  const inner = createStreamInflater({ noContextTakeover: false });
  const inflater: StreamInflater = {
    begin: (sink) => inner.begin({ data: timed((b: Uint8Array) => sink.data(b)), end: timed((r: InflateEnd) => sink.end(r)) }),
    write: (b) => inner.write(b),
    end: () => inner.end(),
    abandon: (r) => inner.abandon(r),
  };
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const decoder = new DirectionDecoder({ from: 'server', rsv1Allowed: true, inflater }, { frame: (_f, r) => void r.message?.inflation?.then((m) => (m.length === text.length ? done() : console.log(`wrong size ${m.length}`))) });
  const busy = monitorEventLoopDelay({ resolution: 1 });
  busy.enable();
  const t = performance.now();
  const push = timed((b: Uint8Array) => decoder.push(b));
  for (let at = 0; at < frame.length; at += CHUNK) push(frame.subarray(at, at + CHUNK));
  await finished;
  const ms = performance.now() - t;
  busy.disable();
  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  idle.disable();
  const f = (ns: number): string => (ns / 1e6).toFixed(1);
  console.log(
    `inflate ${label} (${(compressed.length / 1024).toFixed(0)} KiB compressed): ${ms.toFixed(0)} ms; our longest synchronous slice ${longest.toFixed(1)} ms; ` +
      `event loop worst delay ${f(busy.max)} ms (idle, same machine: ${f(idle.max)} ms)`,
  );
}

const wsBufferUtil = createRequire(import.meta.url)(createRequire(import.meta.url).resolve('ws').replace(/index\.js$/, 'lib/buffer-util.js')) as { unmask: (...a: unknown[]) => void };
const wsNative = wsBufferUtil.unmask.toString().includes('bufferUtil');
console.log(`unmask: ws ${wsNative ? 'bufferutil (native)' : 'JavaScript'}, ours ${nativeUnmask !== undefined ? 'bufferutil (native)' : 'TypeScript'}`);
console.log(`masked binary frames, ${TARGET_BYTES / 1024 / 1024} MiB per run in ${CHUNK / 1024} KiB chunks, best of ${ROUNDS}`);
bench('16 B', 16);
bench('1 KiB', 1024);
bench('64 KiB', 64 * 1024);
console.log('masked text frames (Chinese and ASCII), each side checking UTF-8 (RFC 6455 §8.1)');
bench('1 KiB', 1024, true);
bench('64 KiB', 64 * 1024, true);
const text16 = Buffer.alloc(16 * 1024 * 1024);
for (let i = 0; i < text16.length; i++) text16[i] = 0x61 + ((i * 7919) % 26);
await inflateStall('16 MiB text', text16);
// Small enough compressed to be tried on the event loop, stopped there at 256 KiB of output.
await inflateStall('8 MiB of zeros', Buffer.alloc(8 * 1024 * 1024));
