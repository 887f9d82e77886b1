// Plain HTTP through the relay, as the comparison lab uses it: keep-alive GETs, POST bodies
// (Content-Length and chunked), chunked responses, long polling and SSE streams — each exchange
// recorded with its exact head bytes, body byte counts, times and server-sent events.
import { createServer, request, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen, startCapture, startTap, waitFor, type TestCapture } from './test-peers';

interface Reply {
  status: number;
  body: string;
}

function send(port: number, path: string, options: { method?: string; body?: string; chunked?: boolean; agent?: Agent } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', agent: options.agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (options.chunked) req.setHeader('Transfer-Encoding', 'chunked');
    if (options.body !== undefined) {
      if (options.chunked) {
        req.write(options.body.slice(0, 3));
        req.write(options.body.slice(3));
      } else {
        req.setHeader('Content-Length', Buffer.byteLength(options.body));
        req.write(options.body);
      }
    }
    req.end();
  });
}

describe('HTTP through the reverse proxy', () => {
  let t: TestCapture;
  let port: number;
  let closeServer: () => Promise<void>;
  let held: ServerResponse[];
  let sse: ServerResponse[];

  beforeEach(async () => {
    t = startCapture();
    held = [];
    sse = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.url === '/poll') return void held.push(res);
        if (req.url === '/events') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
          res.write(': keep-alive comment\n\n');
          sse.push(res);
          return;
        }
        if (req.url === '/chunked') {
          res.write('part one, ');
          res.end('part two');
          return;
        }
        const reply = `${req.method} ${req.url} ${body}`;
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(reply) });
        res.end(reply);
      });
    });
    const sockets = new Set<Socket>();
    server.on('connection', (s) => sockets.add(s));
    const serverPort = await listen(server);
    closeServer = () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r())));
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${serverPort}/` });
    port = proxy.listenPort;
  });
  afterEach(async () => {
    await t.close();
    await closeServer();
  });

  it('records keep-alive requests and bodies with exact heads and byte counts', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await send(port, '/a?x=1', { agent })).toEqual({ status: 200, body: 'GET /a?x=1 ' });
    expect(await send(port, '/b', { agent, method: 'POST', body: 'hello body' })).toEqual({ status: 200, body: 'POST /b hello body' });
    expect(await send(port, '/c', { agent, method: 'POST', body: 'chunky', chunked: true })).toEqual({ status: 200, body: 'POST /c chunky' });
    expect(await send(port, '/chunked', { agent })).toEqual({ status: 200, body: 'part one, part two' });
    agent.destroy();
    const exchanges = await waitFor(async () => {
      const list = await t.capture.listHttpExchanges({});
      return list.length === 4 && list.every((e) => e.endedAt !== null) ? list : null;
    }, 5000, 'four exchanges');
    const connections = await t.capture.listConnections();
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({ kind: 'http', source: 'reverse', url: `http://127.0.0.1:${port}/a?x=1` });
    expect(exchanges.every((e) => e.connectionId === connections[0]!.id)).toBe(true);
    expect(exchanges.map((e) => [e.method, e.url, e.status])).toEqual([
      ['GET', `http://127.0.0.1:${port}/a?x=1`, 200],
      ['POST', `http://127.0.0.1:${port}/b`, 200],
      ['POST', `http://127.0.0.1:${port}/c`, 200],
      ['GET', `http://127.0.0.1:${port}/chunked`, 200],
    ]);
    const [a, b, c, d] = exchanges as [typeof exchanges[0], typeof exchanges[0], typeof exchanges[0], typeof exchanges[0]];
    expect(Buffer.from(a.requestHead).toString()).toMatch(/^GET \/a\?x=1 HTTP\/1\.1\r\n[^]*\r\n\r\n$/);
    expect(Buffer.from(a.responseHead!).toString()).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Content-Length: 11\r\n[^]*\r\n\r\n$/);
    expect([a.requestBodyBytes, a.responseBodyBytes]).toEqual([0, 11]);
    expect([b.requestBodyBytes, b.responseBodyBytes]).toEqual([10, 18]);
    // Chunked bodies count their framing too: "3\r\nchu\r\n" "3\r\nnky\r\n" "0\r\n\r\n".
    expect(c.requestBodyBytes).toBe(8 + 8 + 5);
    expect(d.responseBodyBytes).toBe('a\r\npart one, \r\n'.length + '8\r\npart two\r\n'.length + 5);
    const total = exchanges.reduce((n, e) => n + e.requestHead.length + e.requestBodyBytes, 0);
    expect(connections[0]!.counters.client.bytes).toBe(total);
  });

  it('follows a long poll and an SSE stream as they happen', async () => {
    const poll = send(port, '/poll');
    await waitFor(() => held.length === 1, 5000, 'held poll');
    const [pending] = await t.capture.listHttpExchanges({});
    expect(pending).toMatchObject({ url: `http://127.0.0.1:${port}/poll`, status: null, endedAt: null });
    held[0]!.end('news');
    expect(await poll).toEqual({ status: 200, body: 'news' });
    const polled = await waitFor(async () => {
      const [e] = await t.capture.listHttpExchanges({});
      return e?.endedAt !== null ? e : null;
    }, 5000, 'poll end');
    expect(polled.endedAt! - polled.startedAt).toBeGreaterThan(0);

    const stream = new Promise<string>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/events' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve(body));
      }).end();
    });
    await waitFor(() => sse.length === 1, 5000, 'sse stream');
    sse[0]!.write('data: one\n\n');
    sse[0]!.write('event: tick\ndata: two\r\ndata: two-b\r\n\r\n');
    sse[0]!.write('data');
    sse[0]!.write(': three\n\n');
    const live = await waitFor(async () => (await t.capture.listHttpExchanges({})).find((e) => e.url.endsWith('/events') && e.sseEvents === 3), 5000, 'three events');
    expect(live.endedAt).toBeNull();
    sse[0]!.end();
    expect(await stream).toContain('data: one');
    const done = await waitFor(async () => (await t.capture.listHttpExchanges({})).find((e) => e.url.endsWith('/events') && e.endedAt !== null), 5000, 'stream end');
    expect(done.sseEvents).toBe(3);
  });

  it('keeps the byte stream identical through the relay', async () => {
    // The same keep-alive exchange seen by a tap in front of and behind the proxy.
    const server = createServer((_req, res) => res.end('ok'));
    const serverPort = await listen(server);
    const behind = await startTap(serverPort);
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${behind.port}/` });
    const front = await startTap(proxy.listenPort);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await send(front.port, '/one', { agent });
    await send(front.port, '/two', { agent, method: 'POST', body: 'x'.repeat(5000) });
    agent.destroy();
    await waitFor(() => behind.upBytes().length === front.upBytes().length && behind.downBytes().length === front.downBytes().length, 5000, 'taps');
    expect(behind.upBytes().equals(front.upBytes())).toBe(true);
    expect(behind.downBytes().equals(front.downBytes())).toBe(true);
    await front.close();
    await behind.close();
    await new Promise((r) => server.close(r));
  });
});
