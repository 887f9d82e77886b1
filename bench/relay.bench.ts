/**
 * Relay budget (DESIGN.md), each figure a ratio against a peer measured in the same run:
 * - 1 KiB echo, 64 in flight: throughput ≥ 0.95× a bare Node `net` pipe relay, and the relay's CPU
 *   per message (process.cpuUsage in the relay process) ≤ 1.3× the pipe's;
 * - `framescope capture --out` ≥ 0.8× the throughput of `framescope capture` without it;
 * - p50 added latency (round trip through the relay minus direct) < 100 µs.
 * Then the same echo with a text message of JSON, Chinese and ASCII (pipe and recording relay
 * only): what chat apps send, and what a decoder must check as UTF-8; and that text compressed
 * (permessage-deflate), which the recording relay inflates.
 * Rounds alternate the configurations so load from other processes hits them alike; every figure
 * is the median of the rounds with [min–max] beside it. Prints; asserts nothing.
 * Run: npm run bench -- relay   (FRAMESCOPE_BENCH_PROFILE=DIR to write CPU profiles of the relays)
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { echoLoop } from './echo-loop';
import WebSocket from 'ws';
import { MESSAGE, RTT_REQUEST, TEXT_MESSAGE, roundTrips, startChild, stopChild, type Child, type Role } from './relay-roles';

const MESSAGES = 20_000;
const WINDOW = 64;
const ROUNDS = 5;
const LATENCY_BLOCKS = 5;
const LATENCY_SAMPLES = 400; // per block and configuration

function open(port: number, deflate = false): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: deflate ? { threshold: 0 } : false });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Messages per second, with WINDOW messages in flight. */
async function throughput(port: number, count: number, message: Uint8Array | string = MESSAGE, deflate = false): Promise<number> {
  const ws = await open(port, deflate);
  const seconds = await echoLoop(ws, message, count, WINDOW);
  ws.close();
  return count / seconds;
}

async function clientRtt(port: number, n: number): Promise<number[]> {
  const ws = await open(port);
  const samples = await roundTrips(ws, n);
  ws.close();
  return samples;
}

async function serverRtt(port: number, n: number): Promise<number[]> {
  const ws = await open(port);
  const result = new Promise<number[]>((resolve) => {
    ws.on('message', (data: Buffer, binary) => {
      if (binary) ws.send(data, { binary: true });
      else resolve(JSON.parse(data.toString()) as number[]);
    });
  });
  ws.send(`${RTT_REQUEST}${n}`);
  const samples = await result;
  ws.close();
  return samples;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const median = (xs: number[]): number => percentile(xs, 50);
const spread = (xs: number[], digits: number): string =>
  `${median(xs).toFixed(digits)} [${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}]`;
const ratios = (a: number[], b: number[]): number[] => a.map((x, i) => x / b[i]!);

/**
 * What keeping a KiB costs this machine, in CPU time of this process: written into freshly
 * allocated pages, into pages already touched, and appended to a file through the page cache. A
 * recording relay keeps every frame; in a VM that backs guest memory lazily, fresh pages (the page
 * cache's too, once it has used up what it recycles) can dwarf the rest of the relay's work, which
 * is why the capture writes the bytes it copies to its spill file first, past the page cache where
 * the system allows it (capture-budget.ts placeFrame, spill-file.ts). What recording costs the relay
 * in all is the line's last figure, recording − paused.
 */
function keepCost(): { fresh: number; reused: number; file: number } {
  const src = Buffer.alloc(1024, 1);
  const n = 32_768;
  const time = (fresh: boolean): number => {
    const keep: Buffer[] = [Buffer.allocUnsafeSlow(8 << 20)];
    let pos = 0;
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      if (pos + 1024 > keep[keep.length - 1]!.length) {
        if (fresh) keep.push(Buffer.allocUnsafeSlow(8 << 20));
        pos = 0;
      }
      keep[keep.length - 1]!.set(src, pos);
      pos += 1024;
    }
    const used = process.cpuUsage(t0);
    return (used.user + used.system) / n;
  };
  const file = (): number => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-bench-keep-'));
    const fd = openSync(join(dir, 'spill.bin'), 'w', 0o600);
    const batch = Buffer.allocUnsafeSlow(1 << 20);
    let pos = 0;
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      batch.set(src, pos);
      pos += 1024;
      if (pos === batch.length) {
        writeSync(fd, batch);
        pos = 0;
      }
    }
    const used = process.cpuUsage(t0);
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
    return (used.user + used.system) / n;
  };
  time(false);
  return { fresh: time(true), reused: time(false), file: file() };
}

interface Config {
  label: string;
  role: Role;
  child?: Child;
  rate: number[];
  cpu: number[];
  faults: number[];
  /** Spill batches written during the rounds: past the page cache (in how many writes), and through it. */
  direct: number;
  writes: number;
  cached: number;
}

/**
 * The text echo compressed (permessage-deflate with context takeover, every message compressed, as
 * Python websockets and Chromium negotiate it) through a bare pipe and a recording relay that
 * inflates every message to record it. Fewer messages: the ws peers themselves manage only a few
 * thousand a second.
 */
async function compressedEcho(): Promise<void> {
  const server = await startChild('server', 'deflate');
  const pipe = await startChild('pipe', String(server.port));
  const relay = await startChild('relay', `ws://127.0.0.1:${server.port}/`);
  try {
    for (const c of [pipe, relay]) await throughput(c.port, 1000, TEXT_MESSAGE, true); // warm-up
    await textRounds('the same text compressed (permessage-deflate, context takeover)', pipe, relay, MESSAGES / 5, true);
  } finally {
    await Promise.all([server, pipe, relay].map(stopChild));
  }
}

/** ROUNDS alternating rounds of the text echo through the pipe and the recording relay; prints rates, CPU and their ratios. */
async function textRounds(heading: string, pipe: Child, relay: Child, count: number, deflate: boolean): Promise<void> {
  const rate = { pipe: [] as number[], relay: [] as number[] };
  const cpu = { pipe: [] as number[], relay: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, c] of [['pipe', pipe], ['relay', relay]] as const) {
      const before = await c.usage();
      rate[name].push(await throughput(c.port, count, TEXT_MESSAGE, deflate));
      cpu[name].push(((await c.usage()).cpu - before.cpu) / count);
    }
  }
  console.log(`${heading}, ${ROUNDS} rounds × ${count} messages`);
  console.log(`  bare net pipe ${spread(rate.pipe.map((x) => x / 1000), 2)} k msg/s (CPU ${spread(cpu.pipe, 1)} µs), relay recording ${spread(rate.relay.map((x) => x / 1000), 2)} k msg/s (CPU ${spread(cpu.relay, 1)} µs)`);
  console.log(`  relay throughput / pipe       ${spread(ratios(rate.relay, rate.pipe), 2)}`);
  console.log(`  relay CPU per message / pipe  ${spread(ratios(cpu.relay, cpu.pipe), 2)}`);
}

export async function run(): Promise<void> {
  const server = await startChild('server', '');
  const target = `ws://127.0.0.1:${server.port}/`;
  const configs: Config[] = (
    [
      ['bare net pipe', 'pipe'],
      ['relay, recording', 'relay'],
      ['relay, capture paused', 'relay-paused'],
      ['framescope capture', 'cli'],
      ['framescope capture --out', 'cli-out'],
    ] as const
  ).map(([label, role]) => ({ label, role, rate: [], cpu: [], faults: [], direct: 0, writes: 0, cached: 0 }));
  const [pipe, relay, paused, cli, cliOut] = configs as [Config, Config, Config, Config, Config];
  try {
    for (const c of configs) c.child = await startChild(c.role, c.role === 'pipe' ? String(server.port) : target);
    for (const c of configs) await throughput(c.child!.port, 3000); // warm-up (JIT, first buffers)
    const direct: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      direct.push(await throughput(server.port, MESSAGES));
      for (const c of configs) {
        const before = await c.child!.usage();
        c.rate.push(await throughput(c.child!.port, MESSAGES));
        const after = await c.child!.usage();
        c.cpu.push((after.cpu - before.cpu) / MESSAGES);
        c.faults.push((after.faults - before.faults) / MESSAGES);
        c.direct += after.direct - before.direct;
        c.writes += after.writes - before.writes;
        c.cached += after.cached - before.cached;
      }
    }
    console.log(`1 KiB echo, ${WINDOW} in flight, ${ROUNDS} rounds × ${MESSAGES} messages; median [min–max] of the rounds`);
    console.log(`  direct (no relay)              ${spread(direct.map((x) => x / 1000), 1).padEnd(20)} k msg/s`);
    for (const c of configs) {
      console.log(
        `  ${c.label.padEnd(30)} ${spread(c.rate.map((x) => x / 1000), 1).padEnd(20)} k msg/s   CPU ${spread(c.cpu, 1).padEnd(18)} µs, ${median(c.faults).toFixed(3)} page faults per echoed message` +
          (c.direct + c.cached > 0 ? `; spill batches ${c.direct} past the page cache in ${c.writes} writes, ${c.cached} through it` : ''),
      );
    }
    console.log('ratios, per round against the peer measured in the same round');
    console.log(`  relay throughput / pipe       ${spread(ratios(relay.rate, pipe.rate), 2)}   (goal ≥ 0.95)`);
    console.log(`  relay CPU per message / pipe  ${spread(ratios(relay.cpu, pipe.cpu), 2)}   (goal ≤ 1.30)`);
    console.log(`  paused throughput / pipe      ${spread(ratios(paused.rate, pipe.rate), 2)}`);
    console.log(`  paused CPU per message / pipe ${spread(ratios(paused.cpu, pipe.cpu), 2)}`);
    console.log(`  capture --out / without       ${spread(ratios(cliOut.rate, cli.rate), 2)}   (goal ≥ 0.80)`);
    console.log(`  capture --out CPU / without   ${spread(ratios(cliOut.cpu, cli.cpu), 2)}`);
    // Text as chat apps send it: every relay that decodes checks it as UTF-8 (RFC 6455 §8.1).
    await textRounds(`text echo (${Buffer.byteLength(TEXT_MESSAGE)} bytes of JSON, Chinese and ASCII)`, pipe.child!, relay.child!, MESSAGES, false);
    await compressedEcho();
    const keep = keepCost();
    console.log(
      `  keeping a KiB on this machine: ${keep.fresh.toFixed(2)} µs of CPU into new memory, ${keep.reused.toFixed(2)} into touched memory, ` +
        `${keep.file.toFixed(2)} into a file through the page cache; recording keeps ~2 KiB per echoed message; ` +
        `recording − paused = ${median(relay.cpu.map((x, i) => x - paused.cpu[i]!)).toFixed(1)} µs`,
    );

    const peers: Array<[string, number]> = [
      ['direct', server.port],
      ['pipe', pipe.child!.port],
      ['relay', relay.child!.port],
    ];
    console.log(`round trips of one 1 KiB message, ${LATENCY_BLOCKS} alternating blocks × ${LATENCY_SAMPLES} samples (µs)`);
    for (const [label, fn] of [
      ['client→server→client', clientRtt],
      ['server→client→server', serverRtt],
    ] as const) {
      const samples = new Map<string, number[]>(peers.map(([name]) => [name, []]));
      for (let b = 0; b < LATENCY_BLOCKS; b++) for (const [name, port] of peers) samples.get(name)!.push(...(await fn(port, LATENCY_SAMPLES)));
      const d = samples.get('direct')!;
      const row = peers.map(([name]) => {
        const s = samples.get(name)!;
        return `${name} p50 ${median(s).toFixed(0)} p99 ${percentile(s, 99).toFixed(0)}`;
      });
      const added = (name: string): number => median(samples.get(name)!) - median(d);
      console.log(`  ${label}  ${row.join(' | ')}`);
      console.log(
        `    p50 added by the relay ${added('relay').toFixed(0)} µs (goal < 100), by the bare pipe ${added('pipe').toFixed(0)} µs: ` +
          `the relay's own share ${(added('relay') - added('pipe')).toFixed(0)} µs`,
      );
    }
  } finally {
    await Promise.all([server, ...configs.map((c) => c.child)].filter((c): c is Child => c !== undefined).map(stopChild));
  }
}

await run();
