// End-to-end harness: a real engine and browser-mode server on a free loopback port, driven by
// Debian's Chromium through playwright-core. Screenshots land in e2e/screenshots (git-ignored).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Engine, type EngineOptions } from '../electron/engine/engine';
import { startBrowserServer, type BrowserServer } from '../electron/engine/host/browser-server';
import { viewLoaded } from './text-audit';

export const RENDERER_DIR = fileURLToPath(new URL('../out/renderer/', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium tries to reach Google's hosts at every start.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface AppUnderTest {
  engine: Engine;
  server: BrowserServer;
  dataDir: string;
  close(): Promise<void>;
}

export async function startApp(options: { token?: string; requireToken?: boolean; capture?: EngineOptions['capture']; launch?: EngineOptions['launch'] } = {}): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'framescope-e2e-'));
  const { capture, launch, ...serverOptions } = options;
  const engine = new Engine({ host: 'browser', dataDir, capture, launch });
  const server = await startBrowserServer({ engine, rendererDir: RENDERER_DIR, port: 0, ...serverOptions });
  return {
    engine,
    server,
    dataDir,
    async close() {
      await server.close();
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export async function openPage(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light', viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(url);
  return page;
}

/** Errors the page logged (uncaught exceptions and console errors, CSP violations among them). */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/**
 * The combinations a screenshot gallery walks (colour schemes, languages, window sizes). `npm test`
 * takes the first of each, to keep CI within its time; `npm run screenshots` takes them all.
 */
export function gallery<T>(all: readonly T[]): readonly T[] {
  return process.env.FRAMESCOPE_SCREENSHOTS === '1' ? all : all.slice(0, 1);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await viewLoaded(page);
  await page.screenshot({ path });
  return path;
}
