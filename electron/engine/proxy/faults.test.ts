// One test per fault of the relay: refused and unresolvable targets (502 with the reason), a
// refused upgrade (relayed as is), a peer that ends or resets mid-frame (incomplete frame, other
// side closed), garbage instead of HTTP (400) and handshakes that never finish (408, 504).
import { createServer, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/api';
import { RAW_UPGRADE, listen, rawClient, rawWsServer, startCapture, startTap, startWsServer, waitFor, type TestCapture } from './test-peers';

const UPGRADE = RAW_UPGRADE;

describe('relay faults', () => {
  let t: TestCapture;
  let events: EngineEvent[];
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(() => {
    t = startCapture({ handshakeTimeoutMs: 300 });
    events = [];
    t.bus.subscribe((batch) => events.push(...batch));
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await t.close();
  });

  async function onlyConnection() {
    const [c] = await t.capture.listConnections();
    return c!;
  }

  it('answers 502 with the reason when the target refuses, and the UI learns why', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((r) => closed.close(r)); // the port is now free: connecting is refused
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${port}/` });
    const client = await rawClient(proxy.listenPort);
    client.socket.write(UPGRADE);
    await client.ended;
    const answer = client.received().toString();
    expect(answer).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n/);
    expect(answer).toContain(`127.0.0.1:${port} refused the connection`);
    const c = await onlyConnection();
    expect(c.state).toBe('failed');
    expect(c.error).toContain('refused the connection');
    await waitFor(() => events.some((e) => e.type === 'notice' && e.connectionId === c.id && e.message.includes('refused')), 2000, 'notice');
    const [exchange] = await t.capture.listHttpExchanges({});
    expect(exchange).toMatchObject({ status: 502, connectionId: c.id });
  });

  it('answers 502 when the target host cannot be resolved', async () => {
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: 'ws://nothing.invalid:80/' });
    const client = await rawClient(proxy.listenPort);
    client.socket.write(UPGRADE);
    await client.ended;
    expect(client.received().toString()).toMatch(/^HTTP\/1\.1 502 [^]*could not be resolved/);
    expect((await onlyConnection()).error).toContain('could not be resolved');
  });

  it('relays a refused upgrade (403 for a bad Origin) faithfully and records it', async () => {
    const server = await startWsServer({ verifyClient: (_info, done) => done(false, 403, 'Forbidden origin') });
    cleanups.push(() => server.close());
    const serverTap = await startTap(server.port);
    cleanups.push(() => serverTap.close());
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${serverTap.port}/` });
    const client = await rawClient(proxy.listenPort);
    client.socket.write(UPGRADE.replace('\r\n\r\n', '\r\nOrigin: http://evil.test\r\n\r\n'));
    await client.ended;
    expect(client.received().toString()).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n[^]*\r\n\r\nForbidden origin$/);
    expect(client.received().equals(serverTap.downBytes())).toBe(true);
    const c = await onlyConnection();
    expect(c).toMatchObject({ kind: 'websocket', state: 'failed' });
    expect(c.error).toContain('403');
    const detail = await t.capture.getConnection(c.id);
    expect(detail.handshake.response?.startLine).toBe('HTTP/1.1 403 Forbidden');
    expect(detail.handshake.violations.map((v) => v.code)).toContain('handshake-status-not-101');
  });

  for (const how of ['ends', 'resets'] as const) {
    it(`records a frame cut short when the server ${how} mid-frame, and closes the client`, async () => {
      const server = await rawWsServer((socket) => {
        // A text frame declaring 100 bytes, of which only 10 are sent.
        socket.write(Buffer.concat([Buffer.from([0x81, 100]), Buffer.from('0123456789')]), () => {
          if (how === 'ends') socket.end();
          else socket.resetAndDestroy();
        });
      });
      cleanups.push(() => server.close());
      const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/` });
      const client = await rawClient(proxy.listenPort);
      client.socket.write(UPGRADE);
      await client.ended; // the client side was closed too
      expect(client.received().toString('latin1')).toMatch(/101 Switching Protocols[^]*\r\n\r\n\x81d0123456789$/);
      const c = await waitFor(async () => {
        const x = await onlyConnection();
        return x.state === 'closed' ? x : null;
      }, 3000, 'closed');
      const page = await t.capture.queryFrames({ start: 0, count: 10 });
      expect(page.rows).toHaveLength(1);
      expect(page.rows[0]).toMatchObject({ from: 'server', incomplete: true, payloadLength: 100, preview: '0123456789' });
      const frame = await t.capture.getFrame(page.rows[0]!.id);
      expect(frame.payloadTruncated).toBe(true);
      expect(frame.violations.map((v) => v.code)).toContain('incomplete-frame');
      // A reset that arrives with the last data reads as end of stream in libuv; the relay tells them apart.
      expect(c.error).toBe(`The server ${how === 'ends' ? 'closed' : 'reset'} the connection in the middle of a frame.`);
    });
  }

  it('answers 400 to bytes that are not HTTP', async () => {
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: 'ws://127.0.0.1:9/' });
    const client = await rawClient(proxy.listenPort);
    client.socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00]));
    await client.ended;
    expect(client.received().toString()).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[^]*not an HTTP request/);
    const c = await onlyConnection();
    expect(c.state).toBe('failed');
    expect(c.error).toContain('not a valid HTTP request');
  });

  it('times out a client that never finishes its request (408)', async () => {
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: 'ws://127.0.0.1:9/' });
    const client = await rawClient(proxy.listenPort);
    client.socket.write('GET / HTTP/1.1\r\nHost: slow\r\n');
    await client.ended;
    expect(client.received().toString()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n[^]*0\.3 s/);
    expect((await onlyConnection()).error).toContain('did not send a complete request within 0.3 s');
  });

  it('times out a server that never answers the handshake (504), keeping what was recorded', async () => {
    const silent = createServer((s) => s.on('error', () => {}));
    const sockets: Socket[] = [];
    silent.on('connection', (s) => sockets.push(s));
    const port = await listen(silent);
    cleanups.push(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), silent.close(() => r()))));
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${port}/` });
    const client = await rawClient(proxy.listenPort);
    client.socket.write(UPGRADE);
    await client.ended;
    expect(client.received().toString()).toMatch(/^HTTP\/1\.1 504 Gateway Timeout\r\n/);
    const c = await onlyConnection();
    expect(c).toMatchObject({ kind: 'websocket', state: 'failed', url: 'ws://example.test/feed' });
    expect(c.error).toContain('did not answer the WebSocket handshake within 0.3 s');
    const [exchange] = await t.capture.listHttpExchanges({});
    expect(Buffer.from(exchange!.requestHead).toString()).toBe(UPGRADE);
    expect(exchange).toMatchObject({ status: 504 });
    expect(exchange!.endedAt).not.toBeNull();
  });
});
