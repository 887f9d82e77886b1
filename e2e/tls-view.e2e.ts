// The connection view of an intercepted wss:// connection: TLS version, cipher, ALPN and the
// server certificate's subject, issuer and validity, at two window sizes in both schemes.
import { request, type IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { loadCa } from '../electron/engine/tls/ca-store';
import { makeTestCa } from '../electron/engine/tls/test-ca';
import { launchBrowser, openPage, pageErrors, screenshot, startApp, type AppUnderTest } from './harness';
import { row, showConnection } from './inspector-page';
import type { Browser } from 'playwright-core';

const testCa = makeTestCa('Framescope e2e test CA');
let app: AppUnderTest;
let browser: Browser;
let https: Server;
const sockets = new Set<Socket>();
let client: WebSocket;

beforeAll(async () => {
  app = await startApp({ capture: { trustedCertificates: [testCa.cert] } });
  browser = await launchBrowser();
  const leaf = testCa.issue(['localhost']);
  https = createServer({ cert: leaf.cert, key: leaf.key });
  https.on('connection', (s: Socket) => sockets.add(s));
  new WebSocketServer({ server: https }).on('connection', (ws) => ws.on('message', (d: Buffer) => ws.send(`echo ${d.toString()}`)));
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', () => r()));
  const port = (https.address() as AddressInfo).port;
  const proxy = await app.engine.api.startProxy({ mode: 'forward' });
  const raw = await new Promise<Socket>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxy.listenPort, method: 'CONNECT', path: `localhost:${port}` });
    req.on('connect', (_res: IncomingMessage, s: Socket) => resolve(s));
    req.on('error', reject);
    req.end();
  });
  const secure = tlsConnect({ socket: raw, servername: 'localhost', ca: loadCa(app.dataDir).certificate });
  client = new WebSocket(`wss://localhost:${port}/secure-feed`, { createConnection: () => secure as TLSSocket });
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
  const echoed = new Promise((resolve) => client.once('message', resolve));
  client.send('over TLS');
  await echoed;
});

afterAll(async () => {
  client?.terminate();
  await browser?.close();
  await app?.close();
  for (const s of sockets) s.destroy();
  await new Promise((r) => https.close(r));
});

it('shows the TLS session and the server certificate of an intercepted wss:// connection', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await openPage(browser, app.server.url, scheme);
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await showConnection(page, '/secure-feed');
      await row(page, 0).click();
      await page.getByRole('tab', { name: 'Handshake' }).click();
      const tls = page.getByTestId('tls-session');
      await tls.scrollIntoViewIfNeeded();
      await expect.poll(() => tls.textContent()).toMatch(/TLSv1\.[23]/);
      const text = (await tls.textContent()) ?? '';
      expect(text).toContain('CN=localhost');
      expect(text).toContain('Framescope e2e test CA');
      expect(text).toContain('http/1.1');
      expect(text).toContain('SNI localhost');
      expect(await page.getByTestId('tls-checked').textContent()).toContain('was checked');
      // Nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, `inspector-tls-${width}-${scheme}`);
    }
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }
});
