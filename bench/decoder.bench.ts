/**
 * Decoder throughput: our FrameParser + MessageAssembler against ws's Receiver
 * on the same masked client→server bytes, in the same run. Prints; asserts nothing.
 * Run: npx tsx bench/decoder.bench.ts
 */
import * as wsModule from 'ws';
import { FrameParser, MessageAssembler, buildFrame } from '../shared/protocol/index.js';

// @types/ws does not declare the Receiver class that ws exports.
interface WsReceiver {
  write(chunk: Buffer): boolean;
  on(event: 'message', listener: () => void): void;
}
const { Receiver } = wsModule as unknown as { Receiver: new (options: { isServer: boolean; binaryType: string }) => WsReceiver };

const CHUNK = 64 * 1024; // a typical socket read
const TARGET_BYTES = 32 * 1024 * 1024;
const ROUNDS = 7;

function makeStream(payloadSize: number): { chunks: Uint8Array[]; frames: number; bytes: number } {
  const payload = new Uint8Array(payloadSize);
  for (let i = 0; i < payloadSize; i++) payload[i] = (i * 31) & 0xff;
  const one = buildFrame(
    { fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 2, mask: true, maskKey: new Uint8Array([0x37, 0xfa, 0x21, 0x3d]), payload },
  ).bytes;
  const frames = Math.max(1, Math.floor(TARGET_BYTES / one.length));
  const all = new Uint8Array(frames * one.length);
  for (let i = 0; i < frames; i++) all.set(one, i * one.length);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < all.length; at += CHUNK) chunks.push(all.subarray(at, Math.min(at + CHUNK, all.length)));
  return { chunks, frames, bytes: all.length };
}

function runOurs(chunks: Uint8Array[]): number {
  const parser = new FrameParser({ from: 'client' });
  const assembler = new MessageAssembler();
  let messages = 0;
  for (const chunk of chunks) {
    const events = parser.push(chunk);
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.type === 'frame' && assembler.push(e.frame).message !== null) messages++;
    }
  }
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function bench(label: string, payloadSize: number): void {
  const { chunks, frames, bytes } = makeStream(payloadSize);
  const ours: number[] = [];
  const theirs: number[] = [];
  runOurs(chunks); // warm-up
  runWs(copyForWs(chunks));
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
  const o = median(ours) / 1000;
  const w = median(theirs) / 1000;
  const fmt = (s: number): string => `${(frames / s / 1e6).toFixed(2).padStart(6)} Mframes/s ${(bytes / s / 1e6).toFixed(0).padStart(5)} MB/s`;
  console.log(`${label.padEnd(7)} ours ${fmt(o)} | ws ${fmt(w)} | ratio ours/ws ${(w / o).toFixed(2)}`);
}

console.log(`masked binary frames, ${TARGET_BYTES / 1024 / 1024} MiB per run in ${CHUNK / 1024} KiB chunks, median of ${ROUNDS}`);
bench('16 B', 16);
bench('1 KiB', 1024);
bench('64 KiB', 64 * 1024);
