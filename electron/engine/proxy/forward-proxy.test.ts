// The forward proxy, as browsers and HTTP_PROXY clients use it: absolute-form requests (one
// client connection may visit several origins), WebSocket upgrades in absolute form and inside a
// plaintext CONNECT tunnel, and TLS tunnels passed through untouched and recorded as 'tunnel'.
import { createServer as createHttpServer, request, type IncomingMessage } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildFrame, encodeUtf8 } from '../../../shared/protocol/index';
import { RAW_UPGRADE, listen, rawClient, startCapture, startWsServer, waitFor, type TestCapture } from './test-peers';

describe('forward proxy', () => {
  let t: TestCapture;
  let proxyPort: number;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(async () => {
    t = startCapture();
    const proxy = await t.capture.startProxy({ mode: 'forward' });
    expect(proxy.address).toBe(`http://127.0.0.1:${proxy.listenPort}`);
    proxyPort = proxy.listenPort;
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await t.close();
  });

  async function httpServer(name: string): Promise<number> {
    const server = createHttpServer((req, res) => res.end(`${name} saw ${req.url}`));
    const sockets = new Set<Socket>();
    server.on('connection', (s) => sockets.add(s));
    const port = await listen(server);
    cleanups.push(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))));
    return port;
  }

  it('relays absolute-form requests, reconnecting when one client connection changes origin', async () => {
    const one = await httpServer('one');
    const two = await httpServer('two');
    const client = await rawClient(proxyPort);
    client.socket.write(`GET http://127.0.0.1:${one}/x HTTP/1.1\r\nHost: 127.0.0.1:${one}\r\n\r\n`);
    await waitFor(() => client.received().toString().endsWith(`one saw /x`), 5000, 'first answer');
    client.socket.write(`GET http://127.0.0.1:${two}/y HTTP/1.1\r\nHost: 127.0.0.1:${two}\r\n\r\n`);
    await waitFor(() => client.received().toString().endsWith(`two saw /y`), 5000, 'second answer');
    client.socket.destroy();
    const exchanges = await t.capture.listHttpExchanges({});
    expect(exchanges.map((e) => [e.url, e.status])).toEqual([
      [`http://127.0.0.1:${one}/x`, 200],
      [`http://127.0.0.1:${two}/y`, 200],
    ]);
    const [c] = await t.capture.listConnections();
    expect(c).toMatchObject({ kind: 'http', source: 'forward' });
    expect(c!.server?.port).toBe(two);
  });

  it('refuses origin-form requests with a 400 that explains how to use a proxy', async () => {
    const client = await rawClient(proxyPort);
    client.socket.write('GET /x HTTP/1.1\r\nHost: somewhere\r\n\r\n');
    await client.ended;
    expect(client.received().toString()).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[^]*absolute URL/);
  });

  it('captures a WebSocket opened in absolute form', async () => {
    const server = await startWsServer();
    cleanups.push(() => server.close());
    server.wss.on('connection', (ws) => ws.on('message', (d: Buffer) => ws.send(`echo ${d.toString()}`)));
    const client = await rawClient(proxyPort);
    // RFC 7230 §5.3.2: servers must accept the absolute form, so ws answers it like any request.
    client.socket.write(RAW_UPGRADE.replace('GET /feed', `GET http://127.0.0.1:${server.port}/abs`));
    await waitFor(() => client.received().includes('\r\n\r\n'), 5000, '101');
    expect(client.received().toString()).toMatch(/^HTTP\/1\.1 101 /);
    client.socket.write(buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, mask: true, payload: encodeUtf8('hi') }).bytes);
    await waitFor(() => client.received().toString().endsWith('echo hi'), 5000, 'echo');
    const [c] = await t.capture.listConnections();
    expect(c).toMatchObject({ kind: 'websocket', source: 'forward', url: `ws://127.0.0.1:${server.port}/abs`, state: 'open' });
    const frames = await t.capture.queryFrames({ filter: { connectionId: c!.id }, start: 0, count: 10 });
    expect(frames.rows.map((r) => [r.from, r.preview])).toEqual([
      ['client', 'hi'],
      ['server', 'echo hi'],
    ]);
    client.socket.destroy();
  });

  it('captures a WebSocket inside a plaintext CONNECT tunnel', async () => {
    const server = await startWsServer();
    cleanups.push(() => server.close());
    server.wss.on('connection', (ws) => ws.on('message', (d: Buffer) => ws.send(`echo ${d.toString()}`)));
    const socket = await new Promise<Socket>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: `127.0.0.1:${server.port}` });
      req.on('connect', (res: IncomingMessage, s: Socket) => (res.statusCode === 200 ? resolve(s) : reject(new Error(String(res.statusCode)))));
      req.on('error', reject);
      req.end();
    });
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/tunnelled`, { createConnection: () => socket });
    cleanups.push(() => ws.terminate());
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send('through the tunnel'));
      ws.on('message', (d: Buffer) => resolve(d.toString()));
      ws.on('error', reject);
    });
    expect(reply).toBe('echo through the tunnel');
    const [c] = await t.capture.listConnections();
    expect(c).toMatchObject({ kind: 'websocket', source: 'forward', url: `ws://127.0.0.1:${server.port}/tunnelled`, state: 'open' });
    const exchanges = await t.capture.listHttpExchanges({ connectionId: c!.id });
    expect(exchanges.map((e) => [e.method, e.status])).toEqual([
      ['CONNECT', 200],
      ['GET', 101],
    ]);
    const frames = await t.capture.queryFrames({ filter: { connectionId: c!.id }, start: 0, count: 10 });
    expect(frames.rows.map((r) => [r.from, r.preview])).toEqual([
      ['client', 'through the tunnel'],
      ['server', 'echo through the tunnel'],
    ]);
  });

  it('passes a TLS tunnel through untouched and records it as a tunnel', async () => {
    // Interception is on by default; hosts the user excludes pass through (tls/intercept.test.ts).
    await t.close();
    t = startCapture({ passThroughHosts: ['127.0.0.1'] });
    proxyPort = (await t.capture.startProxy({ mode: 'forward' })).listenPort;
    // An echo server stands in for the TLS server: the relay must not look inside either way.
    const sockets = new Set<Socket>();
    const echo = createServer((s) => (sockets.add(s), s.pipe(s)));
    const echoPort = await listen(echo);
    cleanups.push(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), echo.close(() => r()))));
    const client = await rawClient(proxyPort);
    client.socket.write(`CONNECT 127.0.0.1:${echoPort} HTTP/1.1\r\nHost: 127.0.0.1:${echoPort}\r\n\r\n`);
    await waitFor(() => client.received().toString().endsWith('\r\n\r\n'), 5000, 'CONNECT answer');
    expect(client.received().toString()).toBe('HTTP/1.1 200 Connection Established\r\n\r\n');
    const established = client.received().length;
    // A TLS 1.2 ClientHello record header followed by opaque bytes (RFC 8446 §5.1).
    const hello = Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0x00, 0x40]), Buffer.alloc(64, 0xa5)]);
    client.socket.write(hello);
    await waitFor(() => client.received().length === established + hello.length, 5000, 'echo');
    expect(client.received().subarray(established).equals(hello)).toBe(true);
    const [c] = await t.capture.listConnections();
    expect(c).toMatchObject({ kind: 'tunnel', source: 'forward', url: `127.0.0.1:${echoPort}` });
    expect(c!.counters.client.bytes).toBeGreaterThanOrEqual(hello.length);
    expect((await t.capture.getStats()).frames).toBe(0);
    client.socket.destroy();

    // Another protocol that is neither TLS nor HTTP (SSH's banner) passes through untouched too.
    const ssh = await rawClient(proxyPort);
    ssh.socket.write(`CONNECT 127.0.0.1:${echoPort} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await waitFor(() => ssh.received().toString().endsWith('\r\n\r\n'), 5000, 'CONNECT answer');
    ssh.socket.write('SSH-2.0-OpenSSH_9.6 Debian\r\n');
    await waitFor(() => ssh.received().toString().endsWith('SSH-2.0-OpenSSH_9.6 Debian\r\n'), 5000, 'echo');
    expect((await t.capture.listConnections())[1]).toMatchObject({ kind: 'tunnel', state: 'open' });
    ssh.socket.destroy();
  });
});
