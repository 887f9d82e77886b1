// The built-in Socket.IO clients of the fallbacks demo (the real socket.io-client, in Node),
// connected through the capture proxy: one with the default transports (HTTP long polling first,
// then the upgrade to WebSocket), one told transports: ['polling'] (a network that blocks WebSocket).
import { io, type Socket } from 'socket.io-client';
import type { SocketIoMode } from '../../../../shared/api';
import { nowUs } from '../clock';

export interface SessionState {
  mode: SocketIoMode;
  sid: string | null;
  upgradedAt: number | null;
  heartbeats: number;
  acked: boolean;
}

export interface SocketIoClients {
  sessions: SessionState[];
  /** Resolves once every session connected, said hello (acknowledged), saw a heartbeat, and the upgrade session upgraded. */
  ready(timeoutMs?: number): Promise<void>;
  close(): void;
}

export function connectSocketIoClients(proxyUrl: string, modes: readonly SocketIoMode[] = ['upgrade', 'polling']): SocketIoClients {
  const sockets: Socket[] = [];
  const sessions: SessionState[] = [];
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((w) => w());
  for (const mode of modes) {
    const state: SessionState = { mode, sid: null, upgradedAt: null, heartbeats: 0, acked: false };
    sessions.push(state);
    const socket = io(proxyUrl, { forceNew: true, reconnection: false, transports: mode === 'polling' ? ['polling'] : ['polling', 'websocket'], upgrade: mode === 'upgrade' });
    sockets.push(socket);
    socket.io.on('open', () => {
      const e = socket.io.engine;
      state.sid = e.id ?? null;
      e.on('upgrade', () => {
        state.upgradedAt = nowUs();
        changed();
      });
      e.on('ping', () => {
        state.heartbeats++;
        changed();
      });
      changed();
    });
    socket.on('connect', () => {
      socket.emit('chat', `hello from the ${mode} session`, () => {
        state.acked = true;
        changed();
      });
    });
  }
  const done = () => sessions.every((s) => s.sid !== null && s.acked && s.heartbeats > 0 && (s.mode === 'polling' || s.upgradedAt !== null));
  return {
    sessions,
    ready: (timeoutMs = 15_000) =>
      new Promise<void>((resolve, reject) => {
        if (done()) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the Socket.IO sessions did not finish their handshake, heartbeat and upgrade within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        const check = () => {
          if (!done()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      }),
    close: () => sockets.forEach((s) => s.disconnect()),
  };
}
