// The capture controls, end to end in Chromium against browser mode and a real `ws` echo server:
// start a reverse proxy from the UI, connect the built-in client through it, send, ping, close, and
// watch the sidebar and the timeline follow. Failures must show beside the control that caused them.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';

/** A port that is taken: a plain TCP listener on 127.0.0.1. */
async function occupyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

/** A port nothing listens on: bound, noted, released. */
async function closedPort(): Promise<number> {
  const { port, server } = await occupyPort();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const selectedItem = (page: Page) => page.locator('[data-testid=connection-item][aria-selected=true]');
const countsOf = async (page: Page) => (await selectedItem(page).getByTestId('connection-counts').textContent()) ?? '';

describe('capture controls in browser mode', () => {
  // The echo server accepts the first subprotocol the client offers.
  const session = useAppSession({ echo: { path: '/echo' } });

  it('starts a reverse proxy, connects the built-in client, echoes, pings and closes with 1000', async () => {
    const page = await session.open('light');
    await expect.poll(() => page.getByTestId('status-connections').textContent()).toBe('0 connections');

    // The sidebar's empty state leads straight to the proxy form.
    await page.getByTestId('empty-start-proxy').click();
    await expect.poll(() => page.getByTestId('capture-tab-proxy').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('proxy-target').fill(session.echo.url);
    await page.getByTestId('proxy-start').click();
    const address = page.getByTestId('proxy-address');
    await expect.poll(() => address.textContent(), { timeout: 10_000 }).toMatch(/^ws:\/\/127\.0\.0\.1:\d+/);
    const proxyAddress = (await address.textContent())!;
    await expect.poll(() => page.getByTestId('status-proxy').textContent()).toContain(proxyAddress);
    expect(await page.getByTestId('capture-button').textContent()).toContain('1 proxy');
    await screenshot(page, 'controls-proxy-light');

    // The built-in client, pointed at the proxy with one click on its suggestion.
    await page.getByTestId('capture-tab-client').click();
    await page.getByRole('button', { name: proxyAddress }).click();
    expect(await page.getByTestId('client-url').inputValue()).toBe(proxyAddress);
    await page.getByTestId('client-subprotocols').fill('echo.v1');
    await page.getByTestId('client-connect').click();
    await expect.poll(() => page.getByTestId('client-state').textContent(), { timeout: 10_000 }).toBe('open');
    await expect.poll(() => selectedItem(page).getAttribute('data-state')).toBe('open');
    expect(await selectedItem(page).textContent()).toContain('echo.v1');

    await page.getByTestId('client-message').fill('hello, framescope');
    await page.getByTestId('client-send').click();
    // One frame each way: the message and its echo.
    await expect.poll(() => countsOf(page), { timeout: 10_000 }).toMatch(/↑ 1 · .*↓ 1 · /);

    await page.getByTestId('client-ping').click();
    await expect.poll(() => countsOf(page), { timeout: 10_000 }).toMatch(/↑ 2 · .*↓ 2 · /);
    await screenshot(page, 'controls-client-light');

    // The timeline draws both arrows of the echo and the ping/pong pair.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const arrows = page.getByTestId('timeline-arrow');
    await expect.poll(() => arrows.count()).toBe(4);
    expect(await page.locator('[data-testid=timeline-arrow][data-marker=data]').count()).toBe(2);
    expect(await page.locator('[data-testid=timeline-arrow][data-marker=ping][data-from=client]').count()).toBe(1);
    expect(await page.locator('[data-testid=timeline-arrow][data-marker=pong][data-from=server]').count()).toBe(1);

    // Close with a code and a reason; the server answers, the sidebar says so.
    await page.getByTestId('client-close-reason').fill('done testing');
    await page.getByTestId('client-close').click();
    await expect.poll(() => selectedItem(page).getAttribute('data-state'), { timeout: 10_000 }).toBe('closed');
    expect(await selectedItem(page).getByTestId('connection-close').textContent()).toBe('close 1000 “done testing”');
    await expect.poll(() => page.getByTestId('client-closed').textContent()).toBe('Closed with 1000 “done testing”.');
    await expect.poll(() => page.locator('[data-testid=timeline-arrow][data-marker=close]').count()).toBe(2);
    expect(await page.getByTestId('timeline-close-band').count()).toBe(1);

    // A click on an arrow selects its frame; the bar underneath shows which.
    const first = arrows.first();
    const frameId = await first.getAttribute('data-frame-id');
    await first.dispatchEvent('click');
    await expect.poll(() => page.getByTestId('timeline-selected').getAttribute('data-frame-id')).toBe(frameId);
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('timeline-selected').textContent()).toContain('hello, framescope');
    await page.getByTestId('capture-button').click();
    await screenshot(page, 'controls-timeline-light');
    expect(pageErrors(page)).toEqual([]);
  });

  it('says in words what went wrong, beside the control: busy port, bad URL, refused connection', async () => {
    const page = await session.open('dark');
    const busy = await occupyPort();
    try {
      await page.getByTestId('capture-button').click();
      await page.getByTestId('proxy-target').fill('http://127.0.0.1:1/');
      await page.getByTestId('proxy-start').click();
      await expect.poll(() => page.getByTestId('proxy-error').textContent()).toContain('WebSocket URLs start with ws://, not http://');

      await page.getByTestId('proxy-target').fill(session.echo.url);
      await page.getByTestId('proxy-port').fill(String(busy.port));
      await page.getByTestId('proxy-start').click();
      await expect.poll(() => page.getByTestId('proxy-error').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`${busy.port}.*already in use`, 'i'));
      await screenshot(page, 'controls-proxy-error-dark');

      const refused = await closedPort();
      await page.getByTestId('capture-tab-client').click();
      await page.getByTestId('client-url').fill(`ws://127.0.0.1:${refused}/`);
      await page.getByTestId('client-connect').click();
      // Refused either at once (the call fails) or as the new connection's failure.
      const failure = page.locator('[data-testid=client-error], [data-testid=client-failed]');
      await expect.poll(() => failure.first().textContent(), { timeout: 10_000 }).toMatch(/refused/i);
      expect(await failure.first().textContent()).toContain(`127.0.0.1:${refused}`);
      await screenshot(page, 'controls-client-error-dark');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => busy.server.close(() => resolve()));
    }
  });
  it("starts a forward proxy with its own TLS choices from the form, and the engine reports them", async () => {
    const page = await session.open('light');
    await page.getByTestId('capture-button').click();
    await page.getByRole('radio', { name: 'Forward' }).click();
    expect(await page.getByTestId('proxy-intercept-tls').isChecked()).toBe(true);
    await page.getByTestId('proxy-pass-through').fill('bank.test, *.pinned.test');
    await page.getByTestId('proxy-insecure-hosts').fill('localhost');
    // A file that only looks like PEM reaches the engine, which refuses it in words.
    const junk = '-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n';
    await page.getByTestId('proxy-add-ca').setInputFiles({ name: 'junk-ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(junk) });
    await expect.poll(() => page.getByTestId('proxy-cas').textContent()).toContain('junk-ca.pem');
    await page.getByTestId('proxy-start').click();
    await expect.poll(() => page.getByTestId('proxy-error').textContent(), { timeout: 10_000 }).toContain('Trusted certificate 1 is not a PEM certificate');
    // A file without a certificate in it is refused in the form, before the engine sees it.
    await page.getByTestId('proxy-add-ca').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => page.getByTestId('proxy-tls-error').textContent()).toContain('notes.txt is not a PEM certificate');

    await page.getByTestId('proxy-cas').getByRole('button', { name: 'Remove' }).click();
    await page.getByTestId('proxy-start').click();
    const status = page.getByTestId('proxy-tls-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('bank.test, *.pinned.test');
    expect(await status.textContent()).toContain('Certificates not checked for: localhost');
    await screenshot(page, 'controls-proxy-tls-light');

    // Unticked, the pass-through list has no meaning (everything is tunnelled) and is not shown.
    await page.getByTestId('proxy-intercept-tls').uncheck();
    expect(await page.getByTestId('proxy-pass-through').count()).toBe(0);
    await page.getByTestId('proxy-start').click();
    await expect.poll(() => page.getByTestId('proxy-tls-status').last().textContent(), { timeout: 10_000 }).toContain('TLS passes through untouched.');
    expect(pageErrors(page)).toEqual([]);
  });
});
