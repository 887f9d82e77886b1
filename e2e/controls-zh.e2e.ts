// The capture panel in Simplified Chinese: every tab, and a live built-in client session, with no
// English left outside peer data (translate="no"), and no sideways scroll at 150% and 200% zoom.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './app-session';
import { screenshot } from './harness';
import { horizontalOverflow, untranslatedText } from './text-audit';

// Key names stay as printed on the keyboard; other views' words are their owners' to audit.
const KEYS = ['Ctrl', 'Esc', 'Enter'];
const panelLeftovers = async (page: Page) => (await untranslatedText(page, KEYS)).filter((u) => u.where.includes('capture-panel'));

async function inChinese(page: Page): Promise<void> {
  const url = new URL(page.url());
  url.searchParams.set('lang', 'zh-CN');
  await page.goto(url.toString());
}

describe('capture panel in zh-CN', () => {
  const session = useAppSession({ echo: { path: '/echo' } });

  it('shows every tab and a client session in Chinese, without sideways scroll', async () => {
    const page = await session.open('light');
    await inChinese(page);
    await page.getByTestId('empty-start-proxy').click();
    expect(await panelLeftovers(page)).toEqual([]);
    await page.getByTestId('proxy-target').fill(session.echo.url);
    await page.getByTestId('proxy-start').click();
    await expect.poll(() => page.getByTestId('proxy-address').count(), { timeout: 10_000 }).toBe(1);
    expect(await panelLeftovers(page)).toEqual([]);
    await screenshot(page, 'controls-zh-proxy-light');

    await page.getByTestId('capture-tab-file').click();
    expect(await panelLeftovers(page)).toEqual([]);
    await screenshot(page, 'controls-zh-file-light');

    await page.getByTestId('capture-tab-client').click();
    expect(await panelLeftovers(page)).toEqual([]);
    await page.getByTestId('client-url').fill(session.echo.url);
    await page.getByTestId('client-connect').click();
    await expect.poll(() => page.getByTestId('client-state').textContent(), { timeout: 10_000 }).toBe('已打开');
    expect(await panelLeftovers(page)).toEqual([]);
    await screenshot(page, 'controls-zh-client-light');

    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 853, height: 480 },
      { width: 640, height: 360 },
    ]) {
      await page.setViewportSize(viewport);
      await screenshot(page, `controls-zh-client-${viewport.width}`);
      const { overflowPx, clipped } = await horizontalOverflow(page);
      expect({ viewport, overflowPx, clipped }).toEqual({ viewport, overflowPx: 0, clipped: [] });
    }
  });
  it("shows a forward proxy's TLS choices and their status in Chinese, at every width", async () => {
    const page = await session.open('dark');
    await inChinese(page);
    await page.getByTestId('capture-button').click();
    await page.getByRole('radio', { name: '正向代理' }).click();
    await page.getByTestId('proxy-pass-through').fill('bank.test');
    await page.getByTestId('proxy-insecure-hosts').fill('localhost');
    await page.getByTestId('proxy-start').click();
    await expect.poll(() => page.getByTestId('proxy-tls-status').textContent(), { timeout: 10_000 }).toContain('bank.test');
    expect(await panelLeftovers(page)).toEqual([]);
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 853, height: 480 },
      { width: 640, height: 360 },
    ]) {
      await page.setViewportSize(viewport);
      await screenshot(page, `controls-zh-proxy-tls-dark-${viewport.width}`);
      const { overflowPx, clipped } = await horizontalOverflow(page);
      expect({ viewport, overflowPx, clipped }).toEqual({ viewport, overflowPx: 0, clipped: [] });
    }
  });
});
