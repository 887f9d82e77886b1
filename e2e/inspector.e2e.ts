// The Inspector, end to end: known traffic through the real reverse proxy to a `ws` echo server,
// read back in Chromium — table rows, frame anatomy linked to hex, payloads (JSON, fragments,
// compressed), the handshake's accept check, a violation, filters, keyboard and copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64, toHex } from '../shared/protocol/hex';
import { SCHEMES, useAppSession } from './app-session';
import type { EchoServer } from './echo-server';
import { pageErrors, screenshot } from './harness';
import { cellTexts, row, rows, showConnection } from './inspector-page';
import { FRAGMENTS, HELLO, KNOWN_ROWS, inspectorTraffic } from './inspector-traffic';

describe('the Inspector in browser mode', () => {
  // The unmasked frame makes ws fail that connection on purpose.
  const session = useAppSession({ echo: { tolerateErrors: true } });
  let deflateEcho: EchoServer;

  beforeAll(async () => {
    deflateEcho = await inspectorTraffic(session.app, session.echo.url);
  });
  afterAll(async () => {
    await deflateEcho?.close();
  });

  it('lists every frame of a known conversation with direction, opcode, FIN, mask and length', async () => {
    for (const scheme of SCHEMES) {
      const page = await session.open(scheme);
      await showConnection(page, '/plain');
      await expect.poll(() => rows(page).count()).toBe(KNOWN_ROWS.length);
      for (const [i, [dir, opcode, fin]] of KNOWN_ROWS.entries()) {
        const cells = await cellTexts(page, i);
        expect([cells[2], cells[4], cells[5]], `row ${i}`).toEqual([dir, opcode, fin]);
        expect(cells[7], `row ${i} MASK`).toBe(dir === 'C → S' ? '1' : '0');
      }
      expect((await cellTexts(page, 0))[8]).toBe(String(HELLO.length));
      expect((await cellTexts(page, 0))[9]).toContain(HELLO);
      expect(await page.getByTestId('frame-count').textContent()).toBe('14 frames');
      await screenshot(page, `inspector-table-${scheme}`);
      expect(pageErrors(page)).toEqual([]);
    }
  });

  it('draws the anatomy of a masked frame and links its fields to the hex bytes both ways', async () => {
    const page = await session.open('light');
    await showConnection(page, '/plain');
    await row(page, 0).click();
    const id = Number(await row(page, 0).getAttribute('data-frame-id'));
    const detail = await session.app.engine.api.getFrame(id);
    const seg = (field: string) => page.locator(`.bit-seg[data-field="${field}"]`).first();
    await expect.poll(() => seg('opcode').textContent()).toContain('0x1 text');
    expect(await seg('fin').textContent()).toBe('1FIN');
    expect(await seg('mask').textContent()).toBe('1MASK');
    expect(await seg('payloadLength').textContent()).toContain(`Payload len${HELLO.length}`);
    expect(await seg('maskingKey').textContent()).toContain(toHex(detail.maskKey!));

    await seg('maskingKey').hover();
    const lit = () => page.locator('.hex-bytes .hx.is-hl').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-at'))));
    await expect.poll(lit).toEqual([2, 3, 4, 5]);
    await page.locator('.hex-bytes .hx[data-at="7"]').hover();
    await expect.poll(() => seg('payload').getAttribute('class')).toContain('is-hl');
    expect(await lit()).toEqual(Array.from({ length: HELLO.length }, (_, i) => 6 + i));

    // Masking at work: wire ⊕ key = the payload bytes of "hello framescope".
    const strip = (id: string) => page.getByTestId(id).allTextContents();
    expect(await strip('mask-wire')).toEqual(Array.from(detail.wirePayload, (b) => toHex(Uint8Array.of(b))));
    expect(await strip('mask-payload')).toEqual(Array.from(new TextEncoder().encode(HELLO), (b) => toHex(Uint8Array.of(b))));
    await seg('payload').click(); // pinned: stays lit without the pointer
    await page.mouse.move(5, 5);
    await expect.poll(() => seg('payload').getAttribute('class')).toContain('is-hl');
    await screenshot(page, 'inspector-anatomy-light');
    await page.getByTestId('theme-toggle').click();
    await page.getByTestId('theme-toggle').click();
    await screenshot(page, 'inspector-anatomy-dark');
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows payloads: JSON as a tree, a fragmented message whole, a compressed one inflated', async () => {
    for (const scheme of SCHEMES) {
      const page = await session.open(scheme);
      await showConnection(page, '/plain');
      await row(page, 2).click();
      await page.getByRole('tab', { name: 'Payload' }).click();
      await expect.poll(() => page.getByTestId('json-tree').textContent()).toContain('greeting');
      await row(page, 6).click(); // first fragment
      await expect.poll(() => page.getByTestId('fragment-list').locator('button').count()).toBe(3);
      expect(await page.getByTestId('payload-message').getByTestId('payload-text').textContent()).toBe(FRAGMENTS.join(''));
      await screenshot(page, `inspector-payload-${scheme}`);

      await showConnection(page, '/deflate');
      await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(2);
      await row(page, 0).click();
      await expect.poll(() => page.getByTestId('payload-message').getByTestId('payload-text').textContent()).toBe('compress me '.repeat(20));
      expect(await page.getByTestId('payload-wire').getByTestId('hex-dump').count()).toBe(1);
      await screenshot(page, `inspector-compressed-${scheme}`);
      expect(pageErrors(page)).toEqual([]);
    }
  });

  it('works out the Sec-WebSocket-Accept value step by step and shows ✓', async () => {
    for (const scheme of SCHEMES) {
      const page = await session.open(scheme);
      await showConnection(page, '/plain');
      await row(page, 0).click();
      await page.getByRole('tab', { name: 'Handshake' }).click();
      await expect.poll(() => page.getByTestId('accept-verdict').textContent()).toContain('✓ matches');
      expect(await page.getByTestId('handshake-request').textContent()).toContain('Sec-WebSocket-Key: ');
      expect(await page.getByTestId('handshake-request').locator('.head-name.ws').allTextContents()).toContain('Sec-WebSocket-Key');
      expect(await page.getByTestId('handshake-response').textContent()).toContain('101');
      await screenshot(page, `inspector-handshake-${scheme}`);
      expect(pageErrors(page)).toEqual([]);
    }
  });

  it('flags the unmasked client frame with RFC 6455 §5.1 where it happens', async () => {
    for (const scheme of SCHEMES) {
      const page = await session.open(scheme);
      await showConnection(page, '/raw');
      const bad = rows(page).filter({ has: page.getByTestId('violation-badge') }).first();
      await bad.click();
      await page.getByRole('tab', { name: 'Anatomy' }).click();
      await expect.poll(() => page.getByTestId('violations').textContent()).toContain('RFC 6455 §5.1');
      expect(await page.getByTestId('violations').textContent()).toContain('without masking');
      expect(await page.locator('.bit-seg[data-field="mask"]').getAttribute('class')).toContain('is-flagged');
      await screenshot(page, `inspector-violation-${scheme}`);
      expect(pageErrors(page)).toEqual([]);
    }
  });

  it('filters by direction, opcode, text, regex and violations', async () => {
    const page = await session.open('light');
    await showConnection(page, '/plain');
    await expect.poll(() => rows(page).count()).toBe(14);
    await page.getByRole('button', { name: 'S → C' }).click();
    await expect.poll(() => rows(page).count()).toBe(6);
    for (const i of [0, 1, 2, 3, 4, 5]) expect((await cellTexts(page, i))[2]).toBe('S → C');
    await page.getByRole('button', { name: 'Both' }).click();
    await page.getByRole('button', { name: 'ping', exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByRole('button', { name: 'pong', exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('filter-search').fill('part-two');
    // Whole messages are searched: the second fragment (its own bytes), the last fragment (the
    // reassembled message holds the word) and the echoed message.
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.getByRole('button', { name: '.*' }).click();
    await page.getByTestId('filter-search').fill('part-(one|two)');
    await expect.poll(() => rows(page).count()).toBe(4); // both fragments, the message's last frame and the echo
    await page.getByTestId('filter-search').fill('part-(');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Not a valid regular expression');
    expect(await rows(page).count()).toBe(4); // the table keeps the last valid search
    await screenshot(page, 'inspector-filter-error-light');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('connection-item').filter({ hasText: '/plain' }).first().click(); // back to all connections
    await page.getByRole('button', { name: '⚠ Violations only' }).click();
    const allFlagged = async () => {
      const n = await rows(page).count();
      return n > 0 && n === (await rows(page).filter({ has: page.getByTestId('violation-badge') }).count());
    };
    await expect.poll(allFlagged).toBe(true);
    expect(await page.getByTestId('frame-count').textContent()).toMatch(/^\d+ of \d+ frames$/);
    await screenshot(page, 'inspector-filtered-light');
    expect(pageErrors(page)).toEqual([]);
  });

  it('moves with ↑/↓ and j/k, opens with Enter, searches with Ctrl+F', async () => {
    const page = await session.open('dark');
    await showConnection(page, '/plain');
    await row(page, 0).click();
    const selected = () => page.locator('[data-testid="frame-row"][aria-selected="true"]').getAttribute('aria-rowindex');
    await page.keyboard.press('j');
    await expect.poll(selected).toBe('3');
    await page.keyboard.press('ArrowDown');
    await expect.poll(selected).toBe('4');
    await page.keyboard.press('k');
    await expect.poll(selected).toBe('3');
    await page.keyboard.press('ArrowUp');
    await expect.poll(selected).toBe('2');
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toContain(`Frame #${await row(page, 0).getAttribute('data-frame-id')}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('detail-pane');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filter-search');
    expect(pageErrors(page)).toEqual([]);
  });

  it('copies a frame as hex, base64 and text', async () => {
    const page = await session.open('light');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.app.server.url).origin });
    await showConnection(page, '/plain');
    await row(page, 0).click();
    const detail = await session.app.engine.api.getFrame(Number(await row(page, 0).getAttribute('data-frame-id')));
    const wire = new Uint8Array([...detail.headerBytes, ...detail.wirePayload]);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.getByTestId('copy-hex').click();
    await expect.poll(clipboard).toBe(toHex(wire));
    await page.getByTestId('copy-base64').click();
    await expect.poll(clipboard).toBe(toBase64(wire));
    await page.getByTestId('copy-text').click();
    await expect.poll(clipboard).toBe(HELLO);
    expect(pageErrors(page)).toEqual([]);
  });

});
