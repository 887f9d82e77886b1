// The demo servers behind the real capture proxy, with the built-in client and with `ws` clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Engine } from '../../engine';
import { STRICT_MAX_PAYLOAD, STRICT_SUBPROTOCOL } from './demo-kinds';

function open(url: string, protocols?: string[], options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, options);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
const next = (ws: WebSocket) => new Promise<string>((resolve) => ws.once('message', (d) => resolve(d.toString())));
const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

describe('demo servers', () => {
  let dir: string;
  let engine: Engine;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-demo-'));
    engine = new Engine({ host: 'browser', dataDir: dir });
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('echo: one call starts the server, its proxy and a captured built-in client that said hello', async () => {
    const info = await engine.api.demoServerStart({ kind: 'echo' });
    expect(info.proxyUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+/);
    expect(info.connectionId).not.toBeNull();
    // The hello and its echo, both captured on the client's connection.
    await expect.poll(async () => (await engine.api.queryFrames({ filter: { connectionId: info.connectionId! }, start: 0, count: 10 })).total).toBeGreaterThanOrEqual(2);
    expect((await engine.api.listProxies()).some((p) => p.id === info.proxyId)).toBe(true);
    // Asking again returns the same demo, not a second one.
    expect((await engine.api.demoServerStart({ kind: 'echo' })).proxyId).toBe(info.proxyId);
    const ws = await open(info.proxyUrl);
    const echoed = next(ws);
    ws.send('ping through the proxy');
    expect(await echoed).toBe('ping through the proxy');
    ws.close();
  });

  it('chat: broadcasts each message to every client', async () => {
    const info = await engine.api.demoServerStart({ kind: 'chat', connectClient: false });
    const [a, b, c] = await Promise.all([open(info.proxyUrl), open(info.proxyUrl), open(info.proxyUrl)]);
    const got = Promise.all([next(a!), next(b!), next(c!)]);
    a!.send('hello all');
    expect(await got).toEqual(['hello all', 'hello all', 'hello all']);
    for (const ws of [a, b, c]) ws!.close();
  });

  it('deflate: negotiates permessage-deflate and compresses the echo', async () => {
    const info = await engine.api.demoServerStart({ kind: 'deflate' });
    const ws = await open(info.proxyUrl, undefined, { perMessageDeflate: true });
    expect(ws.extensions).toContain('permessage-deflate');
    const echoed = next(ws);
    ws.send('a'.repeat(500));
    expect(await echoed).toBe('a'.repeat(500));
    ws.close();
  });

  it('strict: refuses a handshake without its subprotocol, closes 1009 past 4 KiB', async () => {
    const info = await engine.api.demoServerStart({ kind: 'strict', connectClient: false });
    await expect(open(info.proxyUrl)).rejects.toThrow();
    const ws = await open(info.proxyUrl, [STRICT_SUBPROTOCOL]);
    expect(ws.protocol).toBe(STRICT_SUBPROTOCOL);
    const code = closed(ws);
    ws.send('x'.repeat(STRICT_MAX_PAYLOAD + 1));
    expect(await code).toBe(1009);
  });

  it('lists and stops demos; a bad kind is a clear error', async () => {
    expect((await engine.api.demoServerList()).map((d) => d.kind).sort()).toEqual(['chat', 'deflate', 'echo', 'strict']);
    const echo = (await engine.api.demoServerList()).find((d) => d.kind === 'echo')!;
    await engine.api.demoServerStop({ kind: 'echo' });
    expect((await engine.api.demoServerList()).map((d) => d.kind)).not.toContain('echo');
    expect((await engine.api.listProxies()).some((p) => p.id === echo.proxyId)).toBe(false);
    await expect(engine.api.demoServerStart({ kind: 'nope' as never })).rejects.toThrow(/echo, chat, deflate, strict or socketio/);
  });
});
