// The Inspector's reads, end to end, on a capture that no longer changes (every connection
// closed, so no new traffic comes to rescue a stuck table): going back to a connection seen
// before, and turning a filter on and off again, must show the right rows at once and stay
// neither dimmed nor "loading".
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCHEMES, useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { cellTexts, row, rows, showConnection } from './inspector-page';
import { knownConversation, nextMessage, openClient, startReverseProxy, waitForFrames } from './inspector-traffic';

/** Sends `texts` one at a time (each waits for its echo), then closes cleanly. */
async function conversation(url: string, texts: string[]): Promise<void> {
  const ws = await openClient(url);
  for (const text of texts) {
    const echo = nextMessage(ws);
    ws.send(text);
    await echo;
  }
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  ws.close(1000, 'done');
  await closed;
}

/** The payload column of every row drawn, and whether the table says it is still busy. */
async function tableState(page: Page): Promise<{ payloads: string[]; busy: string | null }> {
  const count = await rows(page).count();
  const payloads: string[] = [];
  for (let i = 0; i < count; i++) payloads.push((await cellTexts(page, i))[9] ?? '');
  return { payloads, busy: await page.getByRole('grid', { name: 'Captured frames' }).getAttribute('aria-busy') };
}

const ALPHA = ['alpha one', 'alpha two', 'alpha three'];
const BRAVO = ['bravo one', 'bravo two'];
const echoed = (texts: string[]) => texts.flatMap((t) => [t, t]);

describe('the Inspector reads a settled capture', () => {
  const session = useAppSession({ echo: {} });

  beforeAll(async () => {
    const proxy = await startReverseProxy(session.app, session.echo.url);
    await conversation(`${proxy}/alpha`, ALPHA);
    await conversation(`${proxy}/bravo`, BRAVO);
    await knownConversation(`${proxy}/known`);
    await waitForFrames(session.app, 2 * ALPHA.length + 2 + 2 * BRAVO.length + 2 + 14);
  });

  it('shows A’s frames again after A, then B, then A', async () => {
    const page = await session.open('light');
    const alpha = { payloads: [...echoed(ALPHA), '1000 done', '1000 done'], busy: 'false' };
    const bravo = { payloads: [...echoed(BRAVO), '1000 done', '1000 done'], busy: 'false' };
    await showConnection(page, '/alpha');
    await expect.poll(() => tableState(page)).toEqual(alpha);
    await showConnection(page, '/bravo');
    await expect.poll(() => tableState(page)).toEqual(bravo);
    await showConnection(page, '/alpha');
    await expect.poll(() => tableState(page), { timeout: 3000 }).toEqual(alpha);
    await showConnection(page, '/bravo');
    await expect.poll(() => tableState(page), { timeout: 3000 }).toEqual(bravo);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows every row again after a filter chip, the search or "Violations only" is turned on and off', async () => {
    const page = await session.open('light');
    await showConnection(page, '/known');
    const count = page.getByTestId('frame-count');
    await expect.poll(() => count.textContent()).toBe('14 frames');
    const all = await tableState(page);
    expect(all.payloads).toHaveLength(14);

    const chip = page.getByRole('group', { name: 'Opcodes' }).getByRole('button', { name: 'binary' });
    await chip.click();
    await expect.poll(() => count.textContent()).toBe('2 of 14 frames');
    await expect.poll(async () => (await tableState(page)).payloads.length).toBe(2);
    await chip.click();
    await expect.poll(() => count.textContent(), { timeout: 3000 }).toBe('14 frames');
    await expect.poll(() => tableState(page), { timeout: 3000 }).toEqual(all);

    const search = page.getByTestId('filter-search');
    await search.fill('part-two');
    await expect.poll(() => count.textContent()).toBe('3 of 14 frames'); // the fragment itself, the frame completing its message, and the echo
    await search.fill('');
    await expect.poll(() => count.textContent(), { timeout: 3000 }).toBe('14 frames');
    await expect.poll(() => tableState(page), { timeout: 3000 }).toEqual(all);

    const violations = page.getByRole('button', { name: /Violations only/ });
    await violations.click();
    await expect.poll(() => page.getByTestId('table-empty').textContent()).toContain('No frames');
    await violations.click();
    await expect.poll(() => count.textContent(), { timeout: 3000 }).toBe('14 frames');
    await expect.poll(() => tableState(page), { timeout: 3000 }).toEqual(all);
    expect(pageErrors(page)).toEqual([]);
  });

  it('fits the Inspector at 1280×720 and 1920×1080, light and dark, without sideways scrolling', async () => {
    for (const scheme of SCHEMES) {
      const page = await session.open(scheme);
      await showConnection(page, '/known'); // once: a second click on it would show every connection
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await expect.poll(() => page.getByTestId('frame-count').textContent()).toBe('14 frames');
        await row(page, 2).click();
        await expect.poll(() => page.locator('.bit-seg[data-field="opcode"]').first().textContent()).toContain('text');
        const overflow = await page.evaluate(() =>
          [document.documentElement, ...document.querySelectorAll('.inspector, .inspector-toolbar, .frame-table-scroll, .detail-pane')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.className || el.tagName),
        );
        expect(overflow, `${width}×${height} ${scheme}`).toEqual([]);
        await screenshot(page, `inspector-${width}x${height}-${scheme}`);
      }
      expect(pageErrors(page)).toEqual([]);
    }
  });
});
