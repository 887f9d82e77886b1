// `framescope browser --headless` against a local HTTPS + WSS server with its own test CA: Chromium
// goes through the capturing forward proxy (localhost included), trusts Framescope's CA for its
// temporary profile only, and every WebSocket message Chromium itself saw (over CDP) is in the
// capture, as is the https:// fetch.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { makeTestCa } from '../electron/engine/tls/test-ca';
import { CHROMIUM_PATH } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'framescope-browser-e2e-'));
let https: Server;
let port = 0;
let cli: ChildProcess;
let browser: Browser | null = null;
const sockets = new Set<Socket>();
let stdout = '';
let stderr = '';

const PAGE = `<!doctype html><title>waiting</title><script>
const ws = new WebSocket('wss://' + location.host + '/ws');
const got = [];
ws.onopen = () => ['one', 'two', JSON.stringify({ three: 3 })].forEach((m) => ws.send(m));
ws.onmessage = (e) => {
  got.push(e.data);
  if (got.length === 3) fetch('/data?x=1').then((r) => r.text()).then((t) => (document.title = 'done ' + t));
};
</script>`;

beforeAll(async () => {
  const ca = makeTestCa();
  const leaf = ca.issue(['localhost']);
  writeFileSync(join(dir, 'test-ca.pem'), ca.cert);
  https = createServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
    if (req.url === '/page') res.setHeader('Content-Type', 'text/html').end(PAGE);
    else res.setHeader('Content-Type', 'text/plain').end(`data for ${req.url}`);
  });
  https.on('connection', (s: Socket) => sockets.add(s));
  const wss = new WebSocketServer({ server: https });
  wss.on('connection', (ws) => ws.on('message', (d: Buffer) => ws.send(`echo ${d.toString()}`)));
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', () => r()));
  port = (https.address() as AddressInfo).port;

  cli = spawn(
    process.execPath,
    ['bin/framescope.mjs', 'browser', '--headless', '--out', join(dir, 'capture.jsonl'), '--upstream-ca', join(dir, 'test-ca.pem'), '--', '--remote-debugging-port=0', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    { env: { ...process.env, FRAMESCOPE_DATA_DIR: join(dir, 'data'), FRAMESCOPE_BROWSER: CHROMIUM_PATH }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cli.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  cli.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const endpoint = await vi.waitFor(
    () => {
      const m = /DevTools listening on (ws:\S+)/.exec(stderr);
      if (!m) throw new Error(`no DevTools endpoint yet: ${stderr}`);
      return m[1]!;
    },
    { timeout: 60_000, interval: 50 },
  );
  browser = await chromium.connectOverCDP(endpoint);
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  cli.kill('SIGINT');
  await new Promise((r) => cli.once('exit', r));
  for (const s of sockets) s.destroy();
  await new Promise((r) => https.close(r));
  rmSync(dir, { recursive: true, force: true });
});

it('captures every wss:// message and https:// exchange a headless Chromium makes through framescope browser', async () => {
  const context = browser!.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const seen: string[] = [];
  cdp.on('Network.webSocketFrameSent', (e: { response: { payloadData: string } }) => seen.push(`client ${e.response.payloadData}`));
  cdp.on('Network.webSocketFrameReceived', (e: { response: { payloadData: string } }) => seen.push(`server ${e.response.payloadData}`));
  await cdp.send('Network.enable');
  await page.goto(`https://localhost:${port}/page`);
  await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('done data for /data?x=1');
  expect(seen).toHaveLength(6);

  // The capture's frame lines (stdout): "#id  client→server  text  …  N B  preview".
  await expect.poll(() => stdout.split('\n').filter((l) => / text /.test(l)).length, { timeout: 10_000 }).toBe(6);
  const captured = stdout
    .split('\n')
    .filter((l) => / text /.test(l))
    .map((l) => `${l.includes('client→server') ? 'client' : 'server'} ${l.replace(/^.* B {2}/, '')}`);
  expect(captured.sort()).toEqual([...seen].sort());
  expect(stderr).not.toMatch(/did not accept|most likely does not trust/);
  // The https:// page and fetch are in the capture file as exchanges, with their real URLs.
  const httpUrls = (): string[] =>
    readFileSync(join(dir, 'capture.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"type":"http"'))
      .map((l) => (JSON.parse(l) as { url: string }).url);
  await expect.poll(httpUrls, { timeout: 10_000 }).toEqual(expect.arrayContaining([`https://localhost:${port}/page`, `https://localhost:${port}/data?x=1`]));
  // The CA is this run's, in its data folder, and its key is private.
  expect(readFileSync(join(dir, 'data', 'tls', 'framescope-ca.pem'), 'utf8')).toMatch(/BEGIN CERTIFICATE/);
});
