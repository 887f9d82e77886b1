/**
 * TLS relay (issue 14): 1 KiB messages echoed over wss:// directly against through the forward
 * proxy's TLS interception (CONNECT, Framescope's leaf certificate towards the client, TLS again to
 * the server), in the same run. The echo server runs in its own process; the relay and the client
 * share this one, so the ratio is a floor. Prints; asserts nothing.
 * Run: npm run bench -- tls-relay
 */
import { echoLoop } from './echo-loop';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import { CaptureService } from '../electron/engine/capture/capture-service';
import { EventBus } from '../electron/engine/event-bus';
import { loadCa } from '../electron/engine/tls/ca-store';
import { makeTestCa } from '../electron/engine/tls/test-ca';

const SELF = fileURLToPath(import.meta.url);
const MESSAGE = Buffer.alloc(1024, 0x61);
const COUNT = 20_000;
const WINDOW = 64;
const ROUNDS = 3;

async function serverRole(): Promise<void> {
  const leaf = JSON.parse(process.env.BENCH_LEAF ?? '{}') as { cert: string; key: string };
  const https = createServer({ cert: leaf.cert, key: leaf.key });
  new WebSocketServer({ server: https, perMessageDeflate: false }).on('connection', (ws) => ws.on('message', (d: Buffer) => ws.send(d, { binary: true })));
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', () => r()));
  process.stdout.write(`${JSON.stringify({ port: (https.address() as { port: number }).port })}\n`);
}

async function throughput(ws: WebSocket): Promise<number> {
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const perSecond = COUNT / (await echoLoop(ws, MESSAGE, COUNT, WINDOW));
  ws.terminate();
  return perSecond;
}

function tunnel(proxyPort: number, target: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: target });
    req.on('connect', (_res: IncomingMessage, s: Socket) => resolve(s));
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const ca = makeTestCa('Framescope bench CA');
  const server = spawn(process.execPath, ['--import', 'tsx', SELF, 'server'], { env: { ...process.env, BENCH_LEAF: JSON.stringify(ca.issue(['localhost'])) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => server.stdout!.once('data', (c: Buffer) => resolve((JSON.parse(c.toString()) as { port: number }).port)));
  const dir = mkdtempSync(join(tmpdir(), 'framescope-tls-bench-'));
  const bus = new EventBus();
  const capture = new CaptureService({ bus, dataDir: dir, trustedCertificates: [ca.cert] });
  const proxy = await capture.startProxy({ mode: 'forward' });
  const framescopeCa = loadCa(dir).certificate;
  const url = `wss://localhost:${port}/bench`;
  const direct: number[] = [];
  const relayed: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    direct.push(await throughput(new WebSocket(url, { ca: ca.cert, perMessageDeflate: false })));
    const raw = await tunnel(proxy.listenPort, `localhost:${port}`);
    const secure = tlsConnect({ socket: raw, servername: 'localhost', ca: framescopeCa });
    relayed.push(await throughput(new WebSocket(url, { createConnection: () => secure as TLSSocket, perMessageDeflate: false })));
    await capture.clearCapture();
  }
  const best = (xs: number[]): number => Math.max(...xs);
  console.log(`wss:// 1 KiB echo, ${COUNT} messages, window ${WINDOW}, best of ${ROUNDS}`);
  console.log(`  direct TLS:           ${best(direct).toFixed(0)} msg/s`);
  console.log(`  through interception: ${best(relayed).toFixed(0)} msg/s  (${(best(relayed) / best(direct)).toFixed(2)}× direct)`);
  await capture.close();
  bus.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === 'server') void serverRole();
else void main();
