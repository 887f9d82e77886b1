// Payloads are hostile. Markup in a frame, a JSON key or a handshake header must show as the
// characters it is made of: no element created from it, no script run, no dialog opened.
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES, useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { nextMessage, openClient, startReverseProxy, waitForFrames } from './inspector-traffic';

const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '<script>window.__pwned=2;alert(2)</script>';
const JSON_TRAP = JSON.stringify({ [IMG]: SCRIPT, list: [IMG] });
const HEADER_TRAP = '<svg onload=alert(3)>';

describe('hostile payloads in the Inspector', () => {
  const session = useAppSession({ echo: {} });

  beforeAll(async () => {
    const proxy = await startReverseProxy(session.app, session.echo.url);
    const ws = await openClient(`${proxy}/xss`, { headers: { 'X-Trap': HEADER_TRAP } });
    for (const text of [IMG, SCRIPT, JSON_TRAP]) {
      const echoed = nextMessage(ws);
      ws.send(text);
      await echoed;
    }
    ws.close();
    await waitForFrames(session.app, 6);
  });

  it('shows <img onerror> and <script> payloads as text and runs nothing', async () => {
    for (const scheme of SCHEMES) {
      const page = await session.open(scheme);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const rows = page.getByTestId('frame-row');
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(6);
      const previews = await rows.locator('.cell.preview').allTextContents();
      expect(previews.filter((p) => p === IMG)).toHaveLength(2); // sent, then echoed
      expect(previews.filter((p) => p === SCRIPT)).toHaveLength(2);

      // Text view of each payload, then the JSON tree with markup in its keys and values.
      await rows.filter({ hasText: IMG }).first().click();
      await page.getByRole('tab', { name: 'Payload' }).click();
      await expect.poll(() => page.getByTestId('payload-text').textContent()).toBe(IMG);
      await rows.filter({ hasText: SCRIPT }).first().click();
      await expect.poll(() => page.getByTestId('payload-text').textContent()).toBe(SCRIPT);
      await rows.filter({ hasText: '{"<img' }).first().click();
      await expect.poll(() => page.getByTestId('json-tree').textContent()).toContain(IMG);
      await page.getByRole('tab', { name: 'Handshake' }).click();
      await expect.poll(() => page.getByTestId('handshake-request').textContent()).toContain(`X-Trap: ${HEADER_TRAP}`);
      await screenshot(page, `inspector-xss-${scheme}`);

      // Nothing became markup: no <img>, <script> or <svg> inside the app, no flag, no dialog.
      expect(await page.locator('#root img, #root script, #root svg[onload]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
    }
  });
});
