/**
 * UI figures in Chromium (browser mode), for the budgets in DESIGN.md: fill the capture with
 * 1,000,000 real frames relayed through the reverse proxy, then time the first window of the
 * frame table, the frame times while scrolling and jumping through it, and the frame times while
 * a live capture runs at ~20,000 frames/s. Prints; asserts nothing.
 * Run: npx electron-vite build && npx tsx bench/ui.bench.ts   (FRAMES=200000 for a quick run)
 */
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { pump, startSink } from '../e2e/bulk-traffic';
import { launchBrowser, openPage, startApp, type AppUnderTest } from '../e2e/harness';
import { waitForFrames } from '../e2e/inspector-traffic';
import { measureFrames, summarize } from './ui-frame-times';

const FRAMES = Number(process.env.FRAMES ?? 1_000_000);

async function fill(app: AppUnderTest, proxyUrl: string): Promise<WebSocket> {
  const ws = new WebSocket(`${proxyUrl}/bench`, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const t = performance.now();
  await pump(ws, FRAMES);
  await waitForFrames(app, FRAMES, 600_000);
  const s = (performance.now() - t) / 1000;
  const stats = await app.engine.api.getStats();
  console.log(`filled   ${stats.frames.toLocaleString('en-US')} frames through the proxy in ${s.toFixed(1)} s (${Math.round(stats.frames / s).toLocaleString('en-US')} frames/s)`);
  return ws;
}

export async function run(): Promise<void> {
  const app = await startApp();
  const sink = await startSink();
  const browser = await launchBrowser();
  try {
    const { address } = await app.engine.api.startProxy({ mode: 'reverse', target: sink.url });
    const ws = await fill(app, address.replace(/\/$/, ''));

    let t = performance.now();
    const page = await openPage(browser, app.server.url, 'light');
    await page.getByTestId('frame-row').filter({ hasNotText: '…' }).first().waitFor({ timeout: 60_000 });
    console.log(`open     first window of ${FRAMES.toLocaleString('en-US')} rows shown ${(performance.now() - t).toFixed(0)} ms after navigation (budget 1500 ms)`);
    t = performance.now();
    await page.getByRole('button', { name: 'Both' }).waitFor();
    await page.getByTestId('frame-table-scroll').evaluate((el) => (el.scrollTop = 0));
    await page.locator('[data-testid="frame-row"][aria-rowindex="2"]').filter({ hasNotText: '…' }).waitFor();
    console.log(`jump     top of the table shown ${(performance.now() - t).toFixed(0)} ms after leaving the live end`);

    console.log(summarize('wheel', await measureFrames(page, 'wheel', 600)));
    console.log(summarize('fling', await measureFrames(page, 'fling', 600)));
    console.log(summarize('jumps', await measureFrames(page, 'jump', 120)));

    await page.getByTestId('follow-live').click();
    const live = measureFrames(page, 'idle', 180);
    const before = (await app.engine.api.getStats()).frames;
    const t0 = performance.now();
    await pump(ws, 60_000, 20_000);
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
