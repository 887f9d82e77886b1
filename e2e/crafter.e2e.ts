// The frame crafter end to end: Chromium drives the crafter against a real `ws` server behind
// the capture proxy. The server's reactions are real (ws's own receiver judges our bytes), and
// every claim is checked twice: in the crafter's history and in the capture itself.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import type { FrameSummary } from '../shared/model';
import { useAppSession, type Scheme } from './app-session';
import { pageErrors, screenshot } from './harness';


describe('the frame crafter in browser mode', () => {
  // Our mistakes are meant to make ws fail the connection (it closes with 1002 / 1007).
  const session = useAppSession({ echo: { path: '/echo', tolerateErrors: true } });
  let proxyAddress: string;
  const clients: WebSocket[] = [];

  beforeAll(async () => {
    proxyAddress = (await session.app.engine.api.startProxy({ mode: 'reverse', target: session.echo.url })).address;
  });
  afterAll(() => {
    for (const c of clients) c.terminate();
  });

  /** A real client connected through the proxy: the crafter's target. */
  async function openConnection(): Promise<{ client: WebSocket; connectionId: number; messages: string[] }> {
    const before = new Set((await session.app.engine.api.listConnections()).map((c) => c.id));
    const client = new WebSocket(proxyAddress, { perMessageDeflate: false });
    clients.push(client);
    const messages: string[] = [];
    client.on('message', (d) => messages.push(String(d)));
    client.on('error', () => undefined);
    await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
    const connectionId = await vi.waitFor(
      async () => {
        const found = (await session.app.engine.api.listConnections()).find((c) => !before.has(c.id) && c.state === 'open');
        if (!found) throw new Error('the proxied connection is not open in the capture yet');
        return found.id;
      },
      { timeout: 10_000, interval: 25 },
    );
    return { client, connectionId, messages };
  }

  async function framesOf(connectionId: number): Promise<FrameSummary[]> {
    return (await session.app.engine.api.queryFrames({ filter: { connectionId }, start: 0, count: 200 })).rows;
  }

  async function openCrafter(scheme: Scheme, connectionId?: number): Promise<Page> {
    const page = await session.open(scheme);
    await page.getByRole('tab', { name: 'Crafter' }).click();
    await page.getByTestId('crafter').waitFor();
    if (connectionId !== undefined) {
      await expect.poll(() => page.locator(`[data-testid=crafter-connection] option[value="${connectionId}"]`).count()).toBe(1);
      await page.getByTestId('crafter-connection').selectOption(String(connectionId));
    }
    // Monaco has replaced the plain fallback editor: the bundled workers and styles loaded under the CSP.
    await expect.poll(() => page.getByTestId('payload-editor').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    return page;
  }

  it('sends an unmasked client frame and sees the server close with 1002 (RFC 6455 §5.1)', async () => {
    const { client, connectionId } = await openConnection();
    const clientClosed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
    const page = await openCrafter('light', connectionId);
    await page.getByTestId('template-unmasked-client').click();
    await expect.poll(() => page.getByTestId('crafter-reaction').textContent()).toContain('Expect Close 1002');
    expect(await page.locator('[data-testid=violations] [data-code=unmasked-client-frame]').count()).toBe(1);
    expect(await page.getByTestId('bit-mask').getAttribute('aria-pressed')).toBe('false');
    await screenshot(page, 'crafter-mistake-light');

    await page.getByTestId('crafter-send').click();
    const answer = page.getByTestId('history-answer').first();
    await expect.poll(() => answer.textContent(), { timeout: 10_000 }).toContain('1002 Protocol Error');
    expect(await clientClosed).toBe(1002);
    await expect.poll(() => page.getByTestId('history-verdict').first().textContent()).toContain('Answered with Close 1002, as RFC 6455 expects');

    // The capture agrees: our frame marked injected and unmasked, then the server's Close 1002.
    const rows = await framesOf(connectionId);
    const injected = rows.find((r) => r.injected)!;
    expect(injected).toMatchObject({ from: 'client', masked: false, preview: 'I forgot my mask' });
    const close = rows.find((r) => r.from === 'server' && r.opcode === 8 && r.id > injected.id)!;
    expect((await session.app.engine.api.getFrame(close.id)).close?.code).toBe(1002);
    await screenshot(page, 'crafter-answer-light');

    // The answer links into the Inspector.
    await answer.click();
    await expect.poll(() => page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true');
    expect(pageErrors(page)).toEqual([]);
  });

  it('sends a valid masked text frame typed in Monaco and sees the echo', async () => {
    const { connectionId, messages } = await openConnection();
    const page = await openCrafter('light', connectionId);
    await page.getByTestId('template-text').click();
    expect(await page.getByTestId('bit-mask').getAttribute('aria-pressed')).toBe('true');
    // Type a payload in the editor: the preview follows keystroke by keystroke.
    await page.locator('.payload-editor .monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('typed in monaco');
    await expect.poll(() => page.getByTestId('crafter-frame-size').textContent()).toBe('21 B = 6 header + 15 payload');
    await expect.poll(() => page.getByTestId('crafter-valid').count()).toBe(1);

    // Ctrl+Enter sends from inside the editor (and does not insert a line there).
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => page.getByTestId('history-answer').first().textContent(), { timeout: 10_000 }).toContain('typed in monaco');
    await expect.poll(() => messages, { timeout: 10_000 }).toContain('typed in monaco'); // the echo at the real client
    const rows = await framesOf(connectionId);
    const injected = rows.find((r) => r.injected)!;
    expect(injected).toMatchObject({ from: 'client', masked: true, opcode: 1, preview: 'typed in monaco' });
    expect(rows.some((r) => r.from === 'server' && r.id > injected.id && r.preview === 'typed in monaco')).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('sends three fragments with a ping between them and sees them reassembled', async () => {
    const { connectionId, messages } = await openConnection();
    const page = await openCrafter('dark', connectionId);
    await page.getByTestId('template-fragments-ping').click();
    expect(await page.getByTestId('crafter-frame-chip').count()).toBe(4);
    await page.getByTestId('crafter-frame-chip').nth(2).click();
    expect(await page.getByTestId('crafter-opcode').inputValue()).toBe('9');
    await screenshot(page, 'crafter-sequence-dark');

    await page.getByTestId('crafter-send').click();
    const answers = page.getByTestId('history-answers').first();
    await expect.poll(() => answers.textContent(), { timeout: 10_000 }).toContain('Hello, fragmented world');
    expect(await answers.textContent()).toContain('in between'); // the Pong carries the Ping's payload (§5.5.3)
    await expect.poll(() => messages, { timeout: 10_000 }).toContain('Hello, fragmented world'); // the reassembled echo
    expect(session.echo.received).toContain('Hello, fragmented world');

    const rows = await framesOf(connectionId);
    const sent = rows.filter((r) => r.injected);
    expect(sent.map((r) => [r.opcode, r.fin])).toEqual([
      [1, false],
      [0, false],
      [9, true],
      [0, true],
    ]);
    // The three fragments share one message id; the ping is its own.
    expect(new Set([sent[0]!.messageId, sent[1]!.messageId, sent[3]!.messageId]).size).toBe(1);
    expect(sent[2]!.messageId).not.toBe(sent[0]!.messageId);
    await screenshot(page, 'crafter-sequence-sent-dark');
    expect(pageErrors(page)).toEqual([]);
  });

  it('takes hex with comments and base64 pastes, and shows close codes with their meaning', async () => {
    const page = await openCrafter('dark');
    // From the server: unmasked, so the hex dump shows the typed bytes as they are.
    await page.getByRole('radio', { name: /To the client/ }).click();
    await page.getByTestId('template-binary').click();
    await page.locator('.payload-editor .monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('de ad # a comment\n0xbe, 0xef');
    await expect.poll(() => page.getByTestId('hex-dump').textContent()).toContain('deadbeef');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('SGVsbG8sIHdvcmxkIQ==');
    await expect.poll(() => page.getByTestId('crafter-preview').textContent()).toContain('Read as base64: 13 bytes');
    await page.keyboard.type(' zz');
    await expect.poll(() => page.getByTestId('crafter-build-error').textContent()).toContain('is not a hex digit');
    expect(await page.getByTestId('crafter-send').isDisabled()).toBe(true);

    // JSON mode: the JSON worker validates under the CSP, and formats.
    await page.getByTestId('template-json').click();
    await page.locator('.payload-editor .monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText('{"a": 1,}');
    await expect.poll(() => page.locator('.payload-editor .squiggly-error').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('crafter-preview').textContent()).toContain('Not valid JSON');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText('{"a":1,"b":[true,null]}');
    await page.getByTestId('payload-format').click();
    await expect.poll(() => page.locator('.payload-editor .view-line').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    // The JSON worker re-validates 500 ms after the last edit (Monaco's debounce), so a marker of an
    // intermediate text can still arrive: wait for "no error" twice in a row, 600 ms apart.
    let previous = -1;
    const settledErrors = async () => {
      const n = await page.locator('.payload-editor .squiggly-error').count();
      const settled = n === previous;
      previous = n;
      return settled ? n : -1;
    };
    await expect.poll(settledErrors, { interval: 600, timeout: 10_000 }).toBe(0);
    await screenshot(page, 'crafter-json-dark');

    await page.getByTestId('template-invalid-close-code').click();
    await expect.poll(() => page.getByTestId('crafter-close-meaning').textContent()).toContain('must not be sent');
    await expect.poll(() => page.getByTestId('crafter-reaction').textContent()).toContain('Close 1002');
    await screenshot(page, 'crafter-close-dark');
    await page.getByTestId('crafter-close-code').selectOption('1001');
    await expect.poll(() => page.getByTestId('crafter-close-meaning').textContent()).toContain('going away');
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps snippets across a reload, and explains a damaged snippets file', async () => {
    let page = await openCrafter('light');
    await page.getByTestId('template-fragments').click();
    await page.getByTestId('library-tab-snippets').click();
    await page.getByTestId('snippet-name').fill('three fragments');
    await page.getByTestId('snippet-save').click();
    await expect.poll(() => page.getByTestId('snippet-item').count()).toBe(1);
    await screenshot(page, 'crafter-snippets-light');

    page = await openCrafter('light');
    await page.getByTestId('template-ping').click();
    await page.getByTestId('library-tab-snippets').click();
    await page.getByTestId('snippet-item').first().click();
    await expect.poll(() => page.getByTestId('crafter-frame-chip').count()).toBe(3);

    writeFileSync(join(session.app.dataDir, 'snippets.json'), '{"version": 1, "snippets": [garbage');
    page = await openCrafter('light');
    await page.getByTestId('library-tab-snippets').click();
    await expect.poll(() => page.getByTestId('snippets-error').textContent()).toMatch(/not valid JSON.*left untouched/);
    await screenshot(page, 'crafter-snippets-error-light');
    expect(pageErrors(page)).toEqual([]);
  });
});
