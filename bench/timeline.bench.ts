/**
 * Timeline figures in Chromium (browser mode): relay FRAMES real frames through the reverse proxy
 * on one connection, then time how long the timeline takes to draw that connection (fitted, so as
 * density ticks), how long each wheel-zoom step takes to settle (its window read and drawn), and
 * how many engine calls that costs. Prints; asserts nothing.
 * Run: npx electron-vite build && npx tsx bench/timeline.bench.ts   (FRAMES=200000 for a quick run)
 */
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { launchBrowser, openPage, startApp } from '../e2e/harness';

const FRAMES = Number(process.env.FRAMES ?? 1_000_000);

async function main(): Promise<void> {
  const app = await startApp();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const browser = await launchBrowser();
  try {
    const proxy = await app.engine.api.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}` });
    const ws = new WebSocket(proxy.address, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const fillStart = performance.now();
    for (let i = 0; i < FRAMES; i++) {
      if (i % 2000 === 1999) await new Promise<void>((resolve, reject) => ws.send(`frame ${i}`, (err) => (err ? reject(err) : resolve())));
      else ws.send(`frame ${i}`);
    }
    while ((await app.engine.api.getStats()).frames < FRAMES) await new Promise((r) => setTimeout(r, 50));
    console.log(`filled     ${FRAMES.toLocaleString('en-US')} frames in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);

    const page = await openPage(browser, app.server.url, 'dark');
    // Count the engine calls the renderer makes (each one RPC message over the WebSocket).
    await page.evaluate(() => {
      const w = window as unknown as { calls: number };
      w.calls = 0;
      // The page's own WebSocket (the name WebSocket here is Node's `ws`, imported above).
      const proto = (globalThis as unknown as { WebSocket: { prototype: { send(data: string): void } } }).WebSocket.prototype;
      const send = proto.send;
      proto.send = function (this: unknown, data: string) {
        if (data.includes('"queryFrames"')) w.calls++;
        send.call(this, data);
      };
    });
    const calls = () => page.evaluate(() => (window as unknown as { calls: number }).calls);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const drawStart = performance.now();
    await page.locator('[data-testid=connection-item]').first().click();
    await page.getByTestId('timeline-density').or(page.getByTestId('timeline-burst')).first().waitFor();
    console.log(`first draw ${(performance.now() - drawStart).toFixed(0)} ms from click to density ticks (Chromium, RPC over WebSocket), ${await calls()} queryFrames calls`);

    const svg = (await page.getByTestId('timeline-svg').boundingBox())!;
    await page.mouse.move(svg.x + svg.width / 2, svg.y + svg.height / 2);
    const steps: number[] = [];
    const before = await calls();
    for (let i = 0; i < 8; i++) {
      const s = performance.now();
      await page.mouse.wheel(0, -400);
      await page.waitForFunction(() => document.querySelector('[data-testid=timeline-stage]')?.getAttribute('aria-busy') === 'false');
      steps.push(performance.now() - s);
    }
    steps.sort((a, b) => a - b);
    const perStep = Math.round(((await calls()) - before) / steps.length);
    console.log(`zoom step  median ${steps[Math.floor(steps.length / 2)]!.toFixed(0)} ms, worst ${steps[steps.length - 1]!.toFixed(0)} ms to settle (8 wheel notches), ~${perStep} queryFrames calls each`);
    ws.terminate();
  } finally {
    await browser.close();
    await app.close();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }
}

void main();
