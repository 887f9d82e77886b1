// Issue 11 end to end in Chromium: a saved capture holding a 20 MiB text message (twenty 1 MiB
// fragments, as a live capture keeps them) is opened through the File tab in pages, a word at the
// very end of the message is found by the search box (the whole message is matched, not the
// preview), the message opens in the paged viewer, and "Message as text" copies all of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPCODE_TEXT } from '../shared/protocol/index';
import { SCHEMES, useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { row, rows } from './inspector-page';
import { savedServerCapture } from './saved-capture';

const dir = mkdtempSync(join(tmpdir(), 'framescope-large-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FRAGMENT = 1024 * 1024;
const TEXT = Buffer.from(`${'the quick brown fox jumps over the lazy dog. '.repeat(466_034)}zanzibar`);

/** A capture file with one connection: a short greeting, then the 20 MiB message in fragments. */
function captureFile(): string {
  return savedServerCapture(
    dir,
    'huge.jsonl',
    'ws://127.0.0.1:9/huge',
    (frame) => {
      frame(true, OPCODE_TEXT, Buffer.from('hello'));
      for (let at = 0; at < TEXT.length; at += FRAGMENT) frame(at + FRAGMENT >= TEXT.length, at === 0 ? OPCODE_TEXT : 0, TEXT.subarray(at, at + FRAGMENT));
    },
    64 << 20,
  );
}

describe('a 20 MiB message in Chromium', () => {
  const session = useAppSession();

  it('opens the file in pages, finds a word at the end of the message, pages to it and copies the message', async () => {
    expect(TEXT.length).toBeGreaterThan(20 * FRAGMENT);
    const path = captureFile();
    const page = await session.open('light');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.app.server.url).origin });

    await page.getByTestId('capture-button').click();
    await page.getByTestId('capture-tab-file').click();
    await page.getByTestId('file-input').setInputFiles(path);
    // Sending 27 MiB in 4 MiB pages shows its progress and a Cancel beside the button.
    await expect.poll(() => page.getByTestId('file-open-progress').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'large-message-opening');
    await expect.poll(() => page.getByTestId('file-opened').textContent(), { timeout: 60_000 }).toBe('Opened huge.jsonl: 1 connection, 22 frames.');
    await page.keyboard.press('Escape');

    await page.getByTestId('filter-search').fill('ZANZIBAR');
    await expect.poll(() => rows(page).count(), { timeout: 60_000 }).toBe(1);
    await row(page, 0).click();
    await page.getByRole('tab', { name: 'Payload' }).click();
    const viewer = page.getByTestId('payload-message');
    await expect.poll(() => viewer.getByTestId('page-where').textContent(), { timeout: 20_000 }).toMatch(/^Page 1 of 321/);
    await viewer.getByTestId('page-last').click();
    await expect.poll(() => viewer.getByTestId('payload-text').textContent(), { timeout: 20_000 }).toMatch(/lazy dog\. zanzibar$/);

    await page.getByTestId('copy-more').click();
    await screenshot(page, 'large-message-copy-menu');
    await page.getByTestId('copy-message-text').click();
    const clip = () => page.evaluate(async () => {
      const t = await navigator.clipboard.readText();
      return { length: t.length, head: t.slice(0, 20), tail: t.slice(-30) };
    });
    await expect.poll(clip, { timeout: 30_000 }).toEqual({ length: TEXT.length, head: TEXT.subarray(0, 20).toString(), tail: TEXT.subarray(-30).toString() });
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
        await page.setViewportSize({ width, height });
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await screenshot(page, `large-message-${scheme}-${width}`);
      }
    }
    expect(pageErrors(page)).toEqual([]);
  }, 240_000);
});
