// Reading the Inspector in a page: its frame table's rows and cells, and picking a connection.
import type { Page } from 'playwright-core';

export const rows = (page: Page) => page.getByTestId('frame-row');
export const row = (page: Page, index: number) => page.locator(`[data-testid="frame-row"][aria-rowindex="${index + 2}"]`);
export const cellTexts = (page: Page, index: number) => row(page, index).locator('[role="gridcell"]').allTextContents();

/**
 * Selects the first connection in the sidebar whose item mentions `path`. In a narrow window the
 * sidebar is folded away: open it over the view first (picking a connection folds it again).
 */
export async function showConnection(page: Page, path: string): Promise<void> {
  const toggle = page.getByTestId('sidebar-toggle');
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await page.getByTestId('connection-item').filter({ hasText: path }).first().click();
}
