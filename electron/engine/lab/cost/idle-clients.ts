// Idle clients in a child process, so the figures read in the engine are the server's alone (the
// clients' sockets, buffers and objects live elsewhere). The child uses Node built-ins only (it runs
// as `node -e`, or Electron's binary with ELECTRON_RUN_AS_NODE), opens N TCP connections in batches,
// sends each the transport's opening request, prints "sent", and holds them until killed.
import { spawn, type ChildProcess } from 'node:child_process';
import type { IdleTransport } from '../../../../shared/api';

const CLIENT_SCRIPT = String.raw`
const net = require('node:net');
const [port, kind, n] = JSON.parse(process.argv[1]);
const request = (i) =>
  kind === 'websocket'
    ? 'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'
    : kind === 'sse'
      ? 'GET /sse HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n'
      : 'GET /poll?client=idle' + i + ' HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
const sockets = [];
let sent = 0;
let i = 0;
function batch() {
  const end = Math.min(n, i + 100);
  let pending = end - i;
  for (; i < end; i++) {
    const s = net.connect(port, '127.0.0.1');
    const k = i;
    s.on('connect', () => {
      s.write(request(k));
      sent++;
      if (--pending === 0) (i < n ? batch() : process.stdout.write('sent ' + sent + '\n'));
    });
    s.on('error', (e) => { process.stderr.write(e.message + '\n'); process.exit(3); });
    s.on('data', () => {});
    sockets.push(s);
  }
}
batch();
`;

export interface IdleClients {
  /** Resolves once every connection is open and its request sent. */
  sent: Promise<void>;
  stop(): Promise<void>;
}

export function spawnIdleClients(port: number, transport: IdleTransport, n: number): IdleClients {
  const child: ChildProcess = spawn(process.execPath, ['-e', CLIENT_SCRIPT, JSON.stringify([port, transport, n])], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errText = '';
  child.stderr!.on('data', (d: Buffer) => (errText = (errText + d.toString()).slice(-500)));
  const sent = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('sent ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the idle clients stopped (exit ${code}) ${errText.trim()}`)));
    child.once('error', reject);
  });
  sent.catch(() => {});
  return {
    sent,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
