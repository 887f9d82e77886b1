// HAR export: real traffic (a WebSocket through a reverse proxy to a ws echo server with
// permessage-deflate, and one plain HTTP exchange through a forward proxy) saved as HAR must carry
// HAR 1.2's required fields and, in Chrome's shape, exactly the messages that were sent.
import { createServer as createHttpServer } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { listen, rawClient, startCapture, startWsServer, waitFor, type TestCapture } from '../proxy/test-peers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface HarMessage {
  type: string;
  time: number;
  opcode: number;
  data: string;
}

async function webSocketTraffic(t: TestCapture): Promise<void> {
  const server = await startWsServer({ perMessageDeflate: { threshold: 0 } });
  cleanups.push(() => server.close());
  server.wss.on('connection', (ws) => ws.on('message', (data: Buffer, binary) => ws.send(data, { binary })));
  const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/echo?room=1` });
  const client = new WebSocket(proxy.address, { perMessageDeflate: { threshold: 0 } });
  cleanups.push(() => client.terminate());
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
  let replies = 0;
  client.on('message', () => replies++);
  client.send('hello, har');
  await waitFor(() => replies === 1, 5000, 'text echo'); // one at a time, so the order is fixed
  client.send(Buffer.from([0, 1, 2, 255]), { binary: true });
  await waitFor(() => replies === 2, 5000, 'binary echo');
  client.close(1000, 'done');
  await waitFor(async () => (await t.capture.listConnections()).every((c) => c.state === 'closed'), 5000, 'close');
}

async function httpTraffic(t: TestCapture): Promise<number> {
  const server = createHttpServer((req, res) => res.setHeader('Content-Type', 'text/plain').end(`saw ${req.url}`));
  const sockets = new Set<Socket>();
  server.on('connection', (s) => sockets.add(s));
  const port = await listen(server);
  cleanups.push(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))));
  const proxy = await t.capture.startProxy({ mode: 'forward' });
  const client = await rawClient(proxy.listenPort);
  cleanups.push(() => void client.socket.destroy());
  client.socket.write(`GET http://127.0.0.1:${port}/items?a=1&b=two HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  await waitFor(() => client.received().toString().endsWith('saw /items?a=1&b=two'), 5000, 'answer');
  await waitFor(async () => (await t.capture.listHttpExchanges({})).some((e) => e.status === 200 && e.endedAt !== null), 5000, 'exchange');
  return port;
}

describe('HAR export', () => {
  it('writes HAR 1.2 in Chrome DevTools shape, with the WebSocket messages as sent', async () => {
    const t = startCapture();
    cleanups.push(() => t.close());
    await webSocketTraffic(t);
    const port = await httpTraffic(t);

    const har = JSON.parse(Buffer.from(await t.capture.exportCapture({ format: 'har' })).toString('utf8'));
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'Framescope', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(har.log.pages).toEqual([]);
    expect(har.log.entries).toHaveLength(2); // the upgrade is the socket's entry, not another one
    for (const e of har.log.entries) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['startedDateTime', 'time', 'request', 'response', 'cache', 'timings']));
      expect(new Date(e.startedDateTime).toISOString()).toBe(e.startedDateTime);
      expect(e.time).toBeGreaterThanOrEqual(0);
      expect(Object.keys(e.request)).toEqual(
        expect.arrayContaining(['method', 'url', 'httpVersion', 'headers', 'queryString', 'cookies', 'headersSize', 'bodySize']),
      );
      expect(Object.keys(e.response)).toEqual(
        expect.arrayContaining(['status', 'statusText', 'httpVersion', 'headers', 'cookies', 'content', 'redirectURL', 'headersSize', 'bodySize']),
      );
      expect(e.response.content).toMatchObject({ size: expect.any(Number), mimeType: expect.any(String) });
      expect(e.cache).toEqual({});
      expect(e.timings).toEqual({ send: expect.any(Number), wait: expect.any(Number), receive: expect.any(Number) });
    }

    const [ws, http] = har.log.entries; // sorted by start: the socket came first
    expect(ws._resourceType).toBe('websocket');
    expect(ws.request.method).toBe('GET');
    expect(ws.request.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/echo\?room=1$/); // Chrome names a socket by its ws:// URL
    expect(ws.request.httpVersion).toBe('HTTP/1.1');
    expect(ws.request.queryString).toEqual([{ name: 'room', value: '1' }]);
    expect(ws.request.headers).toEqual(expect.arrayContaining([{ name: 'Upgrade', value: 'websocket' }]));
    expect(ws.response.status).toBe(101);
    expect(ws.response.statusText).toBe('Switching Protocols');
    expect(ws.response.headers.map((h: { name: string }) => h.name.toLowerCase())).toContain('sec-websocket-accept');
    const messages: HarMessage[] = ws._webSocketMessages;
    const data = messages.filter((m) => m.opcode !== 8).map(({ type, opcode, data }) => ({ type, opcode, data }));
    expect(data).toEqual([
      { type: 'send', opcode: 1, data: 'hello, har' },
      { type: 'receive', opcode: 1, data: 'hello, har' },
      { type: 'send', opcode: 2, data: Buffer.from([0, 1, 2, 255]).toString('base64') },
      { type: 'receive', opcode: 2, data: Buffer.from([0, 1, 2, 255]).toString('base64') },
    ]);
    // Both closes, with the real opcode; a close payload is binary (code + reason), so base64.
    expect(messages.filter((m) => m.opcode === 8).map((m) => m.type).sort()).toEqual(['receive', 'send']);
    expect(Buffer.from(messages.find((m) => m.opcode === 8 && m.type === 'send')!.data, 'base64').subarray(2).toString()).toBe('done');
    const times = messages.map((m) => m.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]! * 1000).toBeGreaterThanOrEqual(Date.parse(ws.startedDateTime) - 1);
    expect(times[0]! * 1000).toBeLessThan(Date.now() + 1);

    const url = `http://127.0.0.1:${port}/items?a=1&b=two`;
    expect(http._resourceType).toBeUndefined();
    expect(http.request).toMatchObject({ method: 'GET', url, httpVersion: 'HTTP/1.1', cookies: [], bodySize: 0 });
    expect(http.request.headersSize).toBe(Buffer.byteLength(`GET ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
    expect(http.request.queryString).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'two' },
    ]);
    expect(http.response).toMatchObject({ status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', redirectURL: '' });
    expect(http.response.content.mimeType).toBe('text/plain');
    expect(http.response.bodySize).toBe(Buffer.byteLength('saw /items?a=1&b=two'));
  });

  it('exports one connection on request and refuses an unknown one', async () => {
    const t = startCapture();
    cleanups.push(() => t.close());
    await webSocketTraffic(t);
    const [c] = await t.capture.listConnections();
    const har = JSON.parse(Buffer.from(await t.capture.exportCapture({ connectionId: c!.id, format: 'har' })).toString('utf8'));
    expect(har.log.entries.map((e: { _resourceType?: string }) => e._resourceType)).toEqual(['websocket']);
    await expect(t.capture.exportCapture({ connectionId: 999, format: 'har' })).rejects.toThrow(/No connection 999/);
  });
});
