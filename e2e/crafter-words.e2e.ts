// Engine text inside translated sentences (issue 13/16): invalid JSON in the crafter is worded by
// its place (line, column) in the reader's language, JSON.parse's own message kept beside it as
// data (translate="no"); a snippet that is not JSON says so by code in a notice, and switching
// language in the top bar re-words both. The compressed preview is read from the engine through
// the query layer and follows each edit (node:zlib as the oracle).
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { untranslatedText } from './text-audit';

/** English words left inside the crafter's preview or the notices. */
async function leftIn(page: Page): Promise<string[]> {
  return (await untranslatedText(page)).filter((l) => /crafter-preview|notice/.test(l.where)).map((l) => `${l.word} in "${l.text}" at ${l.where}`);
}

describe('crafter words from the engine', () => {
  const session = useAppSession();

  async function openCrafter(lang: 'en' | 'zh-CN'): Promise<Page> {
    const page = await session.open('light');
    const url = new URL(page.url());
    url.searchParams.set('lang', lang);
    await page.goto(url.toString());
    await page.getByRole('tab', { name: lang === 'en' ? 'Crafter' : '构帧器' }).click();
    await page.getByTestId('crafter').waitFor();
    await expect.poll(() => page.getByTestId('payload-editor').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    return page;
  }

  it('words invalid JSON by line and column in Chinese, JSON.parse’s message beside it as data, and again in English after a switch', async () => {
    const page = await openCrafter('zh-CN');
    await page.getByTestId('template-json').click();
    await page.locator('.payload-editor .monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText('{"a": 1 "b": 2}');
    const preview = page.getByTestId('crafter-preview');
    await expect.poll(() => preview.locator('.crafter-notes .warning').first().textContent()).toContain('不是有效的 JSON：第 1 行第 9 列的字符不能出现在这里；将按输入原样发送。');
    const detail = preview.getByTestId('crafter-detail');
    expect(await detail.getAttribute('translate')).toBe('no');
    // The browser's own message (V8: "Expected ',' or '}' after property value…"): shown, unchanged.
    const said = (await detail.textContent())!.trim();
    expect(said).toMatch(/JSON/);
    expect(await leftIn(page)).toEqual([]);
    await screenshot(page, 'crafter-json-warning-zh-CN');

    await page.getByTestId('language-switcher').selectOption('en');
    await expect.poll(() => preview.locator('.crafter-notes .warning').first().textContent()).toContain('Not valid JSON: a character at line 1, column 9 cannot be there; it will be sent exactly as typed.');
    expect((await detail.textContent())!.trim()).toBe(said);
    expect(pageErrors(page)).toEqual([]);
  });

  it('compresses the payload through the engine (permessage-deflate, RFC 7692 §7.2.1) and follows each edit', async () => {
    const page = await openCrafter('en');
    await page.getByTestId('template-text').click();
    const size = page.getByTestId('crafter-frame-size');
    const payloadBytes = async () => Number(/(\d+) payload/.exec((await size.textContent()) ?? '')?.[1]);
    // The oracle: node:zlib, flushed with Z_SYNC_FLUSH and without the 00 00 ff ff tail.
    const deflated = (text: string) => deflateRawSync(Buffer.from(text), { windowBits: 15, finishFlush: constants.Z_SYNC_FLUSH }).length - 4;
    for (const text of ['hello hello hello hello hello hello', 'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc!']) {
      await page.locator('.payload-editor .monaco-editor .view-lines').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.insertText(text);
      await page.locator('.hc-check input[type=checkbox]').check();
      await expect.poll(payloadBytes).toBe(deflated(text));
      expect(deflated(text)).toBeLessThan(text.length);
      expect(await page.getByTestId('crafter-deflate-error').count()).toBe(0);
    }
    // Unchecked: the plain bytes again.
    await page.locator('.hc-check input[type=checkbox]').uncheck();
    await expect.poll(payloadBytes).toBe('abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc!'.length);
    expect(pageErrors(page)).toEqual([]);
  });

  it('says a snippet that is not JSON cannot be loaded, by code and place, and re-words the notice on a language switch', async () => {
    await session.app.engine.api.saveSnippet({ id: 'broken', name: '片段7', spec: '{"format": ' });
    const page = await openCrafter('zh-CN');
    await page.getByTestId('library-tab-snippets').click();
    await page.getByTestId('snippet-item').first().click();
    const error = page.locator('[data-testid=notice][data-level=error]');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.getAttribute('data-code')).toBe('invalid');
    expect(await error.locator('.notice-message').textContent()).toBe('无法加载片段“片段7”。不是 JSON：文本在第 1 行第 12 列就结束了，值还不完整');
    expect(await error.locator('.notice-detail').getAttribute('translate')).toBe('no');
    expect(await error.locator('.notice-detail').textContent()).toMatch(/JSON/);
    expect(await leftIn(page)).toEqual([]);

    await page.getByTestId('language-switcher').selectOption('en');
    await expect.poll(() => error.locator('.notice-message').textContent()).toBe('The snippet “片段7” cannot be loaded. not JSON: the text ends at line 1, column 12 before the value is complete');
    expect(pageErrors(page)).toEqual([]);
  });
});
