// Monaco's own UI (the right-click menu, the find widget, their titles) in the app's language: its
// zh-cn message table is loaded before Monaco's modules evaluate (renderer/src/monaco/monaco-messages.ts).
// A language switch after Monaco loaded cannot re-translate those menus in place; the editor says so
// and its reload button applies the new language (the capture survives, the address follows).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession, type Scheme } from './app-session';
import { pageErrors, screenshot } from './harness';
import { horizontalOverflow, untranslatedText } from './text-audit';

type Lang = 'en' | 'zh-CN';
const CRAFTER_TAB: Record<Lang, string> = { en: 'Crafter', 'zh-CN': '构帧器' };

describe("Monaco's own menus follow the app's language", () => {
  const session = useAppSession();

  async function openCrafter(scheme: Scheme, lang: Lang): Promise<Page> {
    const page = await session.open(scheme);
    await page.setViewportSize({ width: 1280, height: 720 });
    const url = new URL(page.url());
    url.searchParams.set('lang', lang);
    await page.goto(url.toString());
    await showEditor(page, lang);
    return page;
  }

  async function showEditor(page: Page, lang: Lang): Promise<void> {
    await page.getByRole('tab', { name: CRAFTER_TAB[lang] }).click();
    await page.getByTestId('crafter').waitFor();
    await expect.poll(() => page.getByTestId('payload-editor').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
  }

  /** Right-clicks the text and returns the menu's item labels (Monaco draws the menu in a shadow root). */
  async function contextMenu(page: Page): Promise<string[]> {
    await page.locator('.payload-editor .monaco-editor .view-lines').click({ button: 'right' });
    const labels = page.locator('.monaco-menu .action-menu-item .action-label');
    await labels.first().waitFor();
    return (await labels.allTextContents()).map((l) => l.trim()).filter((l) => l !== '');
  }

  /** Opens the find widget with Ctrl+F and searches for something absent, so "No results" shows. */
  async function findWidget(page: Page): Promise<{ placeholder: string | null; count: string }> {
    await page.keyboard.press('Escape');
    await page.locator('.payload-editor .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+F');
    const input = page.locator('.payload-editor .find-widget.visible textarea, .payload-editor .find-widget.visible input').first();
    await input.waitFor();
    await input.fill('zq-absent-zq');
    const count = page.locator('.payload-editor .find-widget .matchesCount');
    await expect.poll(() => count.textContent()).not.toBe('');
    // The widget slides in (a 200 ms CSS transition); screenshots wait until it has arrived.
    const widget = page.locator('.payload-editor .find-widget.visible');
    await expect.poll(() => widget.evaluate((el) => getComputedStyle(el).transform)).toMatch(/^(none|matrix\(1, 0, 0, 1, 0, 0\))$/);
    return { placeholder: await input.getAttribute('placeholder'), count: (await count.textContent()) ?? '' };
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the context menu and the find widget in Chinese (${scheme})`, async () => {
      const page = await openCrafter(scheme, 'zh-CN');
      const items = await contextMenu(page);
      expect(items).toEqual(expect.arrayContaining(['更改所有匹配项', '剪切', '复制', '粘贴']));
      expect(items.filter((l) => /[A-Za-z]{3,}/.test(l))).toEqual([]);
      // The menu is painted (Monaco's theme colours reach its shadow root), not see-through.
      const menuBackground = await page.locator('.monaco-menu .action-label').first().evaluate((label) => {
        for (let e: Element | null = label; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
        }
        return null; // parentElement stops at the shadow root: the page's own background does not count
      });
      expect(menuBackground).not.toBeNull();
      expect(await untranslatedText(page)).toEqual([]);
      await screenshot(page, `monaco-zh-menu-${scheme}`);
      expect(await horizontalOverflow(page)).toEqual({ overflowPx: 0, clipped: [] });

      const find = await findWidget(page);
      expect(find).toEqual({ placeholder: '查找', count: '无结果' });
      expect(await untranslatedText(page)).toEqual([]);
      await screenshot(page, `monaco-zh-find-${scheme}`);
      expect(await horizontalOverflow(page)).toEqual({ overflowPx: 0, clipped: [] });

      // The toggles' hover text ("Match Case (Alt+C)") is Monaco's too.
      await page.locator('.payload-editor .find-widget [aria-label^="区分大小写"]').hover();
      const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: '区分大小写' });
      await expect.poll(() => hover.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      // Not cut off: its top edge (Monaco places it above the toggle, outside the editor) is on top.
      const hoverOnTop = (el: Element) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 2);
        return hit !== null && el.contains(hit);
      };
      expect(await hover.first().evaluate(hoverOnTop)).toBe(true);
      expect(await untranslatedText(page)).toEqual([]);
      await screenshot(page, `monaco-zh-hover-${scheme}`);
      expect(await page.getByTestId('monaco-language-note').count()).toBe(0);
      expect(pageErrors(page)).toEqual([]);
    });
  }

  it('shows them in English when the app is in English', async () => {
    const page = await openCrafter('light', 'en');
    expect(await contextMenu(page)).toEqual(expect.arrayContaining(['Change All Occurrences', 'Cut', 'Copy', 'Paste']));
    expect(await findWidget(page)).toEqual({ placeholder: 'Find', count: 'No results' });
    expect(pageErrors(page)).toEqual([]);
  });

  it('after a switch, says the menus follow on reload, and the reload applies the new language', async () => {
    const page = await openCrafter('light', 'zh-CN');
    await page.getByTestId('language-switcher').selectOption('en');
    const note = page.getByTestId('monaco-language-note');
    await expect.poll(() => note.textContent()).toContain('switch to English after a reload');
    expect(await contextMenu(page)).toContain('剪切'); // honest: Monaco's menus cannot change in place
    await page.keyboard.press('Escape');
    expect(await horizontalOverflow(page)).toEqual({ overflowPx: 0, clipped: [] });
    await screenshot(page, 'monaco-language-note-light');

    await Promise.all([page.waitForEvent('load'), page.getByTestId('monaco-language-reload').click()]);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await showEditor(page, 'en');
    expect(await contextMenu(page)).toEqual(expect.arrayContaining(['Cut', 'Copy', 'Paste']));
    expect(await page.getByTestId('monaco-language-note').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});
