// The crafter's engine path against real peers: a `ws` server behind the capture proxy, a `ws`
// client, and crafted bytes injected between them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { buildCraftFrame } from '../../../shared/craft/build-craft-frame';
import { makeFrame, type CraftFrame } from '../../../shared/craft/craft-spec';
import type { FrameSummary } from '../../../shared/model';
import { Engine } from '../engine';

function frameBytes(overrides: Partial<CraftFrame>): Uint8Array {
  const built = buildCraftFrame(makeFrame({ maskKey: '37fa213d', ...overrides }));
  if (!built.ok) throw new Error(built.error);
  return built.bytes;
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('CraftService with a live captured connection', () => {
  let dir: string;
  let engine: Engine;
  let server: WebSocketServer;
  let proxyAddress: string;
  const received: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-craft-'));
    engine = new Engine({ host: 'browser', dataDir: dir });
    server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: { serverNoContextTakeover: true, clientNoContextTakeover: true } });
    server.on('connection', (ws) => {
      ws.on('message', (data, binary) => {
        received.push(String(data));
        ws.send(data, { binary });
      });
      // ws reports the protocol errors we provoke on purpose (it then closes with 1002).
      ws.on('error', () => undefined);
    });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    const proxy = await engine.api.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${port}/` });
    proxyAddress = proxy.address;
  });
  afterAll(async () => {
    await engine?.close();
    await new Promise((r) => server?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  async function connect(options: WebSocket.ClientOptions = {}): Promise<{ client: WebSocket; connectionId: number }> {
    const before = new Set((await engine.api.listConnections()).map((c) => c.id));
    const client = new WebSocket(proxyAddress, options);
    await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
    const connectionId = await until(async () => (await engine.api.listConnections()).find((c) => !before.has(c.id) && c.state === 'open')?.id, 'the captured connection');
    return { client, connectionId };
  }

  async function framesOf(connectionId: number): Promise<FrameSummary[]> {
    return (await engine.api.queryFrames({ filter: { connectionId }, start: 0, count: 100 })).rows;
  }

  it('injects a masked text frame towards the server and captures the echo after it', async () => {
    const { client, connectionId } = await connect({ perMessageDeflate: false });
    const echoed = new Promise<string>((resolve) => client.once('message', (d) => resolve(String(d))));
    const { firstFrameId } = await engine.api.injectFrames({ connectionId, from: 'client', bytes: frameBytes({ payload: 'crafted hello' }) });
    expect(firstFrameId).not.toBeNull();
    expect(await echoed).toBe('crafted hello');
    const rows = await until(async () => {
      const all = await framesOf(connectionId);
      return all.some((r) => r.from === 'server') ? all : undefined;
    }, 'the echo');
    const injected = rows.find((r) => r.id === firstFrameId)!;
    expect(injected).toMatchObject({ from: 'client', injected: true, masked: true, preview: 'crafted hello' });
    expect(rows.find((r) => r.from === 'server' && r.id > firstFrameId!)).toMatchObject({ opcode: 1, preview: 'crafted hello', injected: false });
    client.close();
  });

  it('sees the server fail the connection with 1002 after an unmasked client frame (§5.1)', async () => {
    const { client, connectionId } = await connect({ perMessageDeflate: false });
    const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
    await engine.api.injectFrames({ connectionId, from: 'client', bytes: frameBytes({ mask: false, payload: 'no mask' }) });
    expect(await closed).toBe(1002);
    const close = await until(async () => (await framesOf(connectionId)).find((r) => r.from === 'server' && r.opcode === 8), 'the server close');
    expect((await engine.api.getFrame(close.id)).close?.code).toBe(1002);
  });

  it('compresses with the negotiated window and the peer inflates it (RFC 7692)', async () => {
    const { client, connectionId } = await connect({ perMessageDeflate: { clientNoContextTakeover: true, serverNoContextTakeover: true, clientMaxWindowBits: 10 } });
    const summary = (await engine.api.getConnection(connectionId)).summary;
    expect(summary.extensions).toMatch(/permessage-deflate/);
    const text = 'compress me '.repeat(50);
    const deflated = await engine.api.deflateMessage({ connectionId, from: 'client', payload: new TextEncoder().encode(text) });
    expect(deflated.length).toBeLessThan(text.length / 4);
    const echoed = new Promise<string>((resolve) => client.once('message', (d) => resolve(String(d))));
    const built = buildCraftFrame(makeFrame({ maskKey: '01020304', payload: text, compress: true }), { deflated });
    if (!built.ok) throw new Error(built.error);
    await engine.api.injectFrames({ connectionId, from: 'client', bytes: built.bytes });
    expect(await echoed).toBe(text);
    client.close();
  });

  it('refuses bytes that are not whole frames, and unknown connections, with clear errors', async () => {
    const { client, connectionId } = await connect({ perMessageDeflate: false });
    await expect(engine.api.injectFrames({ connectionId, from: 'client', bytes: Uint8Array.of(0x81, 0x85, 1, 2) })).rejects.toThrow(/Only whole frames/);
    await expect(engine.api.injectFrames({ connectionId, from: 'sideways' as 'client', bytes: frameBytes({}) })).rejects.toThrow(/"from" must be/);
    await expect(engine.api.injectFrames({ connectionId: 99999, from: 'client', bytes: frameBytes({ payload: 'x' }) })).rejects.toThrow(/No connection/);
    // The connection is unharmed: a valid frame still gets its echo.
    const echoed = new Promise<string>((resolve) => client.once('message', (d) => resolve(String(d))));
    await engine.api.injectFrames({ connectionId, from: 'client', bytes: frameBytes({ payload: 'still fine' }) });
    expect(await echoed).toBe('still fine');
    expect(received).toContain('still fine');
    client.close();
  });
});
