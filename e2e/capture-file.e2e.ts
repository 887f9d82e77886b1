// Save and open captures, end to end in Chromium against browser mode: real traffic through the
// engine's reverse proxy to a `ws` echo server, "Save capture" downloads the JSON Lines file,
// "Clear" empties the capture, "Open capture…" brings the same frames back into the Inspector; the
// HAR choice downloads a file Chrome DevTools can open, with the socket's messages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';

describe('capture files in browser mode', () => {
  const session = useAppSession({ echo: { path: '/echo' } });

  async function traffic(): Promise<void> {
    const proxy = await session.app.engine.capture.startProxy({ mode: 'reverse', target: session.echo.url });
    const client = new WebSocket(proxy.address);
    await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
    const echoed = new Promise((resolve) => client.on('message', (d) => String(d) === 'second' && resolve(d)));
    client.send('first message');
    client.send('second');
    await echoed;
    const closed = new Promise((resolve) => client.once('close', resolve));
    client.close(1000, 'bye');
    await closed;
  }

  it('saves the capture, clears it and opens the file again', async () => {
    await traffic();
    const page = await session.open('light');
    const rows = page.getByTestId('frame-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(6); // 2 messages, 2 echoes, 2 closes
    // Every cell but the row's id (ids are never reused, so the reopened rows get new ones).
    const rowTexts = () => rows.evaluateAll((all) => all.map((r) => Array.from(r.querySelectorAll('[role="gridcell"]')).slice(1).map((c) => c.textContent).join('|')));
    const rowIds = () => rows.evaluateAll((all) => all.map((r) => Number(r.getAttribute('data-frame-id'))));
    const firstRows = await rowTexts();
    const firstIds = await rowIds();

    await page.getByTestId('capture-button').click();
    await page.getByTestId('capture-tab-file').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-save').click()]);
    expect(download.suggestedFilename()).toMatch(/^framescope-\d{8}-\d{6}\.jsonl$/);
    const path = await download.path();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; payload?: string });
    expect(lines.filter((l) => l.type === 'connection')).toHaveLength(1);
    expect(lines[0]).toMatchObject({ type: 'capture', version: 2, bytes: 'base64' });
    expect(lines.filter((l) => l.type === 'frame').map((l) => Buffer.from(l.payload!, 'base64').toString())).toContain('first message');

    await page.getByTestId('file-format-har').click();
    const [har] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-save').click()]);
    expect(har.suggestedFilename()).toMatch(/^framescope-\d{8}-\d{6}\.har$/);
    type Entry = { _resourceType?: string; response: { status: number }; _webSocketMessages?: Array<{ type: string; opcode: number; data: string }> };
    const log = (JSON.parse(readFileSync(await har.path(), 'utf8')) as { log: { version: string; entries: Entry[] } }).log;
    expect(log.version).toBe('1.2');
    const socket = log.entries.find((e) => e._resourceType === 'websocket');
    expect(socket?.response.status).toBe(101);
    // Per direction, since an echo may be captured before the client's second message.
    const texts = (type: string) => socket?._webSocketMessages?.filter((m) => m.opcode === 1 && m.type === type).map((m) => m.data);
    expect(texts('send')).toEqual(['first message', 'second']);
    expect(texts('receive')).toEqual(['first message', 'second']);
    await page.getByTestId('file-format-jsonl').click();

    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(0);

    await page.getByTestId('file-input').setInputFiles({ name: 'saved.jsonl', mimeType: 'application/x-ndjson', buffer: readFileSync(path) });
    await expect.poll(() => page.getByTestId('file-opened').textContent(), { timeout: 10_000 }).toBe('Opened saved.jsonl: 1 connection, 6 frames.');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(6);
    // The same rows; only the connection's number and the frame ids are new (ids are never reused).
    expect(await rowTexts()).toEqual(firstRows.map((r) => r.replace('#1', '#2')));
    expect(Math.min(...(await rowIds()))).toBeGreaterThan(Math.max(...firstIds));
    await screenshot(page, 'capture-file-light');

    // A file that is not a capture says so in words, beside the button.
    await page.getByTestId('file-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}\n') });
    await expect.poll(() => page.getByTestId('file-open-error').textContent()).toContain('notes.json holds no Framescope capture');
    expect(pageErrors(page)).toEqual([]);
  });

  it('looks right in dark mode', async () => {
    const page = await session.open('dark');
    await page.getByTestId('capture-button').click();
    await page.getByTestId('capture-tab-file').click();
    await expect.poll(() => page.getByTestId('file-save').isVisible()).toBe(true);
    await screenshot(page, 'capture-file-dark');
    expect(pageErrors(page)).toEqual([]);
  });
});
