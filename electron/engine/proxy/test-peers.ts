// Real peers for the relay's tests: a capture service in a temporary folder, ws servers, raw TCP
// taps that record every byte crossing them, and polling (no sleeps). Test-only code.
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer, type ServerOptions } from 'ws';
import { computeAccept } from '../../../shared/protocol/index';
import { CaptureService, type CaptureServiceDeps } from '../capture/capture-service';
import { EventBus } from '../event-bus';

export interface TestCapture {
  capture: CaptureService;
  bus: EventBus;
  dir: string;
  close(): Promise<void>;
}

export function startCapture(deps: Partial<CaptureServiceDeps> = {}): TestCapture {
  const dir = mkdtempSync(join(tmpdir(), 'framescope-capture-'));
  const bus = new EventBus(5);
  const capture = new CaptureService({ bus, dataDir: dir, ...deps });
  return {
    capture,
    bus,
    dir,
    async close() {
      await capture.close();
      bus.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function listen(server: Server | WebSocketServer): Promise<number> {
  if (server instanceof WebSocketServer) {
    return new Promise((resolve) => server.on('listening', () => resolve((server.address() as AddressInfo).port)));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

export async function startWsServer(options: Omit<ServerOptions, 'port' | 'host'> = {}): Promise<{ wss: WebSocketServer; port: number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', ...options });
  const port = await listen(wss);
  return {
    wss,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** A TCP pass-through that records every byte in both directions. */
export interface Tap {
  port: number;
  up: Buffer[];
  down: Buffer[];
  upBytes(): Buffer;
  downBytes(): Buffer;
  close(): Promise<void>;
}

export async function startTap(targetPort: number): Promise<Tap> {
  const up: Buffer[] = [];
  const down: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (inbound) => {
    const outbound = connect({ port: targetPort, host: '127.0.0.1', allowHalfOpen: true });
    sockets.add(inbound).add(outbound);
    inbound.on('data', (c: Buffer) => {
      up.push(Buffer.from(c));
      outbound.write(c);
    });
    outbound.on('data', (c: Buffer) => {
      down.push(Buffer.from(c));
      inbound.write(c);
    });
    inbound.on('end', () => outbound.end());
    outbound.on('end', () => inbound.end());
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
    inbound.on('close', () => sockets.delete(inbound));
    outbound.on('close', () => sockets.delete(outbound));
  });
  const port = await listen(server);
  return {
    port,
    up,
    down,
    upBytes: () => Buffer.concat(up),
    downBytes: () => Buffer.concat(down),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A raw TCP client that collects everything it receives. */
export async function rawClient(port: number): Promise<{ socket: Socket; received: () => Buffer; ended: Promise<void> }> {
  const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.on('end', () => socket.end()); // like a browser: the server's FIN closes our side too
  socket.on('error', () => {});
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  return { socket, received: () => Buffer.concat(chunks), ended };
}

export const RAW_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
export const RAW_UPGRADE = `GET /feed HTTP/1.1\r\nHost: example.test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${RAW_KEY}\r\nSec-WebSocket-Version: 13\r\n\r\n`;

/** A raw WebSocket server: answers 101 to any upgrade, then hands the socket (and bytes after the head) to `after`. */
export async function rawWsServer(after: (socket: Socket, received: () => Buffer) => void): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    let head = Buffer.alloc(0);
    let body: Buffer[] | null = null;
    socket.on('data', (c: Buffer) => {
      if (body !== null) {
        body.push(c);
        return;
      }
      head = Buffer.concat([head, c]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      body = [head.subarray(end + 4)];
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${computeAccept(RAW_KEY)}\r\n\r\n`);
      after(socket, () => Buffer.concat(body as Buffer[]));
    });
  });
  const port = await listen(server);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A raw client that performs the opening handshake; `frames()` is what arrived after the 101 head. */
export async function rawWsClient(port: number): Promise<{ socket: Socket; frames: () => Buffer; ended: Promise<void> }> {
  const client = await rawClient(port);
  client.socket.write(RAW_UPGRADE);
  await waitFor(() => client.received().includes('\r\n\r\n'), 5000, '101 head');
  const frames = (): Buffer => {
    const all = client.received();
    return all.subarray(all.indexOf('\r\n\r\n') + 4);
  };
  return { socket: client.socket, frames, ended: client.ended };
}

/** A CONNECT tunnel to `target` (host:port) through a forward proxy; rejects unless it answers 200. */
export function connectTunnel(proxyPort: number, target: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: target });
    req.on('connect', (res: IncomingMessage, s: Socket) => (res.statusCode === 200 ? resolve(s) : reject(new Error(String(res.statusCode)))));
    req.on('error', reject);
    req.end();
  });
}
