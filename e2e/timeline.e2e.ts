// The timeline, end to end: real traffic from a `ws` client through the engine's reverse proxy to
// a `ws` echo server, drawn in Chromium. Checks the empty states, the arrows, zoom around the
// cursor, panning, fit, selection both ways, and density ticks for a capture too big to draw.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { SCHEMES, useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';

/** Sends `count` messages through `url`, waits for every echo, pings, then closes with 1000. */
async function converse(url: string, count: number): Promise<void> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let echoed = 0;
  const allEchoed = new Promise<void>((resolve) =>
    ws.on('message', () => {
      if (++echoed === count) resolve();
    }),
  );
  for (let i = 0; i < count; i++) ws.send(`message ${i}`);
  await allEchoed;
  const pong = new Promise<void>((resolve) => ws.once('pong', () => resolve()));
  ws.ping('are you there');
  await pong;
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  ws.close(1000, 'bye');
  await closed;
}

const ticks = (page: Page) => page.getByTestId('timeline-ticks').locator('text').allTextContents();

describe('timeline in browser mode', () => {
  const session = useAppSession({ echo: { path: '/' } });
  let proxyUrl: string;

  it('explains itself before there is traffic and leads to the capture controls', async () => {
    for (const scheme of SCHEMES) {
      const page = await session.open(scheme);
      await page.getByRole('tab', { name: 'Timeline' }).click();
      const empty = page.getByTestId('timeline-empty');
      await expect.poll(() => empty.textContent()).toContain('A sequence diagram of one connection');
      await screenshot(page, `timeline-empty-${scheme}`);
      await empty.getByRole('button', { name: 'Connect the built-in client…' }).click();
      await expect.poll(() => page.getByTestId('capture-tab-client').getAttribute('aria-selected')).toBe('true');
      expect(pageErrors(page)).toEqual([]);
    }
  });

  it('draws one arrow per frame, zooms around the cursor, pans, fits and selects', async () => {
    const proxy = await session.app.engine.api.startProxy({ mode: 'reverse', target: session.echo.url });
    proxyUrl = proxy.address;
    await converse(proxyUrl, 5);

    const page = await session.open('light');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    // No connection selected: a hint and a list to pick from.
    await expect.poll(() => page.getByTestId('timeline-pick').count()).toBeGreaterThan(0);
    await page.getByTestId('timeline-pick').first().click();

    // 5 messages + 5 echoes + ping + pong + 2 closes.
    const arrows = page.getByTestId('timeline-arrow');
    const stage = page.getByTestId('timeline-stage');
    await expect.poll(() => arrows.count(), { timeout: 10_000 }).toBe(14);
    expect(await page.getByTestId('timeline-count').textContent()).toBe('14 frames');
    expect(await page.locator('[data-testid=timeline-arrow][data-marker=close]').count()).toBe(2);
    expect(await page.getByTestId('timeline-close-band').count()).toBe(1);
    const fitted = await ticks(page);
    expect(fitted.length).toBeGreaterThan(1);
    expect(fitted.join(' ')).toMatch(/\d (µs|ms|s)\b/);

    // Wheel zoom in around the first arrow: it stays under the cursor, the tick step shrinks.
    const lineY = async () => {
      const box = (await arrows.first().locator('.tl-line').boundingBox())!;
      return box.y + box.height / 2;
    };
    // (The pointer sits on whole pixels: its sub-pixel distance to the line grows with the zoom.)
    const firstBox = (await arrows.first().locator('.tl-line').boundingBox())!;
    const y0 = Math.round(await lineY());
    await page.mouse.move(firstBox.x + firstBox.width / 2, y0);
    for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await ticks(page)).join()).not.toBe(fitted.join());
    await expect.poll(() => stage.getAttribute('aria-busy')).toBe('false');
    expect(Math.abs((await lineY()) - y0)).toBeLessThan(2);

    // Drag pans: the first arrow moves with the pointer. Towards the roomier side of the stage: the
    // fitted view spans from the handshake to the close, so on a loaded machine (a slow first send)
    // the first arrow can sit near the bottom, and a drag down would carry it out of view.
    const stageBox = (await stage.boundingBox())!;
    const dragBy = y0 - stageBox.y > stageBox.y + stageBox.height - y0 ? -120 : 120;
    await page.mouse.down();
    await page.mouse.move(firstBox.x + firstBox.width / 2, y0 + dragBy, { steps: 5 });
    await page.mouse.up();
    // As after the zoom: the view re-reads the frames it now shows; measure once it has them.
    await expect.poll(() => stage.getAttribute('aria-busy')).toBe('false');
    await expect.poll(async () => Math.abs((await lineY()) - (y0 + dragBy))).toBeLessThan(2);

    // Fit brings every arrow back.
    await page.getByTestId('timeline-fit').click();
    await expect.poll(() => arrows.count()).toBe(14);

    // Select by click, then move the selection with the keyboard; the store keeps it across views.
    // (Frames a few µs apart share a pixel row, so the click goes to the element itself.)
    const second = arrows.nth(1);
    await second.dispatchEvent('click');
    const secondId = await second.getAttribute('data-frame-id');
    await expect.poll(() => page.getByTestId('timeline-selected').getAttribute('data-frame-id')).toBe(secondId);
    await page.getByTestId('timeline-svg').focus();
    await page.keyboard.press('ArrowDown');
    const thirdId = await arrows.nth(2).getAttribute('data-frame-id');
    await expect.poll(() => page.getByTestId('timeline-selected').getAttribute('data-frame-id')).toBe(thirdId);
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect.poll(() => page.getByTestId('timeline-selected').getAttribute('data-frame-id')).toBe(thirdId);
    expect(await arrows.nth(2).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'timeline-light');

    const dark = await session.open('dark');
    await dark.getByRole('tab', { name: 'Timeline' }).click();
    await dark.locator('[data-testid=connection-item]').first().click();
    await expect.poll(() => dark.getByTestId('timeline-arrow').count(), { timeout: 10_000 }).toBe(14);
    await dark.getByTestId('timeline-arrow').nth(4).dispatchEvent('click');
    await screenshot(dark, 'timeline-dark');
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(dark)).toEqual([]);
  });

  it('draws a capture too big for arrows as density ticks, and arrows again once zoomed in', async () => {
    await converse(proxyUrl, 3000);
    const page = await session.open('dark');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    // Newest connection first in the sidebar.
    await page.locator('[data-testid=connection-item]').first().click();
    await expect.poll(() => page.getByTestId('timeline-count').textContent(), { timeout: 10_000 }).toBe('6,004 frames');
    await expect.poll(() => page.getByTestId('timeline-density').count()).toBe(1);
    // Only the control frames are drawn as arrows over the density ticks.
    expect(await page.getByTestId('timeline-arrow').count()).toBeLessThanOrEqual(4);
    await screenshot(page, 'timeline-density-dark');

    // Zoom in step by step where the frames are (the busiest slice), letting each window load, until
    // arrows replace ticks — as a user would, re-aiming at the bursts as they spread apart.
    const aimAtBusiest = async () => {
      const busiest = await page.getByTestId('timeline-density').locator('rect').evaluateAll((rects) => {
        const widest = rects.reduce((a, b) => (a.getBoundingClientRect().width >= b.getBoundingClientRect().width ? a : b));
        const r = widest.getBoundingClientRect();
        return { x: r.x + 4, y: Math.round(r.y + r.height / 2) };
      });
      await page.mouse.move(busiest.x, busiest.y);
    };
    const stage = page.getByTestId('timeline-stage');
    for (let step = 0; step < 16 && (await page.getByTestId('timeline-density').count()) > 0; step++) {
      await aimAtBusiest();
      const before = (await ticks(page)).join();
      await page.mouse.wheel(0, -400);
      await expect.poll(async () => (await ticks(page)).join()).not.toBe(before);
      await expect.poll(() => stage.getAttribute('aria-busy'), { timeout: 5000 }).toBe('false');
    }
    await expect.poll(() => page.getByTestId('timeline-density').count()).toBe(0);
    const drawn = await page.getByTestId('timeline-arrow').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(400);
    expect(pageErrors(page)).toEqual([]);
  });
});
