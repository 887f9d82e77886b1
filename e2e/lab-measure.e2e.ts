// The lab's on-demand measurements (issue 13): one way to run them (useMeasure, a react-query
// mutation), the last result kept in the store so it outlives its panel, and a failure worded by
// the engine's error code in the reader's language, the engine's words beside it as data.
import { describe, expect, it } from 'vitest';
import { useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { loseEngine, openInLang } from './shell-page';

describe('a lab measurement', () => {
  const session = useAppSession();

  it('keeps its result across a tab switch, and words a failure by its code in Chinese, then in English', async () => {
    const page = await openInLang(session, 'zh-CN');
    await page.getByRole('tab', { name: /^实验室/ }).first().click();
    await page.getByTestId('lab-tab-connections').click();
    await page.getByTestId('lab-concurrency-requests').fill('8');
    await page.getByTestId('lab-concurrency-measure').click();
    const rows = page.getByTestId('lab-concurrency-rows');
    await rows.waitFor({ timeout: 30_000 });
    const measured = await rows.textContent();

    // Another tab unmounts the panel; coming back shows the same result without measuring again.
    await page.getByTestId('lab-tab-summary').click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByTestId('lab-tab-connections').click();
    expect(await rows.textContent()).toBe(measured);

    // The engine goes away: the next measurement fails with code "unavailable".
    await loseEngine(session, page);
    await page.getByTestId('lab-concurrency-measure').click();
    const error = page.getByTestId('lab-measure-error');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.getAttribute('data-code')).toBe('unavailable');
    expect(await error.textContent()).toContain('有一方没有响应：端口、服务器或引擎。');
    const detail = error.locator('[translate=no]');
    expect((await detail.textContent())!.trim()).toMatch(/engine/i);
    // The button is free again, and the last result still stands under the error.
    expect(await page.getByTestId('lab-concurrency-measure').isEnabled()).toBe(true);
    expect(await rows.textContent()).toBe(measured);
    await screenshot(page, 'lab-measure-error-zh-CN');

    await page.getByTestId('language-switcher').selectOption('en');
    await expect.poll(() => error.textContent()).toContain('Something did not answer: a port, a server or the engine.');
    expect(pageErrors(page)).toEqual([]);
  });
});
