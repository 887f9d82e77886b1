// The Inspector around the edges of a capture, end to end: the empty state, following a live
// capture (and stopping when the user scrolls up), and plain-HTTP connections through the proxy.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, screenshot, startApp, type AppUnderTest } from './harness';
import { nextMessage, openClient, startEchoServer, startReverseProxy, waitForFrames, type EchoServer } from './inspector-traffic';

const SCHEMES = ['light', 'dark'] as const;
// Every page gets its own browser context; close them after each test so idle pages do not
// compete for the CPU with the next test.
const opened: Page[] = [];
async function open(...args: Parameters<typeof openPage>): Promise<Page> {
  const page = await openPage(...args);
  opened.push(page);
  return page;
}
afterEach(async () => {
  for (const page of opened.splice(0)) await page.context().close();
});
const rows = (page: Page) => page.getByTestId('frame-row');

async function showConnection(page: Page, path: string): Promise<void> {
  await page.getByTestId('connection-item').filter({ hasText: path }).first().click();
}

describe('the Inspector before any traffic', () => {
  let app: AppUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('teaches the next step while the capture is empty', async () => {
    for (const scheme of SCHEMES) {
      const page = await open(browser, app.server.url, scheme);
      await expect.poll(() => page.getByTestId('table-empty').textContent()).toContain('No frames captured yet');
      expect(await page.getByTestId('detail-pane').textContent()).toContain('Select a frame');
      await screenshot(page, `inspector-empty-${scheme}`);
      expect(pageErrors(page)).toEqual([]);
    }
  });
});

describe('the Inspector with live traffic', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let echo: EchoServer;
  let proxy: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    echo = await startEchoServer();
    proxy = await startReverseProxy(app, echo.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await echo?.close();
  });

  it('follows live capture, stops when the user scrolls up, and resumes on demand', async () => {
    const page = await open(browser, app.server.url, 'light');
    const ws = await openClient(`${proxy}/live`);
    await showConnection(page, '/live');
    const pill = page.getByTestId('follow-live');
    await expect.poll(() => pill.textContent()).toContain('Following live');
    const before = (await app.engine.api.getStats()).frames;
    let echoed = 0;
    const all = new Promise<void>((resolve) => ws.on('message', () => ++echoed === 400 && resolve()));
    for (let i = 0; i < 400; i++) ws.send(`live ${i}`);
    await all;
    await waitForFrames(app, before + 800);
    const scroller = page.getByTestId('frame-table-scroll');
    const atBottom = () => scroller.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop < 30);
    const lastVisible = () => rows(page).last().textContent();
    await expect.poll(lastVisible).toContain('live 399');
    expect(await atBottom()).toBe(true);
    await scroller.hover();
    await page.mouse.wheel(0, -2000);
    await expect.poll(() => pill.textContent()).toContain('Resume live');
    ws.send('after the scroll');
    await nextMessage(ws);
    await expect.poll(() => page.getByTestId('frame-count').textContent()).toBe('802 frames');
    expect(await atBottom()).toBe(false);
    await pill.click();
    await expect.poll(atBottom).toBe(true);
    await expect.poll(lastVisible).toContain('after the scroll');
    ws.close();
    expect(pageErrors(page)).toEqual([]);
  });

  it('lists the HTTP exchanges of a plain-HTTP connection with their exact heads', async () => {
    const server = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`poll answer for ${req.url}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const httpProxy = (await startReverseProxy(app, target)).replace(/^ws:/, 'http:');
    const answer = await fetch(`${httpProxy}/poll?since=1`, { headers: { connection: 'close' } });
    expect(await answer.text()).toBe('poll answer for /poll?since=1');
    const page = await open(browser, app.server.url, 'light');
    await showConnection(page, '/poll');
    await expect.poll(() => page.getByTestId('table-empty').textContent()).toContain('plain HTTP');
    await page.getByRole('button', { name: 'Show the HTTP exchanges' }).click();
    await expect.poll(() => page.getByTestId('http-request').textContent()).toContain('GET /poll?since=1 HTTP/1.1');
    expect(await page.getByTestId('http-response').textContent()).toContain('HTTP/1.1 200 OK');
    await screenshot(page, 'inspector-http-light');
    server.close();
    expect(pageErrors(page)).toEqual([]);
  });
});
