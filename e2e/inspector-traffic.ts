// Known WebSocket traffic for the Inspector's end-to-end tests and the UI benchmark: a
// conversation with every kind of frame and a hand-made protocol violation written on a raw
// socket. Everything goes through the engine's real reverse proxy to a `ws` echo server
// (echo-server.ts).
import { connect } from 'node:net';
import { vi } from 'vitest';
import WebSocket, { type ClientOptions } from 'ws';
import { startEchoServer, type EchoServer } from './echo-server';
import type { AppUnderTest } from './harness';

/**
 * The traffic the Inspector's tests read: the known conversation on /plain, the unmasked client
 * frame on /raw, and one compressed message on /deflate (through a second, deflating echo server,
 * returned so the caller closes it). Resolves once the capture holds all 17 frames.
 */
export async function inspectorTraffic(app: AppUnderTest, echoUrl: string): Promise<EchoServer> {
  const deflateEcho = await startEchoServer({ deflate: true });
  const proxy = await startReverseProxy(app, echoUrl);
  const deflateProxy = await startReverseProxy(app, deflateEcho.url);
  await knownConversation(`${proxy}/plain`);
  await unmaskedClientFrame(proxy, '/raw');
  const deflated = await openClient(`${deflateProxy}/deflate`, { perMessageDeflate: { threshold: 0 } });
  const echoed = nextMessage(deflated);
  deflated.send('compress me '.repeat(20));
  await echoed;
  deflated.close();
  await waitForFrames(app, 14 + 1 + 2);
  return deflateEcho;
}

export async function startReverseProxy(app: AppUnderTest, target: string): Promise<string> {
  const status = await app.engine.api.startProxy({ mode: 'reverse', target });
  return status.address.replace(/\/$/, '');
}

export async function openClient(url: string, options: ClientOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false, ...options });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

export function nextMessage(ws: WebSocket): Promise<{ data: Buffer; isBinary: boolean }> {
  return new Promise((resolve) => ws.once('message', (data, isBinary) => resolve({ data: data as Buffer, isBinary })));
}

export const HELLO = 'hello framescope';
export const JSON_MESSAGE = JSON.stringify({ type: 'greeting', items: [1, 2, 3], nested: { ok: true } });
export const FRAGMENTS = ['part-one ', 'part-two ', 'end'];
export const PING = 'are you there';

/**
 * Text, JSON, binary, a message in three fragments, a ping, then a clean close: 14 frames, one
 * at a time (each waits for its echo) so their order in the capture is known.
 */
export async function knownConversation(url: string): Promise<void> {
  const ws = await openClient(url);
  for (const text of [HELLO, JSON_MESSAGE]) {
    const echo = nextMessage(ws);
    ws.send(text);
    await echo;
  }
  let echo = nextMessage(ws);
  ws.send(Buffer.from(Array.from({ length: 16 }, (_, i) => i)));
  await echo;
  echo = nextMessage(ws);
  FRAGMENTS.forEach((part, i) => ws.send(part, { fin: i === FRAGMENTS.length - 1 }));
  await echo;
  const pong = new Promise<void>((resolve) => ws.once('pong', () => resolve()));
  ws.ping(PING);
  await pong;
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  ws.close(1000, 'bye');
  await closed;
}

/** The rows knownConversation produces, in order: [direction, opcode name, FIN]. */
export const KNOWN_ROWS: Array<[string, string, string]> = [
  ['C → S', 'text', '1'],
  ['S → C', 'text', '1'],
  ['C → S', 'text', '1'],
  ['S → C', 'text', '1'],
  ['C → S', 'binary', '1'],
  ['S → C', 'binary', '1'],
  ['C → S', 'text', '0'],
  ['C → S', 'continuation', '0'],
  ['C → S', 'continuation', '1'],
  ['S → C', 'text', '1'],
  ['C → S', 'ping', '1'],
  ['S → C', 'pong', '1'],
  ['C → S', 'close', '1'],
  ['S → C', 'close', '1'],
];

/**
 * A handcrafted upgrade on a raw socket, then one text frame the client did NOT mask: the
 * violation of RFC 6455 §5.1 the Inspector must show. Resolves when the server hangs up.
 */
export async function unmaskedClientFrame(proxyUrl: string, path: string): Promise<void> {
  const { hostname, port } = new URL(proxyUrl);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => {});
  let head = '';
  const upgraded = new Promise<void>((resolve) =>
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) resolve();
    }),
  );
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  await upgraded;
  socket.write(Buffer.from([0x81, 0x05, ...Buffer.from('hello')])); // FIN + text, MASK = 0
  await closed;
}

/** Waits until the capture holds `n` frames, asking the engine through its public contract. */
export async function waitForFrames(app: AppUnderTest, n: number, timeoutMs = 20_000): Promise<void> {
  // vi.waitFor, not expect.poll: this also runs in beforeAll hooks.
  await vi.waitFor(
    async () => {
      const { frames } = await app.engine.api.getStats();
      if (frames < n) throw new Error(`the capture holds ${frames} frames, expected ${n}`);
    },
    { timeout: timeoutMs, interval: 20 },
  );
}
