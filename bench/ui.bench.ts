/**
 * UI figures in Chromium (browser mode), for the budgets in DESIGN.md: fill the capture with real
 * frames relayed through the reverse proxy (1M, then 10M), then time the first window of the
 * frame table, the jump to the last row (End), the frame times while scrolling and jumping
 * through it, and the frame times while a live capture runs at ~20,000 frames/s with the table
 * following. Budgets: first window < 1.5 s, jump to row 9,999,999 < 1 s, live p95 ≤ 17 ms.
 * Prints; asserts nothing.
 * Run: npx electron-vite build && npm run bench -- ui   (CASES=200000 for a quick run)
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type WebSocket from 'ws';
import { bulkText, pump, sendBulk, startSink } from '../e2e/bulk-traffic';
import { launchBrowser, startApp, type AppUnderTest } from '../e2e/harness';
import { measureFrames, summarize } from './ui-frame-times';

const CASES = (process.env.CASES ?? process.env.FRAMES ?? '1000000,10000000').split(',').map(Number);

async function captureHolds(app: AppUnderTest, n: number): Promise<void> {
  for (;;) {
    const stats = await app.engine.api.getStats();
    if (stats.frames >= n) return;
    if (stats.full) throw new Error(`the capture is full at ${stats.frames} frames (${stats.memoryBytes} B): raise the bench's budget`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function fill(app: AppUnderTest, proxyUrl: string, frames: number): Promise<WebSocket> {
  const t = performance.now();
  const ws = await sendBulk(proxyUrl, frames);
  await captureHolds(app, frames);
  const s = (performance.now() - t) / 1000;
  const stats = await app.engine.api.getStats();
  console.log(`filled   ${stats.frames.toLocaleString('en-US')} frames through the proxy in ${s.toFixed(1)} s (${Math.round(stats.frames / s).toLocaleString('en-US')} frames/s)`);
  return ws;
}

async function openFirstWindow(browser: Browser, url: string): Promise<{ page: Page; inPage: number; seenByTest: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="frame-row"]:not(.loading)')) return;
      (window as Window & { firstRowAt?: number }).firstRowAt = performance.now();
      seen.disconnect();
    });
    seen.observe(document, { subtree: true, childList: true });
  });
  const t = performance.now();
  await page.goto(url);
  await page.getByTestId('frame-row').filter({ hasNotText: '…' }).first().waitFor({ timeout: 60_000 });
  const seenByTest = performance.now() - t;
  const inPage = await page.evaluate(() => (window as Window & { firstRowAt?: number }).firstRowAt ?? NaN);
  return { page, inPage, seenByTest };
}

async function runCase(frames: number): Promise<void> {
  console.log(`\n--- ${frames.toLocaleString('en-US')} frames ---`);
  // 10M small frames take ~600 MiB of store (bench/capture.bench.ts): more than the default budget.
  const app = await startApp({ capture: { budget: { memoryBytes: 1024 * 1024 * 1024 } } });
  const sink = await startSink();
  const browser = await launchBrowser();
  try {
    const { address } = await app.engine.api.startProxy({ mode: 'reverse', target: sink.url });
    const ws = await fill(app, address.replace(/\/$/, ''), frames);

    // The window and its renderer process exist before the app is asked for (Electron makes its
    // window first too): the clock starts at navigation. The page's own clock (performance.now()
    // counts from its navigation start) says when the first drawn row entered the DOM. Three
    // fresh windows, each with its own renderer process: one start-up is too noisy to quote.
    const opened = [await openFirstWindow(browser, app.server.url)];
    for (let i = 1; i < 3; i++) {
      await opened[i - 1]!.page.context().close();
      opened.push(await openFirstWindow(browser, app.server.url));
    }
    const page = opened[2]!.page;
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const inPage = opened.map((o) => o.inPage);
    console.log(
      `open     first window of ${frames.toLocaleString('en-US')} rows drawn ${med(inPage).toFixed(0)} ms after navigation by the page's clock (median of 3 fresh windows: ${inPage.map((x) => x.toFixed(0)).join(', ')}), seen by the test after ${med(opened.map((o) => o.seenByTest)).toFixed(0)} ms (budget 1500 ms)`,
    );
    await page.getByTestId('follow-live').click(); // stop following: the reader takes over
    let t = performance.now();
    await page.keyboard.press('Home');
    await page.locator('.frame-row.selected[aria-rowindex="2"]').waitFor();
    console.log(`home     row 0 selected and shown ${(performance.now() - t).toFixed(0)} ms after Home`);
    t = performance.now();
    await page.keyboard.press('End');
    await page.locator('.frame-row.selected').filter({ hasText: bulkText(frames - 1) }).waitFor();
    console.log(`end      row ${(frames - 1).toLocaleString('en-US')} selected and shown ${(performance.now() - t).toFixed(0)} ms after End (budget 1000 ms)`);
    t = performance.now();
    await page.getByTestId('frame-table-scroll').evaluate((el) => (el.scrollTop = 0));
    await page.locator('[data-testid="frame-row"][aria-rowindex="2"]').filter({ hasNotText: '…' }).waitFor();
    console.log(`jump     top of the table shown ${(performance.now() - t).toFixed(0)} ms after dragging the scrollbar there`);

    console.log(summarize('wheel', await measureFrames(page, 'wheel', 600)));
    console.log(summarize('fling', await measureFrames(page, 'fling', 600)));
    console.log(summarize('jumps', await measureFrames(page, 'jump', 120)));

    await page.getByTestId('follow-live').click();
    const live = measureFrames(page, 'idle', 180);
    const before = (await app.engine.api.getStats()).frames;
    const t0 = performance.now();
    await pump(ws, 60_000, 20_000, frames);
    const rate = ((await app.engine.api.getStats()).frames - before) / ((performance.now() - t0) / 1000);
    console.log(summarize(`live ${Math.round(rate).toLocaleString('en-US')}/s`, await live));
    const drawn = await page.getByTestId('frame-row').count();
    const waiting = await page.locator('.frame-row.loading').count();
    console.log(`live     rows in the DOM at the end of the live run: ${drawn} drawn, ${waiting} still loading`);
    ws.close();
  } finally {
    await browser.close();
    await app.close();
    await sink.close();
  }
}

export async function run(): Promise<void> {
  for (const frames of CASES) await runCase(frames);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
