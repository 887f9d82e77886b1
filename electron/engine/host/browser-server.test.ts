import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRpcClient, type RpcSocket } from '../../../shared/rpc-client';
import { Engine } from '../engine';
import { startBrowserServer, type BrowserServer } from './browser-server';

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
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

describe('browser-mode server', () => {
  let dir: string;
  let engine: Engine;
  let open: BrowserServer;
  let guarded: BrowserServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-server-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, '..', 'secret-outside.txt'), 'nope');
    engine = new Engine({ host: 'browser', dataDir: join(dir, 'data') });
    open = await startBrowserServer({ engine, rendererDir: dir, port: 0 });
    guarded = await startBrowserServer({ engine, rendererDir: dir, port: 0, token: 'sekret-token' });
  });
  afterAll(async () => {
    await open.close();
    await guarded.close();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 without a token by default and serves the app with a strict CSP', async () => {
    expect(open.host).toBe('127.0.0.1');
    expect(open.token).toBeNull();
    const res = await get(open.url);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("object-src 'none'");
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await get(`http://127.0.0.1:${open.port}/..%2fsecret-outside.txt`);
    expect(res.status).toBe(404);
  });

  it('answers 401 without the token and 200 with it, then accepts the cookie it set', async () => {
    expect((await get(`http://127.0.0.1:${guarded.port}/`)).status).toBe(401);
    expect((await get(`http://127.0.0.1:${guarded.port}/?token=wrong-token!`)).status).toBe(401);
    const ok = await get(guarded.url);
    expect(ok.status).toBe(200);
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    expect((await get(`http://127.0.0.1:${guarded.port}/index.html`, { cookie })).status).toBe(200);
  });

  it('closes an RPC socket without the token with 1008', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${guarded.port}/rpc`);
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(1008);
  });

  it('refuses RPC sockets opened by another origin', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${open.port}/rpc`, { origin: 'http://evil.example' });
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
  });

  it('speaks the contract over the socket: results, typed errors and bytes', async () => {
    const client = createRpcClient(() => new WebSocket(`ws://127.0.0.1:${guarded.port}/rpc?token=sekret-token`) as unknown as RpcSocket);
    const info = await client.getInfo();
    expect(info).toMatchObject({ name: 'Framescope', host: 'browser' });
    expect(await client.queryFrames({ start: 0, count: 10 })).toEqual({ total: 0, start: 0, rows: [] });
    await expect(client.getConnection(424242)).rejects.toMatchObject({ name: 'FramescopeError', code: 'not-found' });
  });
});
