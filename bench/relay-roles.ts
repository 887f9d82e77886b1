/**
 * The processes of the relay benchmark (bench/relay.bench.ts): an echo server, a bare `net` pipe
 * relay (the peer the relay is judged against), the capture relay (recording or paused) and the
 * headless `framescope capture` with and without `--out`. Each relay runs in its own process, as
 * in real use, and answers "cpu" on stdin with its own CPU time (process.cpuUsage), so CPU per
 * message is the relay's alone, not the machine's.
 * FRAMESCOPE_BENCH_PROFILE=DIR starts every relay with `--cpu-prof --cpu-prof-dir=DIR`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { spillBatches } from '../electron/engine/capture/spill-file';

const SELF = fileURLToPath(import.meta.url);
export const MESSAGE = Buffer.alloc(1024, 0x61);
/** A text message of up to 1 KiB as a chat app sends it: JSON, Chinese and ASCII (every relay that decodes checks it as UTF-8). */
export const TEXT_MESSAGE = ((): string => {
  let text = '';
  while (Buffer.byteLength(JSON.stringify({ user: '学生', text: `${text}你好 hello ` })) <= 1024) text += '你好 hello ';
  return JSON.stringify({ user: '学生', text });
})();
/** A text message starting so asks the echo server to measure round trips it starts (bench/relay.bench.ts serverRtt). */
export const RTT_REQUEST = 'server-rtt:';

/** n round trips of one message, one at a time, in µs: send, wait for the peer's echo. */
export async function roundTrips(ws: WebSocket, n: number): Promise<number[]> {
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

/** The echo server; `deflate`: it negotiates permessage-deflate and compresses every message (threshold 0). */
async function serverRole(deflate: boolean): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: deflate ? { threshold: 0 } : false });
  wss.on('connection', (ws) => {
    let measuring = false;
    ws.on('message', async (data: Buffer, binary) => {
      if (measuring) return;
      if (binary) return void ws.send(data, { binary: true });
      const text = data.toString();
      if (!text.startsWith(RTT_REQUEST)) return void ws.send(text);
      measuring = true;
      const n = Number(text.slice(RTT_REQUEST.length));
      // Server-initiated round trips: the server sends, the client echoes.
      const samples = await roundTrips(ws, n);
      measuring = false;
      ws.send(JSON.stringify(samples));
    });
  });
  await new Promise((r) => wss.on('listening', r));
  ready((wss.address() as { port: number }).port);
}

function ready(port: number): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  // The parent asks for this process's CPU time (µs), page faults and spill batches around each run.
  process.stdin.on('data', () => {
    const { user, system } = process.cpuUsage();
    const { direct, writes, cached } = spillBatches;
    process.stdout.write(`${JSON.stringify({ cpu: user + system, faults: process.resourceUsage().minorPageFault, direct, writes, cached })}\n`);
  });
}

/** The peer: a bare TCP pipe, no parsing, no capture — the best any Node relay can do here. */
async function pipeRole(targetPort: number): Promise<void> {
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.pipe(upstream).pipe(client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ready((server.address() as { port: number }).port);
  process.on('SIGTERM', () => process.exit(0));
}

async function relayRole(target: string, paused: boolean): Promise<void> {
  const { CaptureService } = await import('../electron/engine/capture/capture-service');
  const { EventBus } = await import('../electron/engine/event-bus');
  const dataDir = mkdtempSync(join(tmpdir(), 'framescope-bench-relay-'));
  const capture = new CaptureService({ bus: new EventBus(), dataDir });
  const proxy = await capture.startProxy({ mode: 'reverse', target });
  if (paused) await capture.setCapturePaused(true); // still relays and decodes, records nothing
  ready(proxy.listenPort);
  process.on('SIGTERM', () => {
    void capture.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

/** `framescope capture` in this process; its per-frame stdout lines are counted, not printed. */
async function cliRole(target: string, out: boolean): Promise<void> {
  const { captureCommand } = await import('../electron/engine/cli/capture');
  const dir = mkdtempSync(join(tmpdir(), 'framescope-bench-cli-'));
  process.env.FRAMESCOPE_DATA_DIR = dir;
  let interrupt!: () => void;
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  process.on('SIGTERM', () => interrupt());
  let lines = 0;
  const argv = ['--listen', '127.0.0.1:0', '--target', target, ...(out ? ['--out', join(dir, 'capture.jsonl')] : [])];
  const code = await captureCommand.run(argv, {
    out: () => void lines++,
    err: (line) => {
      const m = /^Framescope relay on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
      if (m) ready(Number(m[1]));
    },
    interrupted,
    stdin: process.stdin,
  });
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}

/** What a child has used so far: CPU time (µs), minor page faults, and spill batches written past the page cache (in how many writes) and through it. */
export interface Usage {
  cpu: number;
  faults: number;
  direct: number;
  writes: number;
  cached: number;
}

export interface Child {
  child: ChildProcess;
  port: number;
  /**
   * CPU time (µs) the child has used so far, and its minor page faults: each is a first write to a
   * page, which on a VM that backs guest memory lazily costs more than most of a relay's work.
   */
  usage(): Promise<Usage>;
}

export type Role = 'server' | 'pipe' | 'relay' | 'relay-paused' | 'cli' | 'cli-out';

export function startChild(role: Role, arg: string): Promise<Child> {
  const profile = process.env.FRAMESCOPE_BENCH_PROFILE;
  // Default profile names (CPU.<date>.<pid>.<thread>…): a fixed name would be written by tsx's loader
  // thread too, and the idle loader's profile would replace the relay's.
  const flags = profile && role !== 'server' ? ['--cpu-prof', `--cpu-prof-dir=${profile}/${role}`] : [];
  // tsx resolved from this file, so the children start whatever the working directory.
  const child = spawn(process.execPath, [...flags, '--import', import.meta.resolve('tsx'), SELF, role, arg], { stdio: ['pipe', 'pipe', 'inherit'] });
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
  const usage = async (): Promise<Usage> => {
    const reply = next();
    child.stdin!.write('usage\n');
    const { cpu, faults, direct, writes, cached } = await reply;
    return { cpu: cpu!, faults: faults!, direct: direct!, writes: writes!, cached: cached! };
  };
  return new Promise((resolve, reject) => {
    void next().then((first) => resolve({ child, port: first.port!, usage }));
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

/** Stops a child and waits for it (a profiled child writes its profile on the way out). */
export function stopChild(c: Child): Promise<void> {
  if (c.child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => c.child.once('exit', () => resolve()));
  c.child.kill('SIGTERM');
  return exited;
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [role, arg = ''] = process.argv.slice(2);
  if (role === 'server') await serverRole(arg === 'deflate');
  else if (role === 'pipe') await pipeRole(Number(arg));
  else if (role === 'relay' || role === 'relay-paused') await relayRole(arg, role === 'relay-paused');
  else if (role === 'cli' || role === 'cli-out') await cliRole(arg, role === 'cli-out');
  else throw new Error(`unknown role ${role}`);
}
