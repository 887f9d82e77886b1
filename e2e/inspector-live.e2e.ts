// The Inspector around the edges of a capture, end to end: the empty state, following a live
// capture (and stopping when the user scrolls up), and plain-HTTP connections through the proxy.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES, useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { rows, showConnection } from './inspector-page';
import { nextMessage, openClient, startReverseProxy, waitForFrames } from './inspector-traffic';

describe('the Inspector before any traffic', () => {
  const session = useAppSession();

  it('teaches the next step while the capture is empty', async () => {
    for (const scheme of SCHEMES) {
      const page = await session.open(scheme);
      await expect.poll(() => page.getByTestId('table-empty').textContent()).toContain('No frames captured yet');
      expect(await page.getByTestId('detail-pane').textContent()).toContain('Select a frame');
      await screenshot(page, `inspector-empty-${scheme}`);
      expect(pageErrors(page)).toEqual([]);
    }
  });
});

describe('the Inspector with live traffic', () => {
  const session = useAppSession({ echo: {} });
  let proxy: string;

  beforeAll(async () => {
    proxy = await startReverseProxy(session.app, session.echo.url);
  });

  it('follows live capture, stops when the user scrolls up, and resumes on demand', async () => {
    const page = await session.open('light');
    const ws = await openClient(`${proxy}/live`);
    await showConnection(page, '/live');
    const pill = page.getByTestId('follow-live');
    await expect.poll(() => pill.textContent()).toContain('Following live');
    const before = (await session.app.engine.api.getStats()).frames;
    let echoed = 0;
    const all = new Promise<void>((resolve) => ws.on('message', () => ++echoed === 400 && resolve()));
    for (let i = 0; i < 400; i++) ws.send(`live ${i}`);
    await all;
    await waitForFrames(session.app, before + 800);
    const scroller = page.getByTestId('frame-table-scroll');
    const atBottom = () => scroller.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop < 30);
    const lastVisible = () => rows(page).last().textContent();
    await expect.poll(lastVisible).toContain('live 399');
    expect(await atBottom()).toBe(true);

    // A tooltip belongs to the frame its row shows now: rows are reused as the capture grows under
    // a pointer that rests (and so gets no new mouseover to rewrite it).
    const lastRow = rows(page).last();
    const box = (await lastRow.locator('.cell.num').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hovered = await lastRow.getAttribute('data-frame-id');
    await expect.poll(() => lastRow.locator('.cell.num').getAttribute('title')).toContain(`Frame ${hovered} of the capture`);
    // Exactly as many frames as the blocks drawn hold (32 rows each; a message and its echo are
    // two frames): the same row elements come back under the pointer, showing newer frames.
    const more = ((await page.locator('.frame-block > div').count()) * 32) / 2;
    const moved = new Promise<void>((resolve) => {
      let n = 0;
      ws.on('message', () => ++n === more && resolve());
    });
    for (let i = 0; i < more; i++) ws.send(`more ${i}`);
    await moved;
    await expect.poll(lastVisible).toContain(`more ${more - 1}`);
    const underPointer = await page.evaluate(({ x, y }) => {
      const cell = document.elementFromPoint(x, y)?.closest('.cell');
      return { id: cell?.closest('[data-frame-id]')?.getAttribute('data-frame-id') ?? null, title: cell?.getAttribute('title') ?? null };
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(underPointer.id).not.toBe(hovered);
    if (underPointer.title !== null) expect(underPointer.title).toContain(`Frame ${underPointer.id} of the capture`);

    await scroller.hover();
    await page.mouse.wheel(0, -2000);
    await expect.poll(() => pill.textContent()).toContain('Resume live');
    ws.send('after the scroll');
    await nextMessage(ws);
    await expect.poll(() => page.getByTestId('frame-count').textContent()).toBe(`${802 + 2 * more} frames`);
    expect(await atBottom()).toBe(false);
    await pill.click();
    await expect.poll(atBottom).toBe(true);
    await expect.poll(lastVisible).toContain('after the scroll');
    ws.close();
    expect(pageErrors(page)).toEqual([]);
  });

  it('lists the HTTP exchanges of a plain-HTTP connection with their exact heads', async () => {
    const server = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`poll answer for ${req.url}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const httpProxy = (await startReverseProxy(session.app, target)).replace(/^ws:/, 'http:');
    const answer = await fetch(`${httpProxy}/poll?since=1`, { headers: { connection: 'close' } });
    expect(await answer.text()).toBe('poll answer for /poll?since=1');
    const page = await session.open('light');
    await showConnection(page, '/poll');
    await expect.poll(() => page.getByTestId('table-empty').textContent()).toContain('plain HTTP');
    await page.getByRole('button', { name: 'Show the HTTP exchanges' }).click();
    await expect.poll(() => page.getByTestId('http-request').textContent()).toContain('GET /poll?since=1 HTTP/1.1');
    expect(await page.getByTestId('http-response').textContent()).toContain('HTTP/1.1 200 OK');
    await screenshot(page, 'inspector-http-light');
    server.close();
    expect(pageErrors(page)).toEqual([]);
  });
});
