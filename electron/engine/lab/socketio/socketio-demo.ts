// The `socketio` demo server: the real Socket.IO server, and (on request) the two built-in
// socket.io-client sessions through the capture proxy — upgrade and polling-only. `recording()`
// waits for what the lesson needs to be on the wire (handshake, a heartbeat each, the upgrade
// probe), then reads both sessions back from the capture.
import type { SocketIoMode, SocketIoRecording } from '../../../../shared/api';
import { nowUs } from '../clock';
import { connectSocketIoClients, type SocketIoClients } from './socketio-clients';
import { recordSocketIo, type RecordingCapture } from './socketio-recording';
import { startSocketIoServer, type RunningSocketIo } from './socketio-server';

export interface SocketIoDemo {
  server: RunningSocketIo;
  connect(proxyUrl: string): void;
  recording(capture: RecordingCapture, changes: Changes, timeoutMs?: number): Promise<SocketIoRecording>;
  close(): Promise<void>;
}

/** Resolves at the capture's next change (the feed), so waiting never polls the engine. */
export type Changes = () => Promise<void>;

/** The capture proxy's address is ws://…; socket.io-client starts with HTTP. */
export function httpUrl(proxyUrl: string): string {
  return proxyUrl.replace(/^ws(s?):/, 'http$1:');
}

export async function startSocketIoDemo(): Promise<SocketIoDemo> {
  const server = await startSocketIoServer();
  let clients: SocketIoClients | null = null;
  let proxyUrl = '';
  let since = 0;
  return {
    server,
    connect(url) {
      if (clients) return;
      proxyUrl = httpUrl(url);
      since = nowUs();
      clients = connectSocketIoClients(proxyUrl);
    },
    async recording(capture, changes, timeoutMs = 15_000) {
      if (!clients) throw new Error('the Socket.IO demo has no client sessions; start it with its client');
      const deadline = Date.now() + timeoutMs;
      await clients.ready(timeoutMs);
      const modes = new Map<string, SocketIoMode>(clients.sessions.filter((s) => s.sid !== null).map((s) => [s.sid!, s.mode]));
      for (;;) {
        const rec = await recordSocketIo({ capture, server, proxyUrl, modes, since });
        if (complete(rec) || Date.now() > deadline) return rec;
        await Promise.race([changes(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
      }
    },
    async close() {
      clients?.close();
      await server.close();
    },
  };
}

/** Everything the lesson points at is in the capture: each session's open and heartbeat, the upgrade's probe and 5. */
export function complete(rec: SocketIoRecording): boolean {
  const kinds = (mode: SocketIoMode) => new Set(rec.carriers.filter((c) => c.session === mode).flatMap((c) => c.packets.map((p) => p.kind)));
  const up = kinds('upgrade');
  const poll = kinds('polling');
  return ['open', 'ping', 'pong', 'probe-ping', 'probe-pong', 'upgrade'].every((k) => up.has(k as never)) && ['open', 'ping', 'pong'].every((k) => poll.has(k as never));
}
