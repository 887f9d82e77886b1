// The security review's browser-mode attacks, replayed in Chromium: a DNS-rebound name that
// resolves to 127.0.0.1 (Chromium's host resolver rules stand in for the attacker's DNS), and a
// page on another loopback port that already holds our cookie (same site, another origin).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, startApp, type AppUnderTest } from './harness';

const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--host-resolver-rules=MAP attacker.example 127.0.0.1'];

/** What a script on `pageUrl` gets when it opens a WebSocket to `socketUrl`. */
async function trySocket(browser: Browser, pageUrl: string, socketUrl: string, first?: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (first) await page.goto(first);
    await page.goto(pageUrl);
    return await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      socketUrl,
    );
  } finally {
    await context.close();
  }
}

describe('browser mode under attack', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let evil: Server;
  let evilPort: number;

  beforeAll(async () => {
    app = await startApp();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
    evil = createServer((_req, res) => res.end('<!doctype html><title>evil</title>'));
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
    evilPort = (evil.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await browser.close();
    evil.close();
    await app.close();
  });

  it('the app itself opens its socket with no token in sight (loopback stays as easy as before)', async () => {
    expect(await trySocket(browser, app.server.url, `ws://127.0.0.1:${app.server.port}/rpc`)).toBe('open');
  });

  it('a rebound name gets 421 for the page and cannot open the socket', async () => {
    const rebound = `http://attacker.example:${app.server.port}/`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(rebound);
    expect(response?.status()).toBe(421);
    await context.close();
    expect(await trySocket(browser, rebound, `ws://attacker.example:${app.server.port}/rpc`)).toBe('refused');
  });

  it('a page on another origin cannot open the socket, even holding our same-site cookie', async () => {
    expect(await trySocket(browser, `http://127.0.0.1:${evilPort}/`, `ws://127.0.0.1:${app.server.port}/rpc`, app.server.url)).toBe('refused');
    expect(await trySocket(browser, `http://127.0.0.1:${evilPort}/`, `ws://localhost:${app.server.port}/rpc`, app.server.url)).toBe('refused');
  });
});
