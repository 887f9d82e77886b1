// The reverse proxy between a real ws client and a real ws server, with raw taps on both ends:
// the server must receive exactly the bytes the client sent (and vice versa), and the capture must
// hold what was sent — text, binary, fragments, permessage-deflate, ping/pong and close.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EngineEvent } from '../../../shared/api';
import { OPCODE_BINARY, OPCODE_CLOSE, OPCODE_CONTINUATION, OPCODE_PING, OPCODE_PONG, OPCODE_TEXT } from '../../../shared/protocol/index';
import { startCapture, startTap, startWsServer, waitFor, type Tap, type TestCapture } from './test-peers';

describe('reverse proxy', () => {
  let t: TestCapture;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(() => {
    t = startCapture();
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await t.close();
  });

  async function chain(deflate: boolean): Promise<{ client: WebSocket; serverTap: Tap; clientTap: Tap; received: Array<{ data: Buffer; binary: boolean }> }> {
    const server = await startWsServer({ perMessageDeflate: deflate ? { threshold: 0 } : false });
    cleanups.push(() => server.close());
    const received: Array<{ data: Buffer; binary: boolean }> = [];
    server.wss.on('connection', (ws) => {
      ws.on('message', (data: Buffer, binary) => {
        received.push({ data, binary });
        ws.send(data, { binary });
      });
    });
    const serverTap = await startTap(server.port);
    cleanups.push(() => serverTap.close());
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${serverTap.port}/chat` });
    expect(proxy.address).toBe(`ws://127.0.0.1:${proxy.listenPort}/chat`);
    const clientTap = await startTap(proxy.listenPort);
    cleanups.push(() => clientTap.close());
    const client = new WebSocket(`ws://127.0.0.1:${clientTap.port}/chat`, ['chat.v1'], { perMessageDeflate: deflate ? { threshold: 0 } : false });
    cleanups.push(() => client.terminate());
    await new Promise((resolve, reject) => {
      client.once('open', resolve);
      client.once('error', reject);
    });
    return { client, serverTap, clientTap, received };
  }

  it('relays every byte unchanged both ways and records text, binary, fragments, ping/pong and close', async () => {
    const events: EngineEvent[] = [];
    t.bus.subscribe((batch) => events.push(...batch));
    const { client, serverTap, clientTap, received } = await chain(false);
    const replies: Buffer[] = [];
    client.on('message', (d: Buffer) => replies.push(d));
    client.send('hello, relay');
    client.send(Buffer.from([0, 1, 2, 254, 255]), { binary: true });
    client.send('frag-1 ', { fin: false });
    client.send('frag-2', { fin: true });
    const pong = new Promise((resolve) => client.once('pong', resolve));
    client.ping('are you there');
    await pong;
    await waitFor(() => replies.length === 3, 5000, 'echoes');
    const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
    client.close(1000, 'bye');
    expect(await closed).toBe(1000);
    expect(received.map((r) => r.data.toString('latin1'))).toEqual(['hello, relay', '\x00\x01\x02\xfe\xff', 'frag-1 frag-2']);

    // Byte-exact relay, handshake included, in both directions.
    await waitFor(() => serverTap.upBytes().length === clientTap.upBytes().length && serverTap.downBytes().length === clientTap.downBytes().length, 5000, 'taps');
    expect(serverTap.upBytes().equals(clientTap.upBytes())).toBe(true);
    expect(serverTap.downBytes().equals(clientTap.downBytes())).toBe(true);

    const [conn] = await t.capture.listConnections();
    await waitFor(async () => (await t.capture.getConnection(conn!.id)).summary.state === 'closed', 5000, 'closed state');
    const detail = await t.capture.getConnection(conn!.id);
    expect(detail.summary).toMatchObject({ kind: 'websocket', source: 'reverse', subprotocol: 'chat.v1', closeCode: 1000, closeReason: 'bye', error: null });
    expect(detail.summary.url).toBe(`ws://127.0.0.1:${clientTap.port}/chat`);
    expect(detail.handshake.accept?.ok).toBe(true);
    expect(detail.handshake.offeredSubprotocols).toEqual(['chat.v1']);
    expect(detail.handshake.violations).toEqual([]);
    expect(Buffer.from(detail.handshake.request!.raw).toString('latin1')).toMatch(/^GET \/chat HTTP\/1\.1\r\n/);

    const page = await t.capture.queryFrames({ filter: { connectionId: conn!.id, from: 'client' }, start: 0, count: 100 });
    expect(page.rows.map((r) => r.opcode)).toEqual([OPCODE_TEXT, OPCODE_BINARY, OPCODE_TEXT, OPCODE_CONTINUATION, OPCODE_PING, OPCODE_CLOSE]);
    expect(page.rows.every((r) => r.masked && r.violationCount === 0 && !r.injected)).toBe(true);
    expect(page.rows[0]!.preview).toBe('hello, relay');
    expect(page.rows[1]!.preview).toBe('00 01 02 fe ff');
    expect(page.rows[2]!.messageId).toBe(page.rows[3]!.messageId);
    const fragment = await t.capture.getFrame(page.rows[3]!.id);
    expect(new TextDecoder().decode(fragment.message!.payload)).toBe('frag-1 frag-2');
    expect(fragment.message!.frameIds).toEqual([page.rows[2]!.id, page.rows[3]!.id]);
    const close = await t.capture.getFrame(page.rows[5]!.id);
    expect(close.close).toEqual({ code: 1000, reason: 'bye' });
    const first = await t.capture.getFrame(page.rows[0]!.id);
    expect(first.maskKey).toHaveLength(4);
    // The capture's wire bytes are the bytes the client sent, at the recorded stream offset.
    const handshakeLength = detail.handshake.request!.raw.length;
    const wire = clientTap.upBytes().subarray(handshakeLength + first.summary.offset);
    expect(Buffer.from(wire.subarray(0, first.headerBytes.length)).equals(Buffer.from(first.headerBytes))).toBe(true);
    expect(Buffer.from(wire.subarray(first.headerBytes.length, first.headerBytes.length + 12)).equals(Buffer.from(first.wirePayload))).toBe(true);

    const fromServer = await t.capture.queryFrames({ filter: { connectionId: conn!.id, from: 'server' }, start: 0, count: 100 });
    expect(fromServer.rows.map((r) => r.opcode)).toEqual([OPCODE_TEXT, OPCODE_BINARY, OPCODE_TEXT, OPCODE_PONG, OPCODE_CLOSE]);
    expect(fromServer.rows.every((r) => !r.masked)).toBe(true);
    expect(detail.summary.counters.client.frames).toBe(6);
    expect(detail.summary.counters.client.messages).toBe(5);

    const texts = await t.capture.queryFrames({ filter: { text: 'RELAY' }, start: 0, count: 10 });
    expect(texts.rows.map((r) => r.from)).toEqual(['client', 'server']);
    expect(await t.capture.locateFrame({ filter: { text: 'relay' }, frameId: texts.rows[1]!.id })).toBe(1);

    // Batched events carried the connection and the stats.
    await waitFor(
      () => events.some((e) => e.type === 'capture-deltas' && e.deltas.some((d) => d.type === 'connection' && d.connection.state === 'closed')),
      5000,
      'closed event',
    );
    const exchanges = await t.capture.listHttpExchanges({ connectionId: conn!.id });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ method: 'GET', status: 101, requestBodyBytes: 0, responseBodyBytes: 0 });
  });

  it('inflates permessage-deflate messages with context takeover and still relays the compressed bytes', async () => {
    const { client, serverTap, clientTap, received } = await chain(true);
    const replies: string[] = [];
    client.on('message', (d: Buffer) => replies.push(d.toString()));
    const texts = ['compress me please', 'compress me please', 'compress me please, again and again'];
    for (const m of texts) client.send(m, { compress: true });
    await waitFor(() => replies.length === 3, 5000, 'echoes');
    expect(received.map((r) => r.data.toString())).toEqual(texts);
    await waitFor(() => serverTap.upBytes().length === clientTap.upBytes().length, 5000, 'taps');
    expect(serverTap.upBytes().equals(clientTap.upBytes())).toBe(true);

    const [conn] = await t.capture.listConnections();
    const detail = await t.capture.getConnection(conn!.id);
    expect(detail.summary.extensions).toContain('permessage-deflate');
    expect(detail.handshake.extensions[0]!.name).toBe('permessage-deflate');
    expect(t.capture.deflateParams(conn!.id, 'client')).toEqual({ noContextTakeover: false, windowBits: 15 });
    await waitFor(async () => (await t.capture.queryFrames({ filter: { connectionId: conn!.id }, start: 0, count: 10 })).total === 6, 5000, 'frames');
    const page = await t.capture.queryFrames({ filter: { connectionId: conn!.id, from: 'client' }, start: 0, count: 10 });
    expect(page.rows.every((r) => r.rsv1)).toBe(true);
    expect(page.rows.map((r) => r.preview)).toEqual(texts);
    // The second identical message is a back-reference into the first: tiny on the wire.
    expect(page.rows[1]!.payloadLength).toBeLessThan(texts[1]!.length);
    for (const row of page.rows) {
      const frame = await t.capture.getFrame(row.id);
      expect(frame.message!.compressed).toBe(true);
      expect(frame.message!.inflateError).toBeNull();
      expect(frame.violations).toEqual([]);
    }
  });
});
