// HTTP bodies through the forward proxy, read back through the contract (issue 14): an SSE stream
// split into its events, a gzip'ed chunked response and a request body, and a real Socket.IO session
// in long-polling mode whose Engine.IO packets (the `0{"sid":…}` open packet, messages, acks) are
// visible. Exactness: what the server sent on each upstream connection, recorded by a tap, equals
// the captured response heads and wire bodies of that connection, byte for byte.
import { createServer as createHttpServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, connect, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Server as IoServer } from 'socket.io';
import { io as ioClient } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../../shared/model';
import { parseEventStream } from '../../../shared/text/sse-events';
import { HttpBodyReader } from '../capture/http-body-read';
import { ForwardProxyAgent } from './proxy-agent';
import { listen, startCapture, waitFor, type TestCapture } from './test-peers';

/** A TCP pass-through that keeps what the server sent on each connection, separately. */
async function perConnectionTap(targetPort: number): Promise<{ port: number; downs: Buffer[][]; close(): Promise<void> }> {
  const downs: Buffer[][] = [];
  const sockets = new Set<Socket>();
  const server = createServer((inbound) => {
    const down: Buffer[] = [];
    downs.push(down);
    const outbound = connect({ port: targetPort, host: '127.0.0.1' });
    sockets.add(inbound).add(outbound);
    inbound.pipe(outbound);
    outbound.on('data', (c: Buffer) => {
      down.push(Buffer.from(c));
      inbound.write(c);
    });
    outbound.on('end', () => inbound.end());
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
    inbound.on('close', () => sockets.delete(inbound));
  });
  const port = await listen(server);
  return { port, downs, close: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))) };
}

function get(agent: ForwardProxyAgent, port: number, path: string, method = 'GET', body?: string): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent, headers: body ? { 'content-type': 'text/plain' } : {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP bodies through the forward proxy', () => {
  let t: TestCapture;
  let agent: ForwardProxyAgent;
  let reader: HttpBodyReader;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(async () => {
    t = startCapture();
    const proxy = await t.capture.startProxy({ mode: 'forward' });
    agent = new ForwardProxyAgent(proxy.listenPort);
    reader = new HttpBodyReader(t.capture.store);
  });
  afterEach(async () => {
    agent.destroy();
    for (const c of cleanups.splice(0).reverse()) await c();
    await t.close();
  });

  async function server(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
    const s = createHttpServer(handler);
    const sockets = new Set<Socket>();
    s.on('connection', (c) => sockets.add(c));
    const port = await listen(s);
    cleanups.push(() => new Promise<void>((r) => (sockets.forEach((c) => c.destroy()), s.close(() => r()))));
    return port;
  }

  const body = async (e: HttpExchange, side: 'request' | 'response', decoded: boolean) => reader.getHttpBody({ exchangeId: e.id, side, offset: 0, length: 1 << 20, decoded });
  const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

  it('keeps an SSE stream: chunked on the wire, split into its events when decoded', async () => {
    const stream = ['event: tick\nid: 1\ndata: one\n\n', ': keep-alive\n\n', 'data: two\ndata: lines\n\n', 'retry: 2500\nid: 2\ndata: three\r\n\r\n'];
    const port = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const part of stream) res.write(part);
      res.end();
    });
    const got = await get(agent, port, '/events');
    expect(got.body.toString()).toBe(stream.join(''));
    const [e] = await waitFor(async () => ((await t.capture.listHttpExchanges({}))[0]?.endedAt ? t.capture.listHttpExchanges({}) : null), 5000, 'exchange end');
    const exchange = e as HttpExchange;
    const wire = await body(exchange, 'response', false);
    expect(wire.chunked).toBe(true);
    expect(wire.wireBytes).toBe(exchange.responseBodyBytes);
    expect(wire.keptBytes).toBe(wire.wireBytes);
    expect(text(wire.bytes)).toMatch(/^[0-9a-f]+\r\nevent: tick/);
    const decoded = await body(exchange, 'response', true);
    expect(text(decoded.bytes)).toBe(stream.join(''));
    expect(decoded.note).toBeNull();
    const sse = parseEventStream(text(decoded.bytes));
    expect(sse.events.map((ev) => [ev.type, ev.data, ev.lastEventId, ev.retry])).toEqual([
      ['tick', 'one', '1', null],
      ['message', 'two\nlines', '1', null],
      ['message', 'three', '2', 2500],
    ]);
    expect(exchange.sseEvents).toBe(3);
  });

  it('keeps a request body and a gzip-encoded chunked response, decoded beside the wire bytes', async () => {
    const json = JSON.stringify({ ok: true, items: Array.from({ length: 200 }, (_, i) => `item ${i}`) });
    const port = await server((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'transfer-encoding': 'chunked' });
        const zipped = gzipSync(Buffer.from(`${json}`));
        res.write(zipped.subarray(0, 10));
        res.end(zipped.subarray(10));
        expect(Buffer.concat(parts).toString()).toBe('ping=1&pong=2');
      });
    });
    await get(agent, port, '/api', 'POST', 'ping=1&pong=2');
    const exchange = await waitFor(async () => (await t.capture.listHttpExchanges({})).find((x) => x.endedAt !== null), 5000, 'exchange');
    expect(text((await body(exchange, 'request', false)).bytes)).toBe('ping=1&pong=2');
    const wire = await body(exchange, 'response', false);
    expect(wire.contentCodings).toEqual(['gzip']);
    expect(wire.bytes[0]).not.toBe('{'.charCodeAt(0));
    const decoded = await body(exchange, 'response', true);
    expect(text(decoded.bytes)).toBe(json);
    expect(decoded.bytes.constructor).toBe(Uint8Array); // not a Buffer: the RPC wire carries plain bytes
    expect(decoded.total).toBe(json.length);
    // Paging: the second half from an offset.
    const half = await reader.getHttpBody({ exchangeId: exchange.id, side: 'response', offset: 100, length: 50, decoded: true });
    expect(text(half.bytes)).toBe(json.slice(100, 150));
  });

  it('shows a Socket.IO long-polling session: the Engine.IO open packet, messages and acks, byte for byte', async () => {
    const http = createHttpServer();
    const io = new IoServer(http, { transports: ['polling'] });
    io.on('connection', (s) => {
      s.emit('hello', 'world');
      s.on('echo', (m: string, ack: (r: string) => void) => ack(`echo:${m}`));
    });
    const serverPort = await listen(http);
    const tap = await perConnectionTap(serverPort);
    cleanups.push(() => new Promise<void>((r) => io.close(() => r())));
    cleanups.push(() => tap.close());
    const client = ioClient(`http://127.0.0.1:${tap.port}`, { transports: ['polling'], agent: agent as unknown as string, forceNew: true, reconnection: false });
    cleanups.push(() => void client.close());
    const hello = await new Promise<string>((resolve) => client.on('hello', resolve));
    expect(hello).toBe('world');
    const acked = await client.timeout(5000).emitWithAck('echo', 'ping');
    expect(acked).toBe('echo:ping');
    const sid = client.io.engine.id;
    client.close();
    await waitFor(async () => (await t.capture.listHttpExchanges({})).every((x) => x.endedAt !== null), 5000, 'all exchanges ended');
    const exchanges = await t.capture.listHttpExchanges({});
    const open = exchanges.find((x) => x.method === 'GET' && x.url.includes('transport=polling') && !x.url.includes('sid='));
    expect(open?.status).toBe(200); // the Engine.IO open request, answered
    const openBody = text((await body(open as HttpExchange, 'response', true)).bytes);
    expect(openBody.startsWith('0{"sid":')).toBe(true);
    expect(JSON.parse(openBody.slice(1)).sid).toBe(sid);
    const responses = await Promise.all(exchanges.map(async (x) => text((await body(x, 'response', true)).bytes)));
    const requests = await Promise.all(exchanges.map(async (x) => text((await body(x, 'request', true)).bytes)));
    expect(responses.some((r) => r.includes('42["hello","world"]'))).toBe(true);
    expect(requests.some((r) => /^420\["echo","ping"\]$/.test(r))).toBe(true);
    expect(responses.some((r) => r.includes('430["echo:ping"]'))).toBe(true);
    // Byte for byte: per upstream connection, what the server sent = captured heads + wire bodies.
    const byConnection = new Map<number, Buffer[]>();
    for (const x of exchanges) {
      const wire = await body(x, 'response', false);
      expect(wire.keptBytes).toBe(x.responseBodyBytes);
      const list = byConnection.get(x.connectionId) ?? [];
      list.push(Buffer.from(x.responseHead ?? new Uint8Array(0)), Buffer.from(wire.bytes));
      byConnection.set(x.connectionId, list);
    }
    const captured = [...byConnection.values()].map((l) => Buffer.concat(l).toString('latin1')).sort();
    const sent = tap.downs.map((d) => Buffer.concat(d).toString('latin1')).filter((s) => s !== '').sort();
    expect(captured).toEqual(sent);
  });
});
