// One describe block's app under test: the engine and browser-mode server, Chromium, and on
// request a `ws` echo server, started before its tests and closed after them. Pages opened
// through the session get their own browser context, closed after each test so idle pages do
// not compete for the CPU with the next one.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startEchoServer, type EchoServer, type EchoServerOptions } from './echo-server';
import { launchBrowser, openPage, startApp, type AppUnderTest } from './harness';

export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

export interface AppSession {
  readonly app: AppUnderTest;
  readonly browser: Browser;
  /** Opens the app in a fresh context with the given colour scheme. */
  open(scheme?: Scheme): Promise<Page>;
}

export interface EchoAppSession extends AppSession {
  readonly echo: EchoServer;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not running: use the session inside a test or a later hook`);
  return value;
}

/** Registers beforeAll/afterAll/afterEach hooks in the calling describe block. */
export function useAppSession(): AppSession;
export function useAppSession(options: { echo: EchoServerOptions }): EchoAppSession;
export function useAppSession(options: { echo?: EchoServerOptions } = {}): EchoAppSession {
  let app: AppUnderTest | undefined;
  let browser: Browser | undefined;
  let echo: EchoServer | undefined;
  const opened: Page[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    if (options.echo) echo = await startEchoServer(options.echo);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await echo?.close();
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.context().close();
  });

  return {
    get app() {
      return started(app, 'the app');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    get echo() {
      return started(echo, 'the echo server');
    },
    async open(scheme = 'light') {
      const page = await openPage(started(browser, 'the browser'), started(app, 'the app').server.url, scheme);
      opened.push(page);
      return page;
    },
  };
}
