// Reading the Inspector in a page: its frame table's rows and cells, and picking a connection.
import type { Page } from 'playwright-core';

export const rows = (page: Page) => page.getByTestId('frame-row');
export const row = (page: Page, index: number) => page.locator(`[data-testid="frame-row"][aria-rowindex="${index + 2}"]`);
export const cellTexts = (page: Page, index: number) => row(page, index).locator('[role="gridcell"]').allTextContents();

/** Selects the first connection in the sidebar whose item mentions `path`. */
export async function showConnection(page: Page, path: string): Promise<void> {
  await page.getByTestId('connection-item').filter({ hasText: path }).first().click();
}
