// Browser mode's guards, attacked the way the security review did: forged Host headers (DNS
// rebinding), sockets from other origins or with no Origin, and no token.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRpcClient } from '../../../shared/rpc-client';
import { webSocketChannel, type WebSocketLike } from '../../../shared/rpc-channel';
import { Engine } from '../engine';
import { startBrowserServer, type BrowserServer } from './browser-server';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    })
      .on('error', reject)
      .end();
  });
}

/** A raw WebSocket upgrade of /rpc with exactly these headers; resolves with 101 or the refusal's status. */
function upgrade(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`http://127.0.0.1:${port}/rpc`, {
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The cookie the page load sets, as a Cookie header value. */
async function pageCookie(url: string, host?: string): Promise<string> {
  const page = await get(url, host ? { host } : {});
  expect(page.status).toBe(200);
  const setCookie = String(page.headers['set-cookie']);
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  return setCookie.split(';')[0]!;
}

describe('browser-mode server', () => {
  let dir: string;
  let engine: Engine;
  let open: BrowserServer;
  let guarded: BrowserServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-server-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'app.js'), 'void 0;');
    writeFileSync(join(dir, '..', 'secret-outside.txt'), 'nope');
    engine = new Engine({ host: 'browser', dataDir: join(dir, 'data') });
    open = await startBrowserServer({ engine, rendererDir: dir, port: 0 });
    guarded = await startBrowserServer({ engine, rendererDir: dir, port: 0, token: 'sekret-token', requireToken: true });
  });
  afterAll(async () => {
    await open.close();
    await guarded.close();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1, prints a plain URL there and serves the app with a strict CSP', async () => {
    expect(open.host).toBe('127.0.0.1');
    expect(open.url).toBe(`http://127.0.0.1:${open.port}/`);
    const res = await get(open.url);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("object-src 'none'");
  });

  it('gives the page the default language of serve --lang as a meta, and leaves other files and the CSP alone', async () => {
    const zh = await startBrowserServer({ engine, rendererDir: dir, port: 0, lang: 'zh-CN' });
    try {
      for (const path of ['', 'index.html']) {
        const res = await get(`${zh.url}${path}`);
        expect(res.body).toContain('<meta name="framescope-lang" content="zh-CN" />');
        expect(res.headers['content-security-policy']).toBe((await get(open.url)).headers['content-security-policy']);
      }
      expect((await get(`${zh.url}app.js`)).body).toBe('void 0;');
      expect((await get(open.url)).body).not.toContain('framescope-lang');
    } finally {
      await zh.close();
    }
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await get(`http://127.0.0.1:${open.port}/..%2fsecret-outside.txt`);
    expect(res.status).toBe(404);
  });

  it('answers to its loopback names only: a forged Host (DNS rebinding) gets 421 on HTTP', async () => {
    for (const host of [`127.0.0.1:${open.port}`, `localhost:${open.port}`, `[::1]:${open.port}`, `LOCALHOST:${open.port}`]) {
      expect((await get(open.url, { host })).status, host).toBe(200);
    }
    for (const host of [`attacker.example:${open.port}`, `127.0.0.1:${open.port + 1}`, 'localhost', `127.0.0.1.attacker.example:${open.port}`]) {
      const res = await get(open.url, { host, origin: `http://${host}` });
      expect(res.status, host).toBe(421);
      expect(res.headers['set-cookie'], host).toBeUndefined();
    }
  });

  it('refuses an upgrade with a forged Host even when Origin matches it and the cookie is right', async () => {
    const cookie = await pageCookie(open.url);
    const host = `attacker.example:${open.port}`;
    expect(await upgrade(open.port, { host, origin: `http://${host}`, cookie })).toBe(421);
  });

  it('refuses upgrades without an Origin, from another origin, or without the token', async () => {
    const cookie = await pageCookie(open.url);
    const host = `127.0.0.1:${open.port}`;
    expect(await upgrade(open.port, { host, cookie })).toBe(403);
    expect(await upgrade(open.port, { host, cookie, origin: 'http://evil.example' })).toBe(403);
    expect(await upgrade(open.port, { host, cookie, origin: `http://localhost:${open.port}` })).toBe(403);
    expect(await upgrade(open.port, { host, origin: `http://${host}` })).toBe(401);
    expect(await upgrade(open.port, { host, origin: `http://${host}`, cookie: 'framescope_token=guessed' })).toBe(401);
    expect(await upgrade(open.port, { host, origin: `http://${host}`, cookie })).toBe(101);
  });

  it('refuses a WebSocket opened by another origin (ws client, as a page elsewhere would)', async () => {
    const cookie = await pageCookie(open.url);
    const ws = new WebSocket(`ws://127.0.0.1:${open.port}/rpc`, { origin: 'http://evil.example', headers: { cookie } });
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
  });

  it('sets the cookie only on the page itself, not on other files', async () => {
    expect((await get(`http://127.0.0.1:${open.port}/app.js`)).headers['set-cookie']).toBeUndefined();
    expect(String((await get(`http://localhost:${open.port}/`, { host: `localhost:${open.port}` })).headers['set-cookie'])).toMatch(/=[^;]+; HttpOnly; SameSite=Strict; Path=\//);
  });

  it('off loopback: 401 without the token, 200 with it, then accepts the cookie it set', async () => {
    expect(guarded.url).toBe(`http://127.0.0.1:${guarded.port}/?token=sekret-token`);
    expect((await get(`http://127.0.0.1:${guarded.port}/`)).status).toBe(401);
    expect((await get(`http://127.0.0.1:${guarded.port}/?token=wrong-token!`)).status).toBe(401);
    const cookie = await pageCookie(guarded.url);
    expect((await get(`http://127.0.0.1:${guarded.port}/index.html`, { cookie })).status).toBe(200);
  });

  it('speaks the contract over the socket: results, typed errors, schema errors and bytes', async () => {
    const cookie = await pageCookie(open.url);
    const origin = `http://127.0.0.1:${open.port}`;
    const client = createRpcClient(() => webSocketChannel(new WebSocket(`ws://127.0.0.1:${open.port}/rpc`, { origin, headers: { cookie } }) as unknown as WebSocketLike));
    const info = await client.getInfo();
    expect(info).toMatchObject({ name: 'Framescope', host: 'browser' });
    expect(await client.queryFrames({ start: 0, count: 10 })).toEqual({ total: 0, start: 0, rows: [] });
    await expect(client.getConnection(424242)).rejects.toMatchObject({ name: 'FramescopeError', code: 'not-found' });
    await expect(client.queryFrames({ start: -1, count: 10 })).rejects.toMatchObject({ code: 'invalid' });
    const exported = await client.exportCapture({ format: 'jsonl' });
    expect(exported).toBeInstanceOf(Uint8Array);
    client.close();
  });
});
