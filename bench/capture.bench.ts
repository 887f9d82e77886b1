/**
 * Capture budget (DESIGN.md): at most 48 B of memory per small frame, 10M small frames under 1 GB
 * of RSS, recorded faster than 20,000 frames/s, and paged back quickly (first page, a page deep in
 * the capture, a text filter over all of it, the same filter after more frames arrive). The frames
 * go through the real decoder and store (WsDirectionRecorder), not a shortcut. Each size runs in
 * its own process, so one run's heap never inflates another's RSS. Prints; asserts nothing.
 * The relay side (a flood through the proxy, event-loop lag at 20k frames/s) is capture-live.bench.ts.
 * Run: npm run bench -- capture
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildFrame, encodeUtf8 } from '../shared/protocol/index.js';
import { CaptureService } from '../electron/engine/capture/capture-service';
import { WsDirectionRecorder } from '../electron/engine/capture/ws-recorder';
import { EventBus } from '../electron/engine/event-bus';

const SIZES = [1_000_000, 10_000_000];
const CHUNK_FRAMES = 3000;
const MIB = 1024 * 1024;
const KEY = new Uint8Array([0x37, 0xfa, 0x21, 0x3d]);

/** The client→server stream of masked text frames "message 0000042" (21 bytes each), ~64 KiB at a time. */
function* stream(from: number, count: number): Generator<Uint8Array> {
  for (let start = from; start < from + count; start += CHUNK_FRAMES) {
    const n = Math.min(CHUNK_FRAMES, from + count - start);
    const chunk = new Uint8Array(n * 21);
    for (let i = 0; i < n; i++) {
      const payload = encodeUtf8(`message ${String(start + i).padStart(7, '0')}`);
      chunk.set(buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, mask: true, maskKey: KEY, payload }).bytes, i * 21);
    }
    yield chunk;
  }
}

function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / MIB;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

/** One size, in this process. */
async function measure(frames: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'framescope-bench-capture-'));
  const bus = new EventBus();
  const capture = new CaptureService({ bus, dataDir, budget: { memoryBytes: 1024 * MIB } });
  try {
    const store = capture.store;
    const record = store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://bench/', client: { address: '127.0.0.1', port: 1 }, openedAt: 0 });
    const recorder = new WsDirectionRecorder(store, record, 'client', null);
    const before = rssMiB();
    let time = 0;
    let recording = 0;
    for (const chunk of stream(0, frames)) {
      const t0 = performance.now();
      recorder.push(chunk, time++);
      recording += performance.now() - t0;
      if (time % 16 === 0) bus.flush(); // the renderer's batched events, as in a live capture
    }
    const after = rssMiB();
    const stats = await capture.getStats();
    const n = stats.frames.toLocaleString('en');
    console.log(
      `${n} frames of 21 bytes: ${(stats.memoryBytes / stats.frames).toFixed(1)} B per frame all-in (budget: <= 48 B), ` +
        `store ${(stats.memoryBytes / MIB).toFixed(0)} MiB, RSS ${after.toFixed(0)} MiB (${(after - before).toFixed(0)} MiB for the capture; budget at 10M: < 1 GB), ` +
        `recorded at ${(stats.frames / (recording / 1000) / 1000).toFixed(0)} k frames/s (budget: live at 20 k/s)${stats.full ? ' — FULL' : ''}`,
    );
    if (frames <= 1_000_000) {
      const [, first] = await timed(() => capture.queryFrames({ start: 0, count: 100 }));
      const [, deep] = await timed(() => capture.queryFrames({ start: 654_321, count: 100 }));
      const [hits, scan] = await timed(() => capture.queryFrames({ filter: { text: 'message 00012' }, start: 0, count: 100 }));
      const [, again] = await timed(() => capture.queryFrames({ filter: { text: 'message 00012' }, start: 50, count: 100 }));
      for (const chunk of stream(frames, 10_000)) recorder.push(chunk, time++);
      const [more, incremental] = await timed(() => capture.queryFrames({ filter: { text: 'message 00012' }, start: 0, count: 100 }));
      const [, detail] = await timed(() => capture.getFrame(777_777));
      const ms = (x: number): string => `${x.toFixed(1)} ms`;
      console.log(`  queryFrames, 100 rows: first page ${ms(first)}, at row 654,321 ${ms(deep)}; getFrame ${ms(detail)}`);
      console.log(`  text filter over ${n} frames: first use ${ms(scan)} (${hits.total} rows), cached ${ms(again)}, after 10,000 more ${ms(incremental)} (${more.total} rows)`);
    }
    {
      // A field filter over the whole capture, as the table reads it (progressive) and as the
      // timeline does (complete): the first answer's wait, the event loop's longest turn meanwhile.
      const ms = (x: number): string => `${x.toFixed(1)} ms`;
      const done = new Promise<void>((resolve) => {
        capture.store.filters.onProgress = (e) => e.done && resolve();
      });
      let longest = 0;
      let last = performance.now();
      const probe = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 1);
      const t0 = performance.now();
      const [firstPage, firstAnswer] = await timed(() => capture.queryFrames({ filter: { from: 'server' }, start: 0, count: 100, progressive: true }));
      // (A scan that ends inside the first answer sends no progress; the timeout covers that case.)
      await Promise.race([done, new Promise((r) => setTimeout(r, 60_000).unref())]);
      void firstPage;
      const whole = performance.now() - t0;
      clearInterval(probe);
      const [, complete] = await timed(() => capture.queryFrames({ filter: { opcodes: [2] }, start: 0, count: 100 }));
      console.log(`  field filter over ${n} frames, progressive: first answer ${ms(firstAnswer)}, done in ${ms(whole)}, longest event-loop turn ${ms(longest)}; complete (another filter) ${ms(complete)}`);
    }
    const [, clear] = await timed(() => capture.clearCapture());
    console.log(`  Clear: ${clear.toFixed(0)} ms; store holds ${(await capture.getStats()).memoryBytes} B after it, RSS ${rssMiB().toFixed(0)} MiB`);
  } finally {
    await capture.close();
    bus.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  for (const frames of SIZES) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', self, `--frames=${frames}`], { stdio: 'inherit' });
    if (child.status !== 0) console.log(`(the ${frames.toLocaleString('en')}-frame run exited with ${child.status})`);
  }
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const arg = process.argv.find((a) => a.startsWith('--frames='));
  if (arg !== undefined) await measure(Number(arg.slice('--frames='.length)));
  else await run();
}
