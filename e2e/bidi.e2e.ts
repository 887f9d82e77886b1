// Bidi overrides and invisible characters from a peer are shown as marks, not obeyed: a preview of
// "invoice_\u202Efdp.exe" must not read "invoice_exe.pdf" (the security review's spoof), in the
// frame table and in the connection's close reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES, useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { nextMessage, openClient, startReverseProxy, waitForFrames } from './inspector-traffic';

const SPOOF = 'invoice_\u202Efdp.exe';
const HIDDEN = 'pay\u200Bpal \u2066admin\u2069';
const REASON = 'done\u202Eenod';

describe('bidi and invisible characters in the Inspector', () => {
  const session = useAppSession({ echo: {} });

  beforeAll(async () => {
    const proxy = await startReverseProxy(session.app, session.echo.url);
    const ws = await openClient(`${proxy}/bidi`);
    for (const text of [SPOOF, HIDDEN]) {
      const echoed = nextMessage(ws);
      ws.send(text);
      await echoed;
    }
    ws.close(4000, REASON);
    await waitForFrames(session.app, 6);
  });

  it('shows RLO, ZWSP and isolates as marks in previews and close reasons, in reading order', async () => {
    for (const scheme of SCHEMES) {
      const page = await session.open(scheme);
      const rows = page.getByTestId('frame-row');
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(6);
      const spoofCell = rows.filter({ hasText: 'invoice_' }).first().locator('.cell.preview');
      await expect.poll(() => spoofCell.textContent()).toBe('invoice_RLOfdp.exe');
      expect(await spoofCell.getByTestId('hidden-char').getAttribute('title')).toContain('U+202E');
      // No raw override left in the DOM text anywhere in the app.
      expect(await page.locator('#root').evaluate((root) => /[\u202A-\u202E\u2066-\u2069\u200B]/.test(root.textContent ?? ''))).toBe(false);
      // Reading order on screen: "invoice_" then the mark then "fdp.exe", left to right.
      const xs = await spoofCell.evaluate((cell) => {
        const marker = cell.querySelector('.hidden-char')!;
        const range = document.createRange();
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const lefts: Record<string, number> = {};
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement === marker) continue;
          range.selectNodeContents(n);
          lefts[n.textContent ?? ''] = range.getBoundingClientRect().left;
        }
        return { before: lefts['invoice_'] ?? NaN, marker: marker.getBoundingClientRect().left, after: lefts['fdp.exe'] ?? NaN };
      });
      expect(xs.before).toBeLessThan(xs.marker);
      expect(xs.marker).toBeLessThan(xs.after);

      const hiddenCell = rows.filter({ hasText: 'pay' }).first().locator('.cell.preview');
      await expect.poll(() => hiddenCell.textContent()).toBe('payZWSPpal LRIadminPDI');
      await expect.poll(() => page.getByTestId('connection-item').first().textContent()).toContain('done' + 'RLO' + 'enod');

      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await screenshot(page, `inspector-bidi-${width}x${height}-${scheme}`);
      }
      expect(pageErrors(page)).toEqual([]);
    }
  });
});
