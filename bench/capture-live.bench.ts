/**
 * The capture under live load, through the real relay (issues 12 and 13): a peer floods it with
 * tiny frames (5M empty frames were 491 MiB of RSS while the UI said 38 MiB; now the store's
 * figure is the real one and a budget bounds it), and a client sending 20,000 frames/s while we
 * measure the engine's event-loop lag (budget: p99 < 20 ms), beside the lag of a bare Node pipe
 * relay carrying the same traffic in the same run (the peer: on a busy machine both grow). The
 * sending client runs in its own process, so its work is not counted as ours. Prints; asserts nothing.
 * FLOOD_FRAMES bounds the flood (default 5,000,000); NO_LAG=1 skips the lag run. Run: npm run bench -- capture-live
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { computeAccept } from '../shared/protocol/index.js';
import { CaptureService } from '../electron/engine/capture/capture-service';
import { EventBus } from '../electron/engine/event-bus';

const MIB = 1024 * 1024;
const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const FLOOD = Number(process.env.FLOOD_FRAMES ?? 5_000_000);

/** A WebSocket server that answers 101 and reads everything (a sink). */
async function sink(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('data', () => socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${computeAccept(KEY)}\r\n\r\n`));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => (sockets.forEach((s) => s.destroy()), server.close()) };
}

/** A client in its own process: handshake, then `frames` empty masked frames at `perSecond` (0: as fast as it can). */
function client(port: number, frames: number, perSecond: number): Promise<void> {
  const script = `
    const net = require('node:net');
    const s = net.connect(${port}, '127.0.0.1', () => s.write('GET /bench HTTP/1.1\\r\\nHost: b\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: ${KEY}\\r\\nSec-WebSocket-Version: 13\\r\\n\\r\\n'));
    s.on('error', () => {});
    const frame = Buffer.from([0x82, 0x80, 1, 2, 3, 4]);
    s.once('data', () => {
      let sent = 0;
      const burst = (n) => { const b = Buffer.alloc(n * 6); for (let i = 0; i < n; i++) frame.copy(b, i * 6); sent += n; return s.write(b); };
      if (${perSecond} === 0) {
        const pump = () => { while (sent < ${frames}) if (!burst(Math.min(100000, ${frames} - sent))) return s.once('drain', pump); s.end(); };
        pump();
      } else {
        const t0 = Date.now();
        const tick = setInterval(() => {
          const due = Math.min(${frames}, Math.floor((Date.now() - t0) * ${perSecond} / 1000));
          if (due > sent) burst(due - sent);
          if (sent >= ${frames}) { clearInterval(tick); s.end(); }
        }, 5);
      }
    });
    s.on('close', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', () => resolve()));
}

function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / MIB;
}

async function withRelay(budget: { memoryBytes: number; whenFull: 'stop' | 'drop-oldest' }, body: (capture: CaptureService, port: number) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'framescope-bench-live-'));
  const bus = new EventBus();
  bus.subscribe(() => {}); // a renderer that takes every batch
  const capture = new CaptureService({ bus, dataDir, budget });
  const server = await sink();
  try {
    const proxy = await capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/` });
    await body(capture, proxy.listenPort);
  } finally {
    server.close();
    await capture.close();
    bus.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function relayed(capture: CaptureService, frames: number): Promise<void> {
  for (;;) {
    const c = (await capture.listConnections())[0];
    if (c !== undefined && (c.counters.client.frames >= frames || c.state === 'closed')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function flood(memoryBytes: number): Promise<void> {
  await withRelay({ memoryBytes, whenFull: 'stop' }, async (capture, port) => {
    const before = rssMiB();
    const t0 = performance.now();
    await client(port, FLOOD, 0);
    await relayed(capture, FLOOD);
    const s = await capture.getStats();
    console.log(
      `flood of ${FLOOD.toLocaleString('en')} empty frames (${((FLOOD * 6) / MIB).toFixed(1)} MiB on the wire), budget ${memoryBytes / MIB} MiB: ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s; store ${(s.memoryBytes / MIB).toFixed(1)} MiB for ${s.frames.toLocaleString('en')} frames ` +
        `(${(s.memoryBytes / Math.max(1, s.frames)).toFixed(1)} B each), RSS +${(rssMiB() - before).toFixed(0)} MiB; ` +
        `${s.full ? `capture full, ${s.notRecordedFrames.toLocaleString('en')} not recorded` : 'not full'}`,
    );
  });
}

const LAG_FRAMES = 100_000; // 5 s at 20,000 frames/s
const ms = (ns: number): string => (ns / 1e6).toFixed(1);

/** Event-loop lag while `load` runs. */
async function lagDuring(load: () => Promise<void>): Promise<{ p50: number; p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await load();
  histogram.disable();
  return { p50: histogram.percentile(50), p99: histogram.percentile(99), max: histogram.max };
}

/** The peer: a bare Node pipe relay (no decoding, no capture) in this process, same traffic. */
async function bareLag(): Promise<{ p50: number; p99: number; max: number }> {
  const server = await sink();
  const relay = createServer((c) => {
    const up = connect(server.port, '127.0.0.1');
    c.on('error', () => up.destroy());
    up.on('error', () => c.destroy());
    c.pipe(up).pipe(c);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  try {
    return await lagDuring(() => client((relay.address() as AddressInfo).port, LAG_FRAMES, 20_000));
  } finally {
    relay.close();
    server.close();
  }
}

async function lag(): Promise<void> {
  const bare = await bareLag();
  await withRelay({ memoryBytes: 512 * MIB, whenFull: 'stop' }, async (capture, port) => {
    const ours = await lagDuring(async () => {
      await client(port, LAG_FRAMES, 20_000);
      await relayed(capture, LAG_FRAMES);
    });
    console.log(
      `live capture at 20,000 frames/s for 5 s: event-loop lag p50 ${ms(ours.p50)} ms, p99 ${ms(ours.p99)} ms, max ${ms(ours.max)} ms (budget: p99 < 20 ms); ` +
        `bare pipe relay, same traffic: p50 ${ms(bare.p50)} ms, p99 ${ms(bare.p99)} ms, max ${ms(bare.max)} ms`,
    );
  });
}

export async function run(): Promise<void> {
  if (process.env.NO_LAG === undefined) await lag();
  await flood(512 * MIB);
  await flood(64 * MIB);
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) await run();
