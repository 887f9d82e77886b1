// Many small frames, fast: a sink server that swallows everything (one frame per message, no
// echo) and a pump that sends as fast as the socket drains, optionally capped at a rate. Used to
// fill a real engine with millions of frames through its real reverse proxy (e2e and bench; no
// vitest here, the benchmarks run outside it).
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

export async function startSink(): Promise<{ url: string; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => wss.close(() => resolve())) };
}

export const bulkText = (i: number) => `frame ${i} of the UI benchmark`;

/** Sends `count` small text messages numbered from `from`, as fast as the socket drains or at `perSecond`. */
export async function pump(ws: WebSocket, count: number, perSecond = Infinity, from = 0): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const text = bulkText(from + i);
    if (i % 2000 !== 1999) {
      ws.send(text);
    } else {
      // Every 2,000 messages, wait until the socket took them: memory stays flat.
      await new Promise<void>((resolve, reject) => ws.send(text, (err) => (err ? reject(err) : resolve())));
      const due = started + ((i + 1) / perSecond) * 1000;
      if (Number.isFinite(due) && due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    }
  }
}

/** Opens `${proxyUrl}/bench` and sends `frames` client frames through it (the capture may still be catching up). */
export async function sendBulk(proxyUrl: string, frames: number): Promise<WebSocket> {
  const ws = new WebSocket(`${proxyUrl}/bench`, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await pump(ws, frames);
  return ws;
}
