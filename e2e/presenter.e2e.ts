// Presenter mode in Chromium, in Chinese: F5 turns it on, no visible text below 18 px (computed
// styles over every visible text node and field) and the step being taught at 24 px or more, no
// sideways scroll or clipped control at 1280×720, no English left, → / ← / Esc. Screenshots in light
// and dark at 1280×720 and 1920×1080 for a teacher to look at from the back of the room.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './app-session';
import { pageErrors, screenshot, gallery } from './harness';
import { openIn, untranslatedInLessons } from './lessons-run';
import { horizontalOverflow } from './text-audit';

interface SmallestText {
  px: number;
  where: string;
}

/** The smallest computed font size among visible text in the viewport (text nodes and form fields). */
async function smallestText(page: Page): Promise<SmallestText> {
  return page.evaluate(() => {
    let px = Infinity;
    let where = '';
    const consider = (el: Element, text: string) => {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) return;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none' || s.opacity === '0') return;
      const size = parseFloat(s.fontSize);
      if (size < px) {
        px = size;
        where = `${el.tagName.toLowerCase()}.${typeof el.className === 'string' ? el.className : ''} “${text.trim().slice(0, 30)}”`;
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement && n.textContent?.trim()) consider(n.parentElement, n.textContent);
    for (const el of document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea, select')) {
      if (el.closest('.monaco-editor')) continue; // Monaco's hidden input area; its text is drawn in .view-lines
      consider(el, (el as HTMLInputElement).value ?? '');
    }
    return { px, where };
  });
}

async function focusPx(page: Page): Promise<number> {
  return page.locator('.lesson-focus').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

async function step(page: Page): Promise<string | null> {
  return page.getByTestId('lesson-dock').getAttribute('data-step');
}

async function assertReadable(page: Page, label: string): Promise<string> {
  const smallest = await smallestText(page);
  expect(smallest.px, `${label}: smallest text ${smallest.px} px at ${smallest.where}`).toBeGreaterThanOrEqual(18);
  expect(await focusPx(page)).toBeGreaterThanOrEqual(24);
  const overflow = await horizontalOverflow(page);
  expect(overflow, label).toEqual({ overflowPx: 0, clipped: [] });
  return `${label}: min ${smallest.px} px, focus ${await focusPx(page)} px`;
}

describe('presenter mode', () => {
  const session = useAppSession();

  it('F5 on, 18 px floor, 24 px focus, no overflow at 1280×720, no English in zh-CN, → ← Esc', { timeout: 240_000 }, async () => {
    const page = await session.open('light');
    await page.setViewportSize({ width: 1280, height: 720 });
    await openIn(page, session.app.server.url, 'zh-CN');
    await page.keyboard.press('F5');
    await expect.poll(() => page.locator('html').getAttribute('data-presenter')).toBe('on');
    expect(await untranslatedInLessons(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual({ overflowPx: 0, clipped: [] });
    const smallestList = await smallestText(page);
    expect(smallestList.px, smallestList.where).toBeGreaterThanOrEqual(18);
    const figures = [`list: min ${smallestList.px} px`];

    await page.getByTestId('lesson-start-handshake').click();
    await expect.poll(() => step(page)).toBe('handshake/upgrade');
    await page.getByTestId('lesson-action-connect-echo').click();
    await expect.poll(() => page.getByTestId('lesson-verdict').getAttribute('data-verdict'), { timeout: 20_000 }).toBe('pass');
    await page.mouse.move(500, 300);
    figures.push(await assertReadable(page, 'inspector'));
    expect(await untranslatedInLessons(page)).toEqual([]);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => step(page)).toBe('handshake/origin');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => step(page)).toBe('handshake/upgrade');
    // Keys typed into a field are the student's: ← in the Origin field moves the caret, not the lesson.
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('lesson-origin').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await step(page)).toBe('handshake/origin');
    await page.locator('.lesson-dock-head').click();

    // The crafter and the timeline, as a class sees them.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('html').getAttribute('data-presenter')).toBe(null);
    await page.getByTestId('lesson-leave').click();
    await page.getByRole('tab', { name: /Lessons|课程/ }).click();
    await page.getByTestId('lesson-start-fragments').click();
    await page.keyboard.press('F5');
    await page.getByTestId('lesson-action-connect-echo').click();
    await page.getByTestId('lesson-action-crafter-fragments').click();
    await expect.poll(() => page.getByTestId('crafter').count()).toBe(1);
    await expect.poll(() => page.locator('.monaco-editor .view-lines').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await smallestText(page)).px, { timeout: 10_000 }).toBeGreaterThanOrEqual(18);
    figures.push(await assertReadable(page, 'crafter'));
    expect(await untranslatedInLessons(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('html').getAttribute('data-presenter')).toBe(null);
    console.log(`[presenter] ${figures.join(' · ')}`);
    expect(pageErrors(page)).toEqual([]);
  });

  it('screenshots in Chinese, light and dark, at 1280×720 and 1920×1080', { timeout: 240_000 }, async () => {
    for (const scheme of gallery(['light', 'dark'] as const)) {
      const page = await session.open(scheme);
      await page.setViewportSize({ width: 1280, height: 720 });
      await openIn(page, session.app.server.url, 'zh-CN');
      await page.keyboard.press('F5');
      for (const [width, height] of gallery([
        [1280, 720],
        [1920, 1080],
      ] as const)) {
        await page.setViewportSize({ width, height });
        await page.keyboard.press('Escape');
        await page.getByRole('tab', { name: /Lessons|课程/ }).click();
        await page.keyboard.press('F5');
        await screenshot(page, `presenter-zh-list-${scheme}-${width}`);
        for (const [lesson, act] of [
          ['handshake', 'connect-echo'],
          ['heartbeat', 'connect-echo'],
          ['fragments', 'connect-echo'],
        ] as const) {
          await page.keyboard.press('Escape');
          await page.getByRole('tab', { name: /Lessons|课程/ }).click();
          await page.getByTestId(`lesson-start-${lesson}`).click();
          await page.keyboard.press('F5');
          await page.getByTestId(`lesson-action-${act}`).click();
          if (lesson === 'heartbeat') await page.getByTestId('lesson-action-ping').click();
          if (lesson === 'fragments') await page.getByTestId('lesson-action-crafter-fragments').click();
          await expect.poll(() => page.locator('[data-lesson-target]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
          await page.mouse.move(width * 0.35, height * 0.45);
          // Clicking a button below the fold scrolled the panel; a teacher sees the step from its top.
          await page.evaluate(() => {
            const body = document.querySelector('.lesson-dock-body');
            if (body) body.scrollTop = 0;
          });
          await screenshot(page, `presenter-zh-${lesson}-${scheme}-${width}`);
          expect((await horizontalOverflow(page)).overflowPx).toBe(0);
          await page.getByTestId('lesson-next').click();
          await page.getByTestId('lesson-next').click();
        }
      }
      expect(pageErrors(page)).toEqual([]);
    }
  });
});
