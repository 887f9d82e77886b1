// The one echo loop both relay benches drive: `window` messages in flight against an echo server,
// each answer releasing the next send, until `count` answers came back. Returns the seconds taken.
import type { WebSocket } from 'ws';

export async function echoLoop(ws: WebSocket, message: Uint8Array | string, count: number, window: number): Promise<number> {
  // A string goes as a text message (the echo server answers in kind), bytes as a binary one.
  const binary = typeof message !== 'string';
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    let sent = 0;
    let received = 0;
    ws.on('message', () => {
      received++;
      if (sent < count) {
        ws.send(message, { binary });
        sent++;
      }
      if (received === count) resolve();
    });
    for (; sent < Math.min(window, count); sent++) ws.send(message, { binary });
  });
  return (performance.now() - t0) / 1000;
}
