// "Open a browser", clicked in the UI (issue 14): start a forward proxy from the capture panel, click
// the button, and the Chromium the engine launches (fresh profile, the proxy, Framescope's CA trusted
// by SPKI) loads a local https:// page whose wss:// messages show up in the connection list, with
// the TLS session in the connection view. The engine reads FRAMESCOPE_BROWSER_HEADLESS=1 from the
// environment it is given, so the launched browser is headless here. The button opens a blank page;
// the test then drives that very browser over CDP (--remote-debugging-port=0, the port read from
// its profile's DevToolsActivePort) to the page, as a user would type the address, and compares the
// messages Chromium saw with the capture. The browser must be gone when the engine closes. With no
// browser to find, the panel says so.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { makeTestCa } from '../electron/engine/tls/test-ca';
import { CHROMIUM_PATH, launchBrowser, openPage, pageErrors, screenshot, startApp, type AppUnderTest } from './harness';
import { showConnection } from './inspector-page';

const testCa = makeTestCa('Framescope open-browser test CA');
const MARKER = `--framescope-e2e-browser=${randomUUID()}`;
const PAGE = `<!doctype html><title>captured</title><script>const ws = new WebSocket('wss://' + location.host + '/launched-feed'); ws.onopen = () => ws.send('hello from the launched browser');</script>`;

let app: AppUnderTest;
let browser: Browser;
let https: Server;
let port: number;
const sockets = new Set<Socket>();
/** The engine reads this object at each click (findChromium), so a test can point it elsewhere. */
const env: NodeJS.ProcessEnv = { ...process.env, FRAMESCOPE_BROWSER_HEADLESS: '1' };

/** Command lines carrying this run's marker: the launched browser, while it lives. */
function markedProcesses(): string[][] {
  const found: string[][] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.includes(MARKER)) found.push(args);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** The launched browser's DevTools port, from DevToolsActivePort in the temporary profile the engine gave it. */
async function devToolsPort(): Promise<number> {
  const profile = markedProcesses()[0]?.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
  if (!profile) throw new Error('the launched browser is not running');
  const file = join(profile, 'DevToolsActivePort');
  await expect.poll(() => existsSync(file) && readFileSync(file, 'utf8').includes('\n'), { timeout: 20_000 }).toBe(true);
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

beforeAll(async () => {
  const leaf = testCa.issue(['localhost']);
  https = createServer({ cert: leaf.cert, key: leaf.key }, (_req, res) => res.setHeader('content-type', 'text/html').end(PAGE));
  https.on('connection', (s: Socket) => sockets.add(s));
  new WebSocketServer({ server: https }).on('connection', (ws) => ws.on('message', (d: Buffer) => ws.send(`echo ${d.toString()}`)));
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', () => r()));
  port = (https.address() as AddressInfo).port;
  app = await startApp({
    capture: { trustedCertificates: [testCa.cert] },
    launch: { env, browserArgs: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--remote-debugging-port=0', MARKER] },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  for (const s of sockets) s.destroy();
  await new Promise((r) => https.close(r));
});

/** Starts a forward proxy from the capture panel; its "Open a browser" button (the newest proxy's). */
async function startForwardProxy(page: Page): Promise<Locator> {
  await page.getByTestId('capture-button').click();
  await page.getByRole('radio', { name: 'Forward' }).click();
  const before = await page.getByTestId('open-browser').count();
  await page.getByTestId('proxy-start').click();
  await expect.poll(() => page.getByTestId('open-browser').count(), { timeout: 10_000 }).toBe(before + 1);
  return page.getByTestId('captured-clients').last();
}

it('says in words that no browser was found, and how to get one', async () => {
  env.FRAMESCOPE_BROWSER = '/nonexistent/framescope-test/chromium';
  const page = await openPage(browser, app.server.url);
  const clients = await startForwardProxy(page);
  await clients.getByTestId('open-browser').click();
  const note = clients.getByTestId('no-browser');
  await expect.poll(() => note.textContent(), { timeout: 10_000 }).toContain('No Chromium or Chrome was found');
  expect(await note.textContent()).toContain('sudo apt install chromium');
  expect(markedProcesses()).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('opens a browser whose https:// and wss:// traffic is captured and listed with its TLS session', async () => {
  env.FRAMESCOPE_BROWSER = CHROMIUM_PATH;
  const page = await openPage(browser, app.server.url);
  const clients = await startForwardProxy(page);
  await clients.getByTestId('open-browser').click();
  await expect.poll(() => clients.getByTestId('browser-opened').textContent(), { timeout: 15_000 }).toContain(CHROMIUM_PATH);
  expect(markedProcesses().length).toBeGreaterThan(0);

  // That browser, driven over CDP: the page loads (Framescope's certificate is trusted for this
  // profile only, by SPKI) and its WebSocket echoes; Chromium's own record of the messages.
  const launched = await chromium.connectOverCDP(`http://127.0.0.1:${await devToolsPort()}`);
  const tab = launched.contexts()[0]!.pages()[0] ?? (await launched.contexts()[0]!.newPage());
  const seen: string[] = [];
  tab.on('websocket', (ws) => {
    ws.on('framesent', (f) => seen.push(String(f.payload)));
    ws.on('framereceived', (f) => seen.push(String(f.payload)));
  });
  await tab.goto(`https://localhost:${port}/`);
  expect(await tab.title()).toBe('captured');
  await expect.poll(() => seen, { timeout: 15_000 }).toEqual(['hello from the launched browser', 'echo hello from the launched browser']);

  // The launched browser's wss:// connection, echo and all, in the engine's capture…
  await expect
    .poll(
      async () => {
        const ws = (await app.engine.api.listConnections()).find((c) => c.kind === 'websocket' && c.url.includes('/launched-feed'));
        if (!ws) return [];
        return (await app.engine.api.queryFrames({ filter: { connectionId: ws.id }, start: 0, count: 10 })).rows.map((r) => r.preview);
      },
      { timeout: 30_000 },
    )
    .toEqual(seen);
  // …and the page itself, fetched over the intercepted https:// tunnel.
  const page200 = (await app.engine.api.listHttpExchanges({})).find((x) => x.method === 'GET' && x.url === `https://localhost:${port}/`);
  expect(page200?.status).toBe(200);

  // In the UI: the connection list shows it; its view shows the TLS session and the server's certificate.
  await expect.poll(() => page.getByTestId('connection-item').filter({ hasText: '/launched-feed' }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await showConnection(page, '/launched-feed');
  await page.getByRole('tab', { name: 'Handshake' }).click();
  const tls = page.getByTestId('tls-session');
  await tls.scrollIntoViewIfNeeded();
  await expect.poll(() => tls.textContent(), { timeout: 10_000 }).toMatch(/TLSv1\.[23]/);
  const text = (await tls.textContent()) ?? '';
  expect(text).toContain('CN=localhost');
  expect(text).toContain('Framescope open-browser test CA');
  expect(text).toContain('SNI localhost');
  await screenshot(page, 'open-browser-captured');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();

  // Closing the engine ends the browser it launched: no Chromium is left behind.
  await app.close();
  app = undefined as unknown as AppUnderTest;
  expect(markedProcesses()).toEqual([]);
}, 90_000);
