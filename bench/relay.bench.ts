/**
 * Relay budget (DESIGN.md): 1 KiB messages echoed direct against through the capture relay, in the
 * same run — throughput (goal: proxied >= 0.8 of direct) and round-trip latency both ways (goal:
 * p50 added < 100 µs). The echo server and the relay each run in their own process, as they do in
 * real use (the relay lives in Electron's main process). Prints; asserts nothing.
 * Run: npx tsx bench/relay.bench.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, connect } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';

const SELF = fileURLToPath(import.meta.url);
const MESSAGE = Buffer.alloc(1024, 0x61);
const THROUGHPUT_MESSAGES = 40_000;
const WINDOW = 64;
const ROUNDS = 3;
const LATENCY_SAMPLES = 3000;

/** n round trips of one message, one at a time, in µs: send, wait for the peer's echo. */
async function roundTrips(ws: WebSocket, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.send(MESSAGE, { binary: true });
    });
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return samples;
}

// ── child roles ────────────────────────────────────────────────────────────────────────────────

async function serverRole(): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  wss.on('connection', (ws) => {
    let measuring = false;
    ws.on('message', async (data: Buffer, binary) => {
      if (measuring) return;
      if (binary) return void ws.send(data, { binary: true });
      measuring = true;
      const n = Number(data.toString().replace('server-rtt:', ''));
      // Server-initiated round trips: the server sends, the client echoes.
      const samples = await roundTrips(ws, n);
      measuring = false;
      ws.send(JSON.stringify(samples));
    });
  });
  await new Promise((r) => wss.on('listening', r));
  process.stdout.write(`${JSON.stringify({ port: (wss.address() as { port: number }).port })}\n`);
}

/** Answers the parent's "cpu" requests on stdin with this process's CPU time (µs). */
function reportCpuOnRequest(): void {
  process.stdin.on('data', () => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpu: user + system })}\n`);
  });
}

/**
 * The floor: a bare TCP pipe with no parsing and no capture. Whatever ratio it reaches on this
 * machine is the best any Node relay can; ours is judged against it as well as against direct.
 */
async function pipeRole(targetPort: number): Promise<void> {
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`);
  reportCpuOnRequest();
  process.on('SIGTERM', () => process.exit(0));
}

async function proxyRole(target: string, paused: boolean): Promise<void> {
  const { CaptureService } = await import('../electron/engine/capture/capture-service');
  const { EventBus } = await import('../electron/engine/event-bus');
  const dataDir = mkdtempSync(join(tmpdir(), 'framescope-bench-relay-'));
  const capture = new CaptureService({ bus: new EventBus(), dataDir });
  const proxy = await capture.startProxy({ mode: 'reverse', target });
  if (paused) await capture.setCapturePaused(true); // still relays and decodes, records nothing
  process.stdout.write(`${JSON.stringify({ port: proxy.listenPort })}\n`);
  // The parent asks for the relay's CPU time around each run ("cpu" on stdin).
  reportCpuOnRequest();
  process.on('SIGTERM', () => {
    void capture.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

interface Child {
  child: ChildProcess;
  port: number;
  /** CPU time (µs) the child has used so far. */
  cpu(): Promise<number>;
}

function startChild(args: string[]): Promise<Child> {
  // tsx resolved from this file, so the children start whatever the working directory.
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), SELF, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: Array<(line: Record<string, number>) => void> = [];
  let buffered = '';
  child.stdout!.on('data', (c: Buffer) => {
    buffered += c.toString();
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      waiting.shift()?.(JSON.parse(line) as Record<string, number>);
    }
  });
  const next = (): Promise<Record<string, number>> => new Promise((resolve) => waiting.push(resolve));
  const cpu = async (): Promise<number> => {
    const reply = next();
    child.stdin!.write('cpu\n');
    return (await reply).cpu!;
  };
  return new Promise((resolve, reject) => {
    void next().then((first) => resolve({ child, port: first.port!, cpu }));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

// ── measurements ───────────────────────────────────────────────────────────────────────────────

function open(port: number): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Messages per second, with WINDOW messages in flight. */
async function throughput(port: number, count: number): Promise<number> {
  const ws = await open(port);
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    let sent = 0;
    let received = 0;
    ws.on('message', () => {
      received++;
      if (sent < count) {
        ws.send(MESSAGE, { binary: true });
        sent++;
      }
      if (received === count) resolve();
    });
    for (; sent < Math.min(WINDOW, count); sent++) ws.send(MESSAGE, { binary: true });
  });
  const seconds = (performance.now() - t0) / 1000;
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
  ws.send(`server-rtt:${n}`);
  const samples = await result;
  ws.close();
  return samples;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const median = (xs: number[]): number => percentile(xs, 50);

export async function run(): Promise<void> {
  const server = await startChild(['server']);
  const proxy = await startChild(['proxy', `ws://127.0.0.1:${server.port}/`]);
  const paused = await startChild(['proxy-paused', `ws://127.0.0.1:${server.port}/`]);
  const pipe = await startChild(['pipe', String(server.port)]);
  try {
    for (const port of [server.port, proxy.port, paused.port, pipe.port]) await throughput(port, 5000); // warm-up
    const direct: number[] = [];
    const relayed: number[] = [];
    const relayedPaused: number[] = [];
    const cpuPerMessage: number[] = [];
    const cpuPerMessagePaused: number[] = [];
    const piped: number[] = [];
    const cpuPerMessagePipe: number[] = [];
    const measure = async (child: Child, into: number[], cpuInto: number[]): Promise<void> => {
      const cpu0 = await child.cpu();
      into.push(await throughput(child.port, THROUGHPUT_MESSAGES));
      cpuInto.push(((await child.cpu()) - cpu0) / THROUGHPUT_MESSAGES);
    };
    for (let r = 0; r < ROUNDS; r++) {
      direct.push(await throughput(server.port, THROUGHPUT_MESSAGES));
      await measure(proxy, relayed, cpuPerMessage);
      await measure(paused, relayedPaused, cpuPerMessagePaused);
      await measure(pipe, piped, cpuPerMessagePipe);
    }
    const d = median(direct);
    const p = median(relayed);
    console.log(`1 KiB echo, ${WINDOW} in flight, median of ${ROUNDS} × ${THROUGHPUT_MESSAGES} messages`);
    console.log(`  throughput direct  ${(d / 1000).toFixed(1).padStart(7)} k msg/s  ${((d * 2048) / 1e6).toFixed(0).padStart(4)} MB/s both ways`);
    console.log(`  throughput relayed ${(p / 1000).toFixed(1).padStart(7)} k msg/s  ${((p * 2048) / 1e6).toFixed(0).padStart(4)} MB/s both ways`);
    console.log(`  ratio relayed/direct ${(p / d).toFixed(2)}   (goal >= 0.80)`);
    const q = median(relayedPaused);
    console.log(`  (capture paused: ${(q / 1000).toFixed(1)} k msg/s, ratio ${(q / d).toFixed(2)}: relayed and decoded, not recorded)`);
    const b = median(piped);
    console.log(`  (bare TCP pipe, no parsing: ${(b / 1000).toFixed(1)} k msg/s, ratio ${(b / d).toFixed(2)}: the floor for any Node relay here)`);
    console.log(`  ratio relayed/bare pipe ${(p / b).toFixed(2)}`);
    console.log(
      `  relay CPU per echoed message (two 1 KiB frames): ${median(cpuPerMessage).toFixed(1)} µs recording, ` +
        `${median(cpuPerMessagePaused).toFixed(1)} µs paused, ${median(cpuPerMessagePipe).toFixed(1)} µs bare pipe`,
    );
    const rows: Array<[string, number[], number[]]> = [];
    for (const [label, fn] of [
      ['client→server→client', clientRtt],
      ['server→client→server', serverRtt],
    ] as const) {
      const a = await fn(server.port, LATENCY_SAMPLES);
      const b = await fn(proxy.port, LATENCY_SAMPLES);
      rows.push([label, a, b]);
    }
    console.log(`round trips of one 1 KiB message, ${LATENCY_SAMPLES} samples each (µs)`);
    for (const [label, a, b] of rows) {
      const added = median(b) - median(a);
      console.log(
        `  ${label}  direct p50 ${median(a).toFixed(0).padStart(4)} p99 ${percentile(a, 99).toFixed(0).padStart(5)}` +
          ` | relayed p50 ${median(b).toFixed(0).padStart(4)} p99 ${percentile(b, 99).toFixed(0).padStart(5)}` +
          ` | added p50 ${added.toFixed(0).padStart(4)} µs (goal < 100), ratio p50 ${(median(b) / median(a)).toFixed(2)}`,
      );
    }
  } finally {
    for (const c of [server, proxy, paused, pipe]) c.child.kill('SIGTERM');
  }
}

// Run directly (npx tsx, or bench/run-all.ts spawning this file): the parent, or one of its children.
if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const role = process.argv[2];
  if (role === 'server') await serverRole();
  else if (role === 'pipe') await pipeRole(Number(process.argv[3]));
  else if (role === 'proxy' || role === 'proxy-paused') await proxyRole(process.argv[3]!, role === 'proxy-paused');
  else await run();
}
