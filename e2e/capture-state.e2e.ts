// The capture's own states, end to end: a pause leaves a visible gap row in the frame table, and a
// capture that reaches its budget says so in the status bar with the other choice one click away
// (issues 12 and 13).
import { describe, expect, it } from 'vitest';
import { SCHEMES, useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { showConnection } from './inspector-page';
import { nextMessage, openClient, startReverseProxy, waitForFrames } from './inspector-traffic';

const MIB = 1024 * 1024;

describe('the capture budget and the pause, in the app', () => {
  const session = useAppSession({ echo: {} });

  it('marks the frames that passed while paused with a gap row', async () => {
    const api = session.app.engine.api;
    const proxy = await startReverseProxy(session.app, session.echo.url);
    const page = await session.open('light');
    const ws = await openClient(`${proxy}/paused`);
    await showConnection(page, '/paused');
    ws.send('before the pause');
    await nextMessage(ws);
    await waitForFrames(session.app, 2);
    await api.setCapturePaused(true);
    for (let i = 0; i < 3; i++) {
      ws.send(`unseen ${i}`);
      await nextMessage(ws);
    }
    await api.setCapturePaused(false);
    ws.send('after the pause');
    await nextMessage(ws);
    const gap = page.getByTestId('gap-row');
    await expect.poll(() => gap.textContent()).toContain('6 frames passed while paused; not recorded');
    // The gap row can fail: it must not appear when nothing passed.
    await api.setCapturePaused(true);
    await api.setCapturePaused(false);
    ws.send('no gap here');
    await nextMessage(ws);
    await expect.poll(() => page.getByTestId('frame-row').last().textContent()).toContain('no gap here');
    expect(await gap.count()).toBe(1);
    await screenshot(page, 'capture-gap-row-light');
    expect(pageErrors(page)).toEqual([]);
    ws.close();
    await api.clearCapture();
  });

  it('shows "capture full" with the choice, and switches to dropping the oldest', async () => {
    const api = session.app.engine.api;
    const proxy = await startReverseProxy(session.app, session.echo.url);
    await api.setCaptureBudget({ memoryBytes: 4 * MIB, diskBytes: 0, whenFull: 'stop' });
    try {
      const pages = [];
      for (const scheme of SCHEMES) pages.push(await session.open(scheme));
      const full = pages[0]!.getByTestId('status-full');
      expect(await full.count()).toBe(0); // not full yet: the state can be absent
      const ws = await openClient(`${proxy}/big`);
      const payload = Buffer.alloc(64 * 1024, 0x61);
      for (let i = 0; i < 40; i++) {
        ws.send(payload, { binary: true });
        await nextMessage(ws);
      }
      const stats = await api.getStats();
      expect(stats.full).toBe(true);
      expect(stats.notRecordedFrames).toBeGreaterThan(0);
      expect(stats.memoryBytes).toBeLessThanOrEqual(4 * MIB);
      for (const page of pages) await expect.poll(() => page.getByTestId('status-full').textContent()).toMatch(/Capture full: recording stopped, [\d,]+ not recorded/);
      for (const [i, page] of pages.entries()) {
        for (const [w, h] of [
          [1280, 720],
          [1920, 1080],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await showConnection(page, '/big');
          // Nothing widens the window: the page does not scroll sideways, and the choice is on screen.
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          for (const box of [await page.getByTestId('status-full-choice').boundingBox(), await page.getByRole('button', { name: /^Theme/ }).boundingBox()]) {
            expect(box !== null && box.x + box.width <= w).toBe(true);
          }
          await screenshot(page, `capture-full-${SCHEMES[i]}-${w}x${h}`);
        }
      }
      await pages[0]!.getByTestId('status-full-choice').click();
      await expect.poll(async () => (await api.getStats()).budget.whenFull).toBe('drop-oldest');
      for (let i = 0; i < 40; i++) {
        ws.send(payload, { binary: true });
        await nextMessage(ws);
      }
      await expect.poll(() => full.textContent()).toMatch(/dropping the oldest, [\d,]+ dropped/);
      expect((await api.getStats()).droppedFrames).toBeGreaterThan(0);
      expect(pages.flatMap((p) => pageErrors(p))).toEqual([]);
      ws.close();
    } finally {
      await api.setCaptureBudget({ memoryBytes: 512 * MIB, diskBytes: 4096 * MIB, whenFull: 'stop' });
      await api.clearCapture();
    }
  });
});
