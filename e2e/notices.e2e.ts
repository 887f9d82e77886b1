// Notices (issue 16): at most three on screen, info and success go away by themselves, errors stay
// until dismissed; an engine error reads as a sentence in the reader's language (by its code) with the
// engine's own words beside it as data; long text is cut with "Show all", never wider than the window.
import { describe, expect, it } from 'vitest';
import { useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { loseEngine, openInLang, shellOverflow, shellUntranslated } from './shell-page';

describe('notices', () => {
  const session = useAppSession();

  it('stack at most three, fit a 200 % zoom window, and dismiss themselves', async () => {
    const page = await openInLang(session, 'en');
    await page.setViewportSize({ width: 640, height: 360 });
    const notices = page.getByTestId('notice');
    for (let i = 0; i < 4; i++) await page.getByTestId('clear-capture').click();
    await expect.poll(() => notices.count()).toBe(3);
    expect(await notices.evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))).toEqual(['success', 'success', 'success']);
    expect(await notices.first().textContent()).toContain('Capture cleared');
    expect(await shellOverflow(page)).toEqual({ overflowPx: 0, clipped: [] });
    for (const box of await notices.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(640);
    }
    await screenshot(page, 'notices-en-640x360');
    await expect.poll(() => notices.count(), { timeout: 15_000 }).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('an engine error in a notice', () => {
  const session = useAppSession();

  it('says what failed in Chinese by its code, keeps the engine detail as data, stays until dismissed', async () => {
    const page = await openInLang(session, 'zh-CN');
    await expect.poll(() => page.getByTestId('status-engine').textContent()).toContain('浏览器模式');
    await page.getByTestId('clear-capture').click();
    const notices = page.getByTestId('notice');
    await expect.poll(() => notices.count()).toBe(1);
    // The engine goes away (a laptop lid, a crash): the next action fails with code "unavailable".
    await loseEngine(session, page);
    expect(await page.getByTestId('status-engine').textContent()).toBe('与引擎的连接已断开');
    await page.getByTestId('pause-toggle').click();
    const error = page.locator('[data-testid=notice][data-level=error]');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.getAttribute('data-code')).toBe('unavailable');
    expect(await error.locator('.notice-message').textContent()).toBe('无法暂停捕获。有一方没有响应：端口、服务器或引擎。');
    expect(await error.locator('.notice-detail').getAttribute('translate')).toBe('no');
    expect(await error.locator('.notice-detail').textContent()).toMatch(/engine/i);
    expect(await shellUntranslated(page)).toEqual([]);
    // The success notice goes, the error stays.
    await expect.poll(() => page.locator('[data-testid=notice][data-level=success]').count(), { timeout: 15_000 }).toBe(0);
    expect(await error.count()).toBe(1);

    // On a very narrow window the long text is cut; "Show all" shows every word, still inside the window.
    await page.setViewportSize({ width: 320, height: 360 });
    const more = error.getByTestId('notice-more');
    await more.waitFor();
    const body = error.locator('.notice-body');
    expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await more.click();
    await expect.poll(() => body.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    expect(await error.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await screenshot(page, 'notices-error-zh-CN-320x360');
    await error.getByTestId('notice-dismiss').click();
    await expect.poll(() => notices.count()).toBe(0);
  });
});

describe('notices across a language switch', () => {
  const session = useAppSession();

  it('are worded again in Chinese when the top bar switches from English, the engine detail left as data', async () => {
    const page = await openInLang(session, 'en');
    await expect.poll(() => page.getByTestId('status-engine').textContent()).toMatch(/browser mode/i);
    const success = page.locator('[data-testid=notice][data-level=success]');
    const error = page.locator('[data-testid=notice][data-level=error]');
    // An info notice and an engine error, both raised in English.
    await page.getByTestId('clear-capture').click();
    await expect.poll(() => success.count()).toBe(1);
    await loseEngine(session, page);
    await page.getByTestId('pause-toggle').click();
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.locator('.notice-message').textContent()).toBe('Could not pause the capture. Something did not answer: a port, a server or the engine.');
    const detail = await error.locator('.notice-detail').textContent();
    expect(detail).toMatch(/engine/i);
    // Held under the pointer, the success notice stays while the language changes.
    await success.hover();
    expect(await success.locator('.notice-message').textContent()).toBe('Capture cleared: every connection and frame is forgotten.');

    await page.getByTestId('language-switcher').selectOption('zh-CN');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await success.locator('.notice-message').textContent()).toBe('已清空捕获：所有连接和帧都已丢弃。');
    expect(await error.locator('.notice-message').textContent()).toBe('无法暂停捕获。有一方没有响应：端口、服务器或引擎。');
    // The engine's own words are data: the same, and marked so.
    expect(await error.locator('.notice-detail').textContent()).toBe(detail);
    expect(await error.locator('.notice-detail').getAttribute('translate')).toBe('no');
    expect(await shellUntranslated(page)).toEqual([]);

    // And back: English again, from the same notices.
    await page.getByTestId('language-switcher').selectOption('en');
    await expect.poll(() => error.locator('.notice-message').textContent()).toBe('Could not pause the capture. Something did not answer: a port, a server or the engine.');
    await screenshot(page, 'notices-language-switch-en');
    expect(pageErrors(page)).toEqual([]);
  });
});
