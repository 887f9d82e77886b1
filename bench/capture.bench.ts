/**
 * Capture budget (DESIGN.md): one million small frames held in under 500 MB, recorded faster than
 * 20,000 frames/s, and paged back quickly (first page, a page deep in the capture, a text filter
 * over all of it, then the same filter again after more frames arrive). The frames go through the
 * real decoder and store (WsDirectionRecorder), not a shortcut. Prints; asserts nothing.
 * Run: npx tsx --expose-gc bench/capture.bench.ts   (or `npm run bench`)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFrame, encodeUtf8 } from '../shared/protocol/index.js';
import { CaptureService } from '../electron/engine/capture/capture-service';
import { WsDirectionRecorder } from '../electron/engine/capture/ws-recorder';
import { EventBus } from '../electron/engine/event-bus';

const FRAMES = 1_000_000;
const CHUNK = 64 * 1024;
const MIB = 1024 * 1024;

/** The client→server stream of `count` masked text frames "message 0000042" (21-byte frames). */
function stream(from: number, count: number): Uint8Array[] {
  const key = new Uint8Array([0x37, 0xfa, 0x21, 0x3d]);
  const frames = [];
  for (let i = from; i < from + count; i++) {
    const payload = encodeUtf8(`message ${String(i).padStart(7, '0')}`);
    frames.push(buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, mask: true, maskKey: key, payload }).bytes);
  }
  const total = frames.reduce((n, f) => n + f.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const f of frames) {
    all.set(f, at);
    at += f.length;
  }
  const chunks = [];
  for (let i = 0; i < all.length; i += CHUNK) chunks.push(all.subarray(i, Math.min(all.length, i + CHUNK)));
  return chunks;
}

function memory(): { heap: number; external: number; rss: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / MIB, external: m.external / MIB, rss: m.rss / MIB }; // external includes ArrayBuffers
}

const signed = (x: number): string => (Math.round(x) >= 0 ? `+${Math.round(x)}` : String(Math.round(x)));

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'framescope-bench-capture-'));
  const bus = new EventBus();
  const capture = new CaptureService({ bus, dataDir });
  try {
    const record = capture.store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://bench/', client: { address: '127.0.0.1', port: 1 }, openedAt: 0 });
    const recorder = new WsDirectionRecorder(capture.store, record, 'client', null);
    const input = stream(0, FRAMES);
    const before = memory();
    const t0 = performance.now();
    let time = 0;
    for (const chunk of input) {
      recorder.push(chunk, time++);
      if (time % 64 === 0) bus.flush(); // the renderer's batched events, as in a live capture
    }
    const seconds = (performance.now() - t0) / 1000;
    input.length = 0;
    const after = memory();
    const stats = await capture.getStats();
    console.log(`recorded ${stats.frames.toLocaleString('en')} frames of 21 bytes in ${seconds.toFixed(2)} s: ${(stats.frames / seconds / 1000).toFixed(0)} k frames/s (budget: live at 20 k/s)`);
    console.log(
      `memory for them: heap ${signed(after.heap - before.heap)} MiB, buffers ${signed(after.external - before.external)} MiB, ` +
        `RSS ${after.rss.toFixed(0)} MiB in all (budget: < 500 MB); store: ${(stats.memoryBytes / MIB).toFixed(0)} MiB of captured bytes, ` +
        `${((capture.store.blobs.allocatedBytes + capture.store.frames.bytes) / MIB).toFixed(0)} MiB allocated with the index columns`,
    );

    const [, first] = await timed(() => capture.queryFrames({ start: 0, count: 100 }));
    const [, deep] = await timed(() => capture.queryFrames({ start: 654_321, count: 100 }));
    const [hits, scan] = await timed(() => capture.queryFrames({ filter: { text: 'message 00012' }, start: 0, count: 100 }));
    const [, again] = await timed(() => capture.queryFrames({ filter: { text: 'message 00012' }, start: 50, count: 100 }));
    const [, regex] = await timed(() => capture.queryFrames({ filter: { text: '9999$', regex: true }, start: 0, count: 100 }));
    for (const chunk of stream(FRAMES, 10_000)) recorder.push(chunk, time++);
    const [more, incremental] = await timed(() => capture.queryFrames({ filter: { text: 'message 00012' }, start: 0, count: 100 }));
    const [position, locate] = await timed(() => capture.locateFrame({ filter: { text: 'message 00012' }, frameId: 1_234 }));
    const [, detail] = await timed(() => capture.getFrame(777_777));
    const ms = (x: number): string => `${x.toFixed(1)} ms`;
    console.log(`queryFrames, 100 rows: first page ${ms(first)}, at row 654,321 ${ms(deep)}`);
    console.log(`text filter over ${FRAMES.toLocaleString('en')} frames: first use ${ms(scan)} (${hits.total} rows), cached ${ms(again)}, regex ${ms(regex)}`);
    console.log(`same filter after 10,000 more frames: ${ms(incremental)} (${more.total} rows, only new frames scanned); locateFrame ${ms(locate)} (row ${position}); getFrame ${ms(detail)}`);
  } finally {
    await capture.close();
    bus.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) await run();
