// The comparison lab in Chromium: the page's own fetch, EventSource and WebSocket run four
// transports through the capture proxy (HTTP/2 by the engine's Node client), all five lanes fill,
// the summary is exact after Stop, and the demonstrations work. Screenshots in light and dark.
import { MIN_WAIT_SAMPLES } from '../electron/engine/lab/claims-latency';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAB_TRANSPORTS } from '../shared/api';
import { launchBrowser, openPage, pageErrors, screenshot, startApp, type AppUnderTest } from './harness';

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== theme; i++) await page.getByTestId('theme-toggle').click();
  expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
}

/** Runs `shoot` at 1280×720 and 1920×1080 in light and dark; nothing may scroll sideways. Ends at 1440×900, light. */
async function atEverySize(page: Page, shoot: (suffix: string) => Promise<void>): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await shoot(`${theme}-${width}`);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await setTheme(page, 'light');
}

describe('the comparison lab in the browser', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await openPage(browser, app.server.url, 'light');
    await page.getByRole('tab', { name: 'Lab' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('runs all five lanes live with the browser clients and a cookie', async () => {
    await page.getByTestId('lab-rate').fill('4');
    await page.getByTestId('lab-interval').fill('700');
    await page.getByTestId('lab-cookie').fill('400');
    await page.getByTestId('lab-upstream').check();
    await page.getByTestId('lab-start').click();
    await expect.poll(() => page.getByTestId('lab-status').textContent(), { timeout: 15_000 }).toContain('Running');
    // Every lane has delivered something, and the short-polling lane has made several requests.
    for (const t of LAB_TRANSPORTS) {
      await expect.poll(() => page.locator(`.lab-lane[data-transport="${t}"] .delivered`).count(), { timeout: 15_000 }).toBeGreaterThan(2);
    }
    await expect.poll(() => page.locator('.lab-lane[data-transport="short-polling"] .request').count(), { timeout: 10_000 }).toBeGreaterThan(4);
    expect(await page.locator('.lab-lane[data-transport="websocket"] .frame').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('lab-lane-http2-polling').textContent()).toContain('browsers lack h2c');
    await screenshot(page, 'lab-lanes-light');
    await setTheme(page, 'dark');
    await screenshot(page, 'lab-lanes-dark');
    // Pause freezes the window; scrubbing moves it; Follow live resumes.
    await page.getByTestId('lab-pause').click();
    const frozen = await page.locator('.lab-clock').textContent();
    await expect.poll(() => page.locator('.lab-clock').textContent(), { timeout: 2000 }).toBe(frozen);
    await page.getByTestId('lab-pause').click();
  });

  it('stops with every message delivered on every transport, counted on the wire', async () => {
    // The wait claim judges T/2 against T only from MIN_WAIT_SAMPLES messages on: a loaded machine
    // may not have published that many yet, so the run goes on until it has (a few more for margin).
    await expect.poll(async () => (await app.engine.api.labStatus()).published, { timeout: 30_000 }).toBeGreaterThanOrEqual(MIN_WAIT_SAMPLES + 4);
    await page.getByTestId('lab-stop').click();
    await expect.poll(() => page.getByTestId('lab-status').textContent(), { timeout: 20_000 }).toContain('Finished');
    const summary = (await app.engine.api.labSummary())!;
    expect(summary.published).toBeGreaterThan(5);
    for (const r of summary.rows) {
      expect({ t: r.transport, n: r.messages }).toEqual({ t: r.transport, n: summary.published });
      expect({ t: r.transport, unattributed: r.breakdown.some((s) => s.key === 'unattributed') }).toEqual({ t: r.transport, unattributed: false });
      expect(r.client).toBe(r.transport === 'http2-polling' ? 'node' : 'browser');
    }
    // The browser's real requests carried the lab's cookie, set by Set-Cookie (fetch cannot set it).
    const lab = (await app.engine.api.listConnections()).filter((c) => c.source === 'lab');
    const heads = (await Promise.all(lab.map((c) => app.engine.api.listHttpExchanges({ connectionId: c.id })))).flat().map((e) => new TextDecoder().decode(e.requestHead));
    expect(heads.some((h) => /^GET \/poll\?client=.* HTTP\/1\.1\r\n[\s\S]*\r\nCookie: [^\r]*lab0=c+/i.test(h))).toBe(true);
    expect(heads.some((h) => /^GET \/ws HTTP\/1\.1[\s\S]*Sec-WebSocket-Key/i.test(h))).toBe(true);

    await page.getByTestId('lab-tab-summary').click();
    for (const t of LAB_TRANSPORTS) expect(await page.getByTestId(`lab-row-${t}`).textContent()).toContain(`${summary.published}/${summary.published}`);
    expect(await page.getByTestId('lab-claims').textContent()).toContain('Each WebSocket frame adds 2–14 bytes.');
    await screenshot(page, 'lab-summary-dark');
    await setTheme(page, 'light');
    await screenshot(page, 'lab-summary-light');
    await page.getByTestId('lab-claims').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-claims-light');

    // Both directions: the browser's own masked frames (6 or 8 B of header) and POSTs, measured.
    const up = summary.rows.find((r) => r.transport === 'websocket')!.clientToServer!;
    expect(up.messages).toBeGreaterThan(2);
    expect(Object.keys(up.frameHeaderSizes!)).toEqual(['8']);
    for (const t of ['short-polling', 'long-polling', 'sse'] as const) expect(summary.rows.find((r) => r.transport === t)!.clientToServer!.requests).toBeGreaterThan(2);
    // The packets underneath, counted by the kernel on Linux.
    for (const r of summary.rows) expect({ t: r.transport, measured: r.tcpIp?.measured }).toEqual({ t: r.transport, measured: true });
    expect(await page.getByTestId('lab-packets-ratio').textContent()).toMatch(/\d : 1 counting application bytes, .*\d : 1 counting the packets too/);
    expect(await page.getByTestId('lab-directions-websocket').textContent()).toContain('masked frames: 8 B ×');
    // The polling-delay cards: mean, median, p95 against T/2 and T, with the distribution.
    const wait = page.getByTestId('lab-claim-short-polling-poll-wait-interval');
    expect(await wait.textContent()).toMatch(/mean \d+ ms, median \d+ ms, p95 \d+ ms/);
    expect(await wait.locator('svg.lab-wait-hist rect').count()).toBe(13);
    await page.getByTestId('lab-compression-run').click();
    await expect.poll(() => page.getByTestId('lab-compression').textContent(), { timeout: 30_000 }).toContain('permessage-deflate, context takeover');
    await atEverySize(page, async (suffix) => {
      await page.getByTestId('lab-compression').scrollIntoViewIfNeeded();
      await screenshot(page, `lab-compression-${suffix}`);
      await page.getByTestId('lab-directions').scrollIntoViewIfNeeded();
      await screenshot(page, `lab-directions-${suffix}`);
      await page.getByTestId('lab-packets').scrollIntoViewIfNeeded();
      await screenshot(page, `lab-packets-${suffix}`);
      await wait.scrollIntoViewIfNeeded();
      await screenshot(page, `lab-wait-claims-${suffix}`);
    });
  });

  it('plots the run, and sweeps latency against interval and overhead against size', async () => {
    await page.getByTestId('lab-tab-plots').click();
    expect(await page.getByTestId('lab-metric-overhead').textContent()).toContain('WebSocket');
    await page.getByTestId('lab-sweep-run-interval').click();
    await expect.poll(() => page.getByTestId('lab-sweep-interval').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('lab-sweep-run-size').click();
    await expect.poll(() => page.getByTestId('lab-sweep-size').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('lab-sweep-run-size').textContent()).toContain('Run sweep');
    await page.getByTestId('lab-sweep-size').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-plots-light');
    await setTheme(page, 'dark');
    await page.getByTestId('lab-sweep-interval').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-plots-dark');
  });

  it('starts a demo server in one click, with the built-in client connected through its proxy', async () => {
    await page.getByTestId('lab-tab-demos').click();
    const echo = page.getByTestId('lab-demo-server-echo');
    await echo.getByRole('button', { name: 'Start echo' }).click();
    await expect.poll(() => echo.textContent(), { timeout: 10_000 }).toMatch(/proxy ws:\/\/127\.0\.0\.1:\d+.*built-in client: connection \d+/);
    const info = (await app.engine.api.demoServerList()).find((d) => d.kind === 'echo')!;
    await expect.poll(async () => (await app.engine.api.queryFrames({ filter: { connectionId: info.connectionId! }, start: 0, count: 5 })).total).toBeGreaterThanOrEqual(2);
    await atEverySize(page, async (suffix) => {
      await page.getByTestId('lab-demo-servers').scrollIntoViewIfNeeded();
      await screenshot(page, `lab-demo-servers-${suffix}`);
    });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await setTheme(page, 'dark');
    // The lab's own connections sit in their own folded section of the sidebar.
    await page.getByRole('tab', { name: 'Inspector' }).click();
    const labSection = page.getByTestId('sidebar-lab');
    expect(await labSection.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await labSection.locator('summary').click();
    await screenshot(page, 'sidebar-lab-dark-1920');
    await page.setViewportSize({ width: 1280, height: 720 });
    await setTheme(page, 'light');
    await screenshot(page, 'sidebar-lab-light-1280');
    await labSection.locator('summary').click();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('tab', { name: 'Lab' }).click();
  });

  it('demonstrates broadcast, a growing bufferedAmount and subprotocol negotiation', async () => {
    await page.getByTestId('lab-tab-demos').click();
    const broadcast = page.getByTestId('lab-demo-broadcast');
    await broadcast.getByRole('button', { name: /^Connect/ }).click();
    await expect.poll(() => broadcast.textContent()).toContain('8 open');
    await page.getByTestId('lab-broadcast').click();
    await expect.poll(() => page.getByTestId('lab-broadcast-result').textContent()).toContain('1 send → 8 frames');
    await page.getByTestId('lab-subprotocol-connect').click();
    await expect.poll(() => page.getByTestId('lab-subprotocol-result').textContent(), { timeout: 10_000 }).toContain('"lab.v2.framescope"');
    expect(await page.locator('.lab-head-text .hl').count()).toBe(2);
    await page.getByTestId('lab-buffered-run').click();
    // send() kept returning while the queue grew far beyond what the peer had read.
    const peak = async () => Number(/queue peaked at ([\d.]+) MiB/.exec((await page.getByTestId('lab-buffered-result').textContent()) ?? '')?.[1] ?? 0);
    // A full MiB queued in the browser proves it; how far past that depends on the machine's load.
    await expect.poll(peak, { timeout: 10_000 }).toBeGreaterThanOrEqual(1); // shown to 0.1 MiB: "1.0" is a full MiB
    await expect.poll(() => page.getByTestId('lab-buffered-result').textContent(), { timeout: 20_000 }).toContain('now drained');
    await screenshot(page, 'lab-demos-dark');
    await setTheme(page, 'light');
    await screenshot(page, 'lab-demos-light');
    await page.getByTestId('lab-subprotocol-result').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-demos-subprotocol-light');
    expect(pageErrors(page)).toEqual([]);
  });
});
