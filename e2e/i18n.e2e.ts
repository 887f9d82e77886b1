// The Inspector in Simplified Chinese and English, end to end: how the language is chosen (?lang,
// the stored choice, `serve --lang`), a live capture read in zh-CN with no English left outside peer
// data, and a layout that survives a projector (1280×720, and 853×480 / 640×360 = zoom 150% / 200%).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../electron/engine/host/browser-server';
import { useAppSession, type Scheme } from './app-session';
import type { EchoServer } from './echo-server';
import { RENDERER_DIR, openPage, pageErrors, screenshot, gallery } from './harness';
import { row, rows, showConnection } from './inspector-page';
import { inspectorTraffic } from './inspector-traffic';
import { horizontalOverflow, untranslatedText } from './text-audit';

type Viewport = { width: number; height: number };
const PROJECTOR: Viewport[] = [
  { width: 1280, height: 720 },
  { width: 853, height: 480 },
  { width: 640, height: 360 },
];

async function openAt(browser: Browser, url: string, viewport: Viewport = { width: 1280, height: 720 }, scheme: Scheme = 'light'): Promise<Page> {
  const page = await openPage(browser, url, scheme, viewport);
  await page.locator('section.inspector').waitFor();
  return page;
}

const withLang = (url: string, lang: string) => `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);



/** Every English word left in the Inspector shown in zh-CN, on each tab of the selected frame. */
async function auditTabs(page: Page, where: string): Promise<string[]> {
  const left: string[] = [];
  const audit = async (what: string) => {
    // Key names stay as printed on the keyboard in Chinese texts too.
    for (const w of await untranslatedText(page, ['Ctrl', 'Esc', 'Enter'])) left.push(`${where} / ${what}: "${w.word}" in "${w.text}" at ${w.where}`);
  };
  await audit('table');
  for (const tab of ['帧结构', '载荷', '握手']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.locator('.detail-body').first().waitFor();
    await expect.poll(() => page.locator('.detail-body .note.muted', { hasText: '正在加载' }).count()).toBe(0);
    await audit(tab);
  }
  return left;
}

describe('the Inspector in two languages', () => {
  const session = useAppSession({ echo: { tolerateErrors: true } });
  let deflateEcho: EchoServer;
  let zhServer: BrowserServer;

  beforeAll(async () => {
    const { app, echo } = session;
    deflateEcho = await inspectorTraffic(app, echo.url);
    // `framescope serve --lang zh-CN`: the same engine behind a second host started with a default language.
    zhServer = await startBrowserServer({ engine: app.engine, rendererDir: RENDERER_DIR, port: 0, lang: 'zh-CN' });
  });
  afterAll(async () => {
    await zhServer?.close();
    await deflateEcho?.close();
  });

  it('starts in the language of ?lang=, sets <html lang> and remembers a stored choice across a reload', async () => {
    const { browser, app } = session;
    const en = await openAt(browser, app.server.url);
    expect(await htmlLang(en)).toBe('en');
    expect(await en.getByTestId('frame-count').textContent()).toMatch(/^\d+ frames$/);
    await en.context().close();

    const zh = await openAt(browser, withLang(app.server.url, 'zh-CN'));
    expect(await htmlLang(zh)).toBe('zh-CN');
    await expect.poll(() => zh.getByTestId('frame-count').textContent()).toMatch(/^[\d,]+ 帧$/);
    expect(await zh.getByRole('button', { name: '⚠ 只看协议违规' }).count()).toBe(1);

    // The choice the app stores (framescope.lang) wins over the system language after a reload.
    await zh.goto(app.server.url);
    await zh.locator('section.inspector').waitFor();
    expect(await htmlLang(zh)).toBe('en');
    await zh.evaluate(() => localStorage.setItem('framescope.lang', 'zh-CN'));
    await zh.reload();
    await zh.locator('section.inspector').waitFor();
    expect(await htmlLang(zh)).toBe('zh-CN');
    // The count reads '…' until the engine's stats arrive after the reload.
    await expect.poll(() => zh.getByTestId('frame-count').textContent()).toMatch(/帧$/);
    expect(pageErrors(zh)).toEqual([]);
    await zh.context().close();
  });

  it('honours serve --lang zh-CN as the default, overridden by ?lang=en', async () => {
    const { browser } = session;
    const page = await openAt(browser, zhServer.url);
    expect(await htmlLang(page)).toBe('zh-CN');
    expect(await page.locator('meta[name="framescope-lang"]').getAttribute('content')).toBe('zh-CN');
    await expect.poll(() => page.getByTestId('frame-count').textContent()).toMatch(/帧$/);
    await page.goto(withLang(zhServer.url, 'en'));
    await page.locator('section.inspector').waitFor();
    expect(await htmlLang(page)).toBe('en');
    await expect.poll(() => page.getByTestId('frame-count').textContent()).toMatch(/frames$/);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('shows live traffic in zh-CN with no English left outside peer data: table, anatomy, payload, handshake, violations', async () => {
    const { browser, app } = session;
    const page = await openAt(browser, withLang(app.server.url, 'zh-CN'));
    const left: string[] = [];
    const cases: Array<[string, number]> = [
      ['/plain', 0], // masked text frame: masking strip, JSON-free text payload
      ['/plain', 2], // JSON payload
      ['/plain', 7], // a continuation fragment: the whole message
      ['/plain', 12], // Close frame: code 1000 explained
      ['/raw', 0], // the unmasked client frame: a violation
      ['/deflate', 0], // compressed: inflated and on the wire
    ];
    for (const [path, index] of cases) {
      await showConnection(page, path);
      await expect.poll(() => rows(page).count()).toBeGreaterThan(index);
      await row(page, index).click();
      left.push(...(await auditTabs(page, `${path} row ${index}`)));
    }
    // The violation reads in Chinese, keyed by its code, with the RFC section as it is.
    await showConnection(page, '/raw');
    await rows(page).filter({ has: page.getByTestId('violation-badge') }).first().click();
    await page.getByRole('tab', { name: '帧结构' }).click();
    await expect.poll(() => page.getByTestId('violations').textContent()).toContain('RFC 6455 §5.1');
    expect(await page.getByTestId('violations').textContent()).toContain('客户端帧未加掩码');
    await page.getByRole('tab', { name: '握手' }).click();
    await expect.poll(() => page.getByTestId('accept-verdict').textContent()).toContain('✓ 一致');
    expect(left).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  // At 1280×720 the whole page is measured. At 853×480 and 640×360 (zoom 150% / 200%) the Inspector is:
  // the shell around it (sidebar, top bar, status bar) is made to fit by its owner's tests.
  it('fits a projector in both languages: no sideways scroll and no clipped control at 1280×720, 853×480 and 640×360', async () => {
    const { browser, app } = session;
    const problems: string[] = [];
    for (const lang of ['en', 'zh-CN']) {
      for (const viewport of PROJECTOR) {
        const page = await openAt(browser, withLang(app.server.url, lang), viewport);
        await showConnection(page, '/plain');
        await expect.poll(() => rows(page).count()).toBe(14);
        await row(page, 0).click();
        for (const tab of lang === 'en' ? ['Anatomy', 'Payload', 'Handshake'] : ['帧结构', '载荷', '握手']) {
          await page.getByRole('tab', { name: tab }).click();
          const { overflowPx, clipped } = await horizontalOverflow(page);
          if (overflowPx !== 0 || clipped.length > 0) problems.push(`${lang} ${viewport.width}×${viewport.height} ${tab}: overflow ${overflowPx}px; clipped ${clipped.join(' | ')}`);
        }
        await page.context().close();
      }
    }
    expect(problems).toEqual([]);
  });

  it('takes screenshots for a teacher to look at: light and dark, en and zh-CN, 1280×720 and 1920×1080', async () => {
    const { browser, app } = session;
    for (const scheme of gallery(['light', 'dark'] as const)) {
      for (const lang of gallery(['zh-CN', 'en'])) {
        for (const viewport of gallery([
          { width: 1280, height: 720 },
          { width: 1920, height: 1080 },
        ])) {
          const page = await openAt(browser, withLang(app.server.url, lang), viewport, scheme);
          await showConnection(page, '/plain');
          await expect.poll(() => rows(page).count()).toBe(14);
          await row(page, 0).click();
          const tabs = lang === 'en' ? ['Anatomy', 'Payload', 'Handshake'] : ['帧结构', '载荷', '握手'];
          for (const [i, name] of ['anatomy', 'payload', 'handshake'].entries()) {
            await page.getByRole('tab', { name: tabs[i] }).click();
            await screenshot(page, `i18n-inspector-${name}-${lang}-${scheme}-${viewport.width}`);
          }
          await showConnection(page, '/raw');
          await rows(page).filter({ has: page.getByTestId('violation-badge') }).first().click();
          await page.getByRole('tab', { name: tabs[0] }).click();
          await page.getByTestId('violations').waitFor();
          await screenshot(page, `i18n-inspector-violation-${lang}-${scheme}-${viewport.width}`);
          expect(pageErrors(page)).toEqual([]);
          await page.context().close();
        }
      }
    }
  });
});
