// Many requests over one connection, measured: N requests in flight as N HTTP/1.1 requests through
// an agent limited to six connections per host (as browsers are), against N messages with ids over
// one WebSocket; the server works workMs on each before answering. Times from the client's clock;
// bytes from the client's sockets (TCP payload both ways).
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import { LAB_COST_LIMITS, type LabConcurrencyResult, type LabConcurrencyRow } from '../../../../shared/api';
import { concurrencyClaim } from './cost-claims';

/** Chromium's and Firefox's limit of HTTP/1.1 connections per host. */
export const BROWSER_CONNECTIONS_PER_HOST = 6;

export interface ConcurrencyOptions {
  requests: number;
  workMs: number;
  /** A wrong world for tests: a WebSocket server that answers one message at a time. */
  serialWebSocket?: boolean;
}

export function checkConcurrency(o: { requests?: unknown; workMs?: unknown }): { requests: number; workMs: number } {
  for (const key of ['requests', 'workMs'] as const) {
    const { min, max } = LAB_COST_LIMITS[key];
    const v = o?.[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new RangeError(`${key} must be a whole number from ${min} to ${max}.`);
  }
  return { requests: o.requests as number, workMs: o.workMs as number };
}

export async function measureConcurrency(o: ConcurrencyOptions): Promise<LabConcurrencyResult> {
  const { requests, workMs } = checkConcurrency(o);
  const server = await startWorkServer(workMs, o.serialWebSocket === true);
  try {
    const rows = [await viaHttp(server.port, requests), await viaWebSocket(server.port, requests)];
    return { requests, workMs, maxConnections: BROWSER_CONNECTIONS_PER_HOST, rows, claim: concurrencyClaim(rows, workMs) };
  } finally {
    await server.close();
  }
}

async function startWorkServer(workMs: number, serial: boolean) {
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id') ?? '';
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id, done: true }));
    }, workMs);
  });
  const wss = new WebSocketServer({ server: http, path: '/ws', perMessageDeflate: false });
  wss.on('connection', (ws) => {
    let queue = Promise.resolve();
    ws.on('message', (data) => {
      const { id } = JSON.parse(data.toString()) as { id: number };
      const answer = () => new Promise<void>((resolve) => setTimeout(() => (ws.send(JSON.stringify({ id, done: true })), resolve()), workMs));
      if (serial) queue = queue.then(answer);
      else void answer();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    port: (http.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

const stat = (xs: number[]) => ({ mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), max: Math.max(0, ...xs) });

async function viaHttp(port: number, n: number): Promise<LabConcurrencyRow> {
  const agent = new Agent({ keepAlive: true, maxSockets: BROWSER_CONNECTIONS_PER_HOST });
  const sockets = new Set<Socket>();
  const t0 = performance.now();
  const one = (id: number) =>
    new Promise<{ queue: number; response: number }>((resolve, reject) => {
      const issued = performance.now();
      let assigned = issued;
      const req = request({ host: '127.0.0.1', port, path: `/work?id=${id}`, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ queue: assigned - issued, response: performance.now() - assigned }));
      });
      // The agent hands a request a socket when one is free: the wait until then is the queue.
      req.on('socket', (s) => {
        assigned = performance.now();
        sockets.add(s);
      });
      req.on('error', reject);
      req.end();
    });
  try {
    const results = await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
    const totalMs = performance.now() - t0;
    return {
      transport: 'http1',
      requests: n,
      connections: sockets.size,
      totalMs,
      queueMs: stat(results.map((r) => r.queue)),
      responseMs: stat(results.map((r) => r.response)),
      bytes: [...sockets].reduce((a, s) => a + s.bytesWritten + s.bytesRead, 0),
    };
  } finally {
    agent.destroy();
  }
}

async function viaWebSocket(port: number, n: number): Promise<LabConcurrencyRow> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: false });
  let socket: Socket | null = null;
  ws.on('upgrade', (res) => (socket = res.socket as Socket));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  try {
    const sentAt = new Array<number>(n);
    const response: number[] = [];
    const t0 = performance.now();
    const all = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        const { id } = JSON.parse(data.toString()) as { id: number };
        response.push(performance.now() - sentAt[id]!);
        if (response.length === n) resolve();
      }),
    );
    for (let id = 0; id < n; id++) {
      sentAt[id] = performance.now();
      ws.send(JSON.stringify({ id }));
    }
    await all;
    const totalMs = performance.now() - t0;
    const s = socket as Socket | null;
    return { transport: 'websocket', requests: n, connections: 1, totalMs, queueMs: { mean: 0, max: 0 }, responseMs: stat(response), bytes: s ? s.bytesWritten + s.bytesRead : 0 };
  } finally {
    ws.terminate();
  }
}
