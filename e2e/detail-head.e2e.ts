// The detail pane's header on a projector: at 1280×720 and at 150 % / 200 % zoom it wraps (tabs,
// the frame's title, Copy), and every control must stay inside it. Its tabs once took 100 % of the
// header's height, which Chromium resolved after sizing the header: the wrapped Copy row then lay
// over the message below it (the 20 MiB message's screenshots at 1280×720 showed it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OPCODE_TEXT } from '../shared/protocol/index';
import { SCHEMES, useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { row } from './inspector-page';
import { savedServerCapture } from './saved-capture';
import { LANGS, VIEWPORTS, openInLang } from './shell-page';

const dir = mkdtempSync(join(tmpdir(), 'framescope-detail-head-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A saved capture: one connection, a text message in two fragments. */
function captureFile(): string {
  return savedServerCapture(dir, 'chat.jsonl', 'ws://127.0.0.1:9/chat', (frame) => {
    frame(false, OPCODE_TEXT, Buffer.from('the quick brown fox '.repeat(200)));
    frame(true, 0, Buffer.from('jumps over the lazy dog '.repeat(200)));
  });
}

/** Controls of the header that reach outside it (px), and whether the body starts below it. */
function headerSpill(page: Page): Promise<{ outside: string[]; bodyBelow: boolean }> {
  return page.evaluate(() => {
    const head = document.querySelector('.detail-head')!.getBoundingClientRect();
    const outside = [...document.querySelectorAll('.detail-head > *')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height > 0 && (r.bottom > head.bottom + 0.5 || r.top < head.top - 0.5))
      .map(({ el, r }) => `${el.className || el.tagName} ${Math.round(r.top)}–${Math.round(r.bottom)} outside ${Math.round(head.top)}–${Math.round(head.bottom)}`);
    const body = document.querySelector('.detail-body')!.getBoundingClientRect();
    return { outside, bodyBelow: body.top >= head.bottom - 0.5 };
  });
}

describe('the detail header on a projector', () => {
  const session = useAppSession();

  it('keeps its tabs, title and Copy inside it when it wraps, in en and zh-CN, light and dark', async () => {
    const path = captureFile();
    for (const lang of LANGS) {
      for (const scheme of SCHEMES) {
        const page = await openInLang(session, lang, scheme);
        await page.getByTestId('capture-button').click();
        await page.getByTestId('capture-tab-file').click();
        await page.getByTestId('file-input').setInputFiles(path);
        await expect.poll(() => page.getByTestId('file-opened').count()).toBe(1);
        await page.keyboard.press('Escape');
        await row(page, 1).click();
        await page.getByRole('tab', { name: lang === 'en' ? 'Payload' : '载荷' }).click();
        await page.getByTestId('copy-more').waitFor();
        for (const [w, h] of [[1920, 1080], ...VIEWPORTS] as const) {
          await page.setViewportSize({ width: w, height: h });
          await expect.poll(() => headerSpill(page), { message: `${lang} ${scheme} ${w}×${h}` }).toEqual({ outside: [], bodyBelow: true });
          if (w === 1280 || w === 1920) await screenshot(page, `detail-head-${lang}-${scheme}-${w}`);
        }
        expect(pageErrors(page)).toEqual([]);
        await page.context().close();
      }
    }
  }, 180_000);
});
