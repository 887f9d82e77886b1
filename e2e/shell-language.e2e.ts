// The shell in two languages (issue 16): switched at run time from the top bar, remembered, <html
// lang> following; in Chinese no English word is left in the shell (peer data aside); the sidebar
// folds with its toggle and Ctrl+B and remembers it. Screenshots at 1280×720 and 1920×1080, light
// and dark, en and zh-CN, for a teacher to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useAppSession } from './app-session';
import { openPage, pageErrors, screenshot, gallery } from './harness';
import type { Page } from 'playwright-core';
import { LANGS, openInLang, shellOverflow, shellUntranslated, startClassTraffic, type ClassTraffic } from './shell-page';

/** The smallest computed font size of any visible text in the shell (top bar, sidebar, status bar, notices). */
function smallestShellText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let min = Infinity;
    for (const root of document.querySelectorAll('.topbar, .sidebar, .statusbar, .notices')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('.visually-hidden')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      }
    }
    return min;
  });
}

describe('the shell in English and Chinese', () => {
  const session = useAppSession({ echo: {} });
  let traffic: ClassTraffic | undefined;
  afterAll(() => {
    for (const ws of traffic?.sockets ?? []) ws.terminate();
  });

  it('leaves no English in the empty shell shown in zh-CN, and the audit catches English when there is some', async () => {
    const page = await openInLang(session, 'zh-CN');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByTestId('status-connections').textContent()).toBe('0 个连接');
    expect(await page.getByTestId('connections-empty').textContent()).toContain('还没有连接');
    expect(await shellUntranslated(page)).toEqual([]);
    // A wrong world: the same page in English fails the same audit.
    const en = await openInLang(session, 'en');
    expect((await shellUntranslated(en)).length).toBeGreaterThan(0);
  });

  describe('with four proxies and connections', () => {
    beforeAll(async () => {
      traffic = await startClassTraffic(session);
    });

    it('leaves no English in the shell with four proxies, open and closed connections, and a filter', async () => {
      const page = await openInLang(session, 'zh-CN');
      await expect.poll(() => page.getByTestId('connection-item').count()).toBe(2);
      await expect.poll(() => page.getByTestId('status-proxy').textContent()).toContain('4 个代理');
      expect(await page.getByTestId('connection-close').textContent()).toBe('关闭码 1000 “done”');
      await page.getByTestId('connection-item').first().click(); // "Show all" appears while filtering
      expect(await page.getByRole('button', { name: '显示全部' }).count()).toBe(1);
      expect(await shellUntranslated(page)).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
    });

    it('switches language at run time from the top bar, updates <html lang> and remembers the choice', async () => {
      const page = await openPage(session.browser, session.app.server.url);
      await page.locator('.topbar').waitFor();
      const inspector = page.getByRole('tab', { name: 'Inspector' });
      expect(await inspector.count()).toBe(1);
      await page.getByTestId('language-switcher').selectOption('zh-CN');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.getByRole('tab', { name: '检查器' }).count()).toBe(1);
      expect(await page.getByTestId('pause-toggle').textContent()).toBe('暂停捕获');
      // Views re-render too: whatever the view shows in the catalog follows without a reload.
      await page.reload();
      await page.locator('.topbar').waitFor();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.getByTestId('language-switcher').inputValue()).toBe('zh-CN');
      await page.getByTestId('language-switcher').selectOption('en');
      await expect.poll(() => page.getByTestId('pause-toggle').textContent()).toBe('Pause capture');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });

    it('hides the sidebar with its toggle and Ctrl+B, and remembers it across reloads', async () => {
      const page = await session.open('light');
      await page.setViewportSize({ width: 1280, height: 720 });
      const sidebar = page.getByTestId('sidebar');
      await sidebar.waitFor();
      const mainWidth = () => page.locator('.shell-main').evaluate((el) => el.getBoundingClientRect().width);
      const withSidebar = await mainWidth();
      await page.getByTestId('sidebar-toggle').click();
      await expect.poll(() => sidebar.count()).toBe(0);
      expect(await mainWidth()).toBe(1280); // the view gets the whole width
      expect(await page.getByTestId('sidebar-toggle').getAttribute('aria-expanded')).toBe('false');
      await page.reload();
      await page.locator('.topbar').waitFor();
      expect(await sidebar.count()).toBe(0);
      await page.keyboard.press('Control+b');
      await sidebar.waitFor();
      expect(await mainWidth()).toBe(withSidebar);
      await page.reload();
      await sidebar.waitFor();
    });

    it('sizes every shell text from the root, so presenter mode lifts it all to at least 18 px and still fits', async () => {
      const page = await openInLang(session, 'zh-CN');
      await page.setViewportSize({ width: 1280, height: 720 });
      await expect.poll(() => page.getByTestId('connection-item').count()).toBeGreaterThan(0);
      expect(await smallestShellText(page)).toBe(11);
      const rootSize = (size: string) => page.evaluate((v) => (document.documentElement.style.fontSize = v), size);
      await rootSize('150%'); // a wrong world: not enough
      expect(await smallestShellText(page)).toBeLessThan(18);
      await rootSize('165%'); // what presenter mode sets (html[data-presenter='on'])
      expect(await smallestShellText(page)).toBeGreaterThanOrEqual(18);
      expect(await shellOverflow(page)).toEqual({ overflowPx: 0, clipped: [] });
      await screenshot(page, 'shell-zh-CN-root-165pct-1280x720');
    });

    it('looks right at 1280×720 and 1920×1080, light and dark, en and zh-CN', async () => {
      for (const lang of gallery(LANGS)) {
        for (const scheme of gallery(['light', 'dark'] as const)) {
          const page = await openInLang(session, lang, scheme);
          await expect.poll(() => page.getByTestId('status-proxy').textContent()).toMatch(/4/);
          for (const [w, h] of gallery([
            [1280, 720],
            [1920, 1080],
          ] as const)) {
            await page.setViewportSize({ width: w, height: h });
            await screenshot(page, `shell-${lang}-${scheme}-${w}x${h}`);
          }
          await page.context().close();
        }
      }
    });
  });
});
