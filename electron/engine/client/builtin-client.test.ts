// The built-in client against a real ws server: its traffic goes through the relay and is captured
// (source 'client', controllable), with subprotocols, extra headers and permessage-deflate; and
// crafted frames injected into its live connection, both ways, land at frame boundaries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import { FramescopeError } from '../../../shared/api/errors';
import { buildFrame, encodeUtf8 } from '../../../shared/protocol/index';
import { startCapture, startWsServer, waitFor, type TestCapture } from '../proxy/test-peers';

const text = (s: string, mask: boolean) =>
  buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, mask, maskKey: new Uint8Array([1, 2, 3, 4]), payload: encodeUtf8(s) }).bytes;

describe('built-in client', () => {
  let t: TestCapture;
  let server: Awaited<ReturnType<typeof startWsServer>>;
  let serverSide: WebSocket[];
  let serverGot: string[];
  let requests: IncomingMessage[];

  beforeEach(async () => {
    t = startCapture();
    server = await startWsServer({ perMessageDeflate: { threshold: 0 }, handleProtocols: (p) => (p.has('v2') ? 'v2' : false) });
    serverSide = [];
    serverGot = [];
    requests = [];
    server.wss.on('connection', (ws, req) => {
      serverSide.push(ws);
      requests.push(req);
      ws.on('message', (d: Buffer, binary) => serverGot.push(binary ? `bin:${d.toString('hex')}` : d.toString()));
    });
  });
  afterEach(async () => {
    await t.close();
    await server.close();
  });

  it('connects through the relay, sends text and binary, and closes with a code and reason', async () => {
    const { connectionId } = await t.capture.clientConnect({
      url: `ws://127.0.0.1:${server.port}/room?x=1`,
      subprotocols: ['v1', 'v2'],
      headers: { 'X-Trace': 'abc' },
      deflate: true,
    });
    expect(requests[0]!.url).toBe('/room?x=1');
    expect(requests[0]!.headers['x-trace']).toBe('abc');
    expect(requests[0]!.headers.host).toBe(`127.0.0.1:${server.port}`);
    await t.capture.clientSend({ connectionId, data: encodeUtf8('héllo'), binary: false });
    await t.capture.clientSend({ connectionId, data: new Uint8Array([9, 8, 7]), binary: true });
    await waitFor(() => serverGot.length === 2, 5000, 'server messages');
    expect(serverGot).toEqual(['héllo', 'bin:090807']);
    const closed = new Promise<[number, string]>((resolve) => serverSide[0]!.once('close', (code, reason) => resolve([code, reason.toString()])));
    await t.capture.clientClose({ connectionId, code: 4001, reason: 'done here' });
    expect(await closed).toEqual([4001, 'done here']);

    const detail = await waitFor(async () => {
      const d = await t.capture.getConnection(connectionId);
      return d.summary.state === 'closed' ? d : null;
    }, 5000, 'closed');
    expect(detail.summary).toMatchObject({ source: 'client', controllable: true, subprotocol: 'v2', closeCode: 4001, closeReason: 'done here' });
    expect(detail.summary.url).toBe(`ws://127.0.0.1:${server.port}/room?x=1`);
    expect(detail.summary.extensions).toContain('permessage-deflate');
    const page = await t.capture.queryFrames({ filter: { connectionId, from: 'client' }, start: 0, count: 10 });
    expect(page.rows.map((r) => [r.opcode, r.rsv1, r.preview])).toEqual([
      [1, true, 'héllo'],
      [2, true, '09 08 07'],
      [8, false, '4001 done here'],
    ]);
    await expect(t.capture.clientSend({ connectionId, data: new Uint8Array(1), binary: true })).rejects.toThrow('connection is closed');
  });

  it('pings as the client itself: a masked ping the server answers with a pong, not an injected frame', async () => {
    const { connectionId } = await t.capture.clientConnect({ url: `ws://127.0.0.1:${server.port}/` });
    await t.capture.clientPing({ connectionId, data: encodeUtf8('are you there') });
    const rows = await waitFor(async () => {
      const page = await t.capture.queryFrames({ filter: { connectionId }, start: 0, count: 10 });
      return page.rows.length >= 2 ? page.rows : null;
    }, 5000, 'ping and pong');
    expect(rows.map((r) => [r.from, r.opcode, r.masked, r.injected, r.preview])).toEqual([
      ['client', 9, true, false, 'are you there'],
      ['server', 10, false, false, 'are you there'],
    ]);
    await expect(t.capture.clientPing({ connectionId, data: new Uint8Array(126) })).rejects.toThrow('at most 125 bytes');
    await t.capture.clientClose({ connectionId });
  });

  it('reports a refused target as a failed connection and rejects with the reason', async () => {
    await server.close();
    const err = await t.capture.clientConnect({ url: `ws://127.0.0.1:${server.port}/` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FramescopeError);
    expect((err as FramescopeError).code).toBe('unavailable');
    expect((err as FramescopeError).message).toContain('refused the connection');
    const [c] = await t.capture.listConnections();
    expect(c).toMatchObject({ source: 'client', state: 'failed' });
    await expect(t.capture.clientConnect({ url: 'http:/nope' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('injects frames both ways at frame boundaries and marks them injected', async () => {
    const { connectionId } = await t.capture.clientConnect({ url: `ws://127.0.0.1:${server.port}/`, deflate: false });
    // The crafter speaks as the server here: a text frame towards our client.
    const toServer = await t.capture.inject({ connectionId, from: 'client', bytes: text('forged by client', true) });
    await waitFor(() => serverGot.length === 1, 5000, 'injected message at the server');
    expect(serverGot).toEqual(['forged by client']);
    expect(toServer.firstFrameId).not.toBeNull();
    const injected = await t.capture.getFrame(toServer.firstFrameId!);
    expect(injected.summary).toMatchObject({ injected: true, from: 'client', preview: 'forged by client' });

    const toClient = await t.capture.inject({ connectionId, from: 'server', bytes: text('to the client', false) });
    const row = await waitFor(async () => (await t.capture.queryFrames({ filter: { connectionId, from: 'server' }, start: 0, count: 10 })).rows[0], 5000, 'frame');
    expect(row).toMatchObject({ id: toClient.firstFrameId, injected: true, preview: 'to the client', masked: false });

    await expect(t.capture.inject({ connectionId: 999, from: 'client', bytes: new Uint8Array(2) })).rejects.toMatchObject({ code: 'not-found' });
    await t.capture.clientClose({ connectionId });
    await waitFor(async () => (await t.capture.getConnection(connectionId)).summary.state === 'closed', 5000, 'closed');
    await expect(t.capture.inject({ connectionId, from: 'client', bytes: new Uint8Array(2) })).rejects.toThrow('connection is closed');
  });
});
