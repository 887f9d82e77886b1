// The frame table past the browser's height limit, end to end: a real engine holding more rows
// than Chromium can scroll at 26 px a row (~1.29M; the element height stops near 33.5M px).
// The last row must be reachable by the scrollbar and by the keyboard, and land exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { useAppSession } from './app-session';
import { bulkText, sendBulk, startSink } from './bulk-traffic';
import { pageErrors, screenshot } from './harness';
import { row } from './inspector-page';
import { waitForFrames } from './inspector-traffic';

const FRAMES = 2_000_000;

describe('the frame table with 2M rows', () => {
  const session = useAppSession();
  let sink: Awaited<ReturnType<typeof startSink>>;
  let ws: WebSocket;

  beforeAll(async () => {
    sink = await startSink();
    const { address } = await session.app.engine.api.startProxy({ mode: 'reverse', target: sink.url });
    ws = await sendBulk(address.replace(/\/$/, ''), FRAMES);
    await waitForFrames(session.app, FRAMES, 230_000);
  }, 240_000); // 2M frames through the real relay: ~1 min on an idle machine, much more on a busy one
  afterAll(async () => {
    ws?.close();
    await sink?.close();
  });

  it('reaches the last row by the scrollbar and by End, and the first by Home, exactly', async () => {
    const page = await session.open('light');
    const count = page.getByTestId('frame-count');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe(`${FRAMES.toLocaleString('en-US')} frames`);
    const scroller = page.getByTestId('frame-table-scroll');
    // Capped far below Chromium's limit, yet every row is reachable.
    expect(await scroller.evaluate((el) => el.scrollHeight)).toBeLessThan(10_000_000);
    await page.getByTestId('follow-live').click().catch(() => {}); // no live connection: there may be no pill

    // The scrollbar's top is row 0 and its bottom the last row.
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => row(page, 0).textContent(), { timeout: 10_000 }).toContain(bulkText(0));
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => row(page, FRAMES - 1).textContent(), { timeout: 10_000 }).toContain(bulkText(FRAMES - 1));
    await screenshot(page, 'inspector-2m-bottom-light');

    // Home, End and the arrows land on exact rows, whatever one pixel of scrollbar is worth.
    await row(page, FRAMES - 1).click();
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.frame-row.selected').getAttribute('aria-rowindex'), { timeout: 10_000 }).toBe('2');
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.frame-row.selected').textContent(), { timeout: 10_000 }).toContain(bulkText(FRAMES - 1));
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('.frame-row.selected').textContent(), { timeout: 10_000 }).toContain(bulkText(FRAMES - 2));
    // The selected row is whole inside the viewport, not half under an edge.
    const inside = await page.evaluate(() => {
      const sel = document.querySelector('.frame-row.selected')!.getBoundingClientRect();
      const box = document.querySelector('[data-testid="frame-table-scroll"]')!.getBoundingClientRect();
      return sel.top >= box.top && sel.bottom <= box.bottom;
    });
    expect(inside).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });
});
