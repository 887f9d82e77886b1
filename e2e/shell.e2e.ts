import { describe, expect, it } from 'vitest';
import { useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';

describe('the app shell in browser mode', () => {
  const session = useAppSession();

  it('shows the sidebar, main area and status bar, follows the system theme and toggles it', async () => {
    const page = await session.open('dark');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await expect.poll(() => page.getByTestId('status-connections').textContent()).toBe('0 connections');
    expect(await page.getByTestId('connections-empty').textContent()).toContain('No connections yet');
    expect(await page.getByTestId('status-proxy').textContent()).toContain('Proxy stopped');
    expect(await page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.statusbar').textContent()).toContain('Browser mode');
    await screenshot(page, 'shell-dark');

    // system (dark) → light
    await page.getByTestId('theme-toggle').click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await screenshot(page, 'shell-light');
    // light → dark
    await page.getByTestId('theme-toggle').click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBg).not.toBe(lightBg);
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps the chosen theme across reloads', async () => {
    const page = await session.open('light');
    await page.getByTestId('theme-toggle').click(); // system → light
    await page.getByTestId('theme-toggle').click(); // light → dark
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
  });
});
