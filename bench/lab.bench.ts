/**
 * The lab's own meter: how fast the socket tap's HTTP/2 meter accounts for bytes (MB/s of wire,
 * 64 KiB reads; HTTP/1.1 and WebSocket bytes are the capture proxy's, see capture.bench.ts), and
 * what a lab run costs end to end: a 3-second headless run's wall time and CPU time. Prints;
 * asserts nothing.
 * Run: npx tsx bench/lab.bench.ts
 */
import { DEFAULT_LAB_OPTIONS } from '../shared/api';
import { runHeadless } from '../electron/engine/lab/headless';
import { H2ConnectionMeter } from '../electron/engine/lab/meter/h2-meter';
import { emptyLedger } from '../electron/engine/lab/meter/wire-ledger';

const CHUNK = 64 * 1024;
const TARGET = 64 * 1024 * 1024;
const ROUNDS = 5;

function chunks(all: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < all.length; at += CHUNK) out.push(all.subarray(at, at + CHUNK));
  return out;
}

function repeat(unit: Uint8Array): Uint8Array {
  const n = Math.floor(TARGET / unit.length);
  const all = new Uint8Array(n * unit.length);
  for (let i = 0; i < n; i++) all.set(unit, i * unit.length);
  return all;
}

function best(label: string, bytes: number, run: () => void): void {
  let fastest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  console.log(`${label.padEnd(44)} ${((bytes / 1e6 / fastest) * 1000).toFixed(0).padStart(6)} MB/s`);
}

// HTTP/2: DATA frames of 1 KiB on stream 1.
const data = new Uint8Array(9 + 1024);
data.set([0, 4, 0, 0, 0, 0, 0, 0, 1]);
const h2 = chunks(repeat(data));
best('HTTP/2 meter, DATA frames of 1 KiB', TARGET, () => {
  const m = new H2ConnectionMeter('b', emptyLedger(true));
  m.client(new Uint8Array(24));
  for (const c of h2) m.server(c);
});

// A whole headless run: five transports, Node clients, a private capture (HTTP/2: socket tap).
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const summary = await runHeadless({ options: { ...DEFAULT_LAB_OPTIONS, clients: 'engine', rate: 50, size: 1024, intervalMs: 100 }, durationS: 3 });
const cpu = process.cpuUsage(cpu0);
console.log(`headless run, 3 s at 50 msg/s × 1 KiB: ${(performance.now() - t0).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ${summary.published} messages × 5 transports`);
