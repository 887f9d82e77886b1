// Demo servers in one click: a WebSocket server of a chosen kind, started by the engine behind a
// capture proxy (and, by choice, with the built-in client connected through it), so the Inspector,
// Timeline and Crafter have a live connection with nothing else running.

import type { LabMeter } from './lab';

export type DemoServerKind = 'echo' | 'chat' | 'deflate' | 'strict' | 'socketio';
export const DEMO_SERVER_KINDS: readonly DemoServerKind[] = ['echo', 'chat', 'deflate', 'strict', 'socketio'];

export const DEMO_SERVER_WORDS: Record<DemoServerKind, string> = {
  echo: 'Echo: sends every message back.',
  chat: 'Chat: sends every message to every connected client (broadcast).',
  deflate: 'Deflate: echoes with permessage-deflate (RFC 7692), compressing even tiny messages.',
  strict: 'Strict: closes on any protocol mistake (1002), bad UTF-8 (1007), messages over 4 KiB (1009), and refuses a handshake that does not offer its subprotocol "demo.v1" (400).',
  socketio:
    'Socket.IO: the real socket.io server; its built-in clients are two socket.io-client sessions, one starting on HTTP long polling and upgrading to WebSocket, one kept on polling.',
};

export interface DemoServerInfo {
  kind: DemoServerKind;
  /** The server itself (not captured). */
  serverUrl: string;
  /** The capture proxy in front of it: connect here to be captured. */
  proxyId: number;
  proxyUrl: string;
  /** The built-in client's connection through the proxy, if one was opened (Socket.IO's sessions: null, see labSocketIo). */
  connectionId: number | null;
}

export interface DemoServerStartOptions {
  kind: DemoServerKind;
  /** Also connect the built-in client through the proxy and say hello (default true). */
  connectClient?: boolean;
}

export function checkDemoKind(kind: unknown): kind is DemoServerKind {
  return typeof kind === 'string' && (DEMO_SERVER_KINDS as readonly string[]).includes(kind);
}

export interface LabBroadcastResult {
  seq: number;
  sentAt: number;
  clients: number;
  /** Every copy's frame bytes as the capture proxy saw them (null if not all were seen in time). */
  wireBytes: number | null;
  /** From the send to the last copy passing the proxy, ms. */
  lastFrameAfterMs: number | null;
}

export interface LabDemoEndpoints {
  /** WebSocket URLs through the meter: every client here receives each broadcast. */
  broadcastUrl: string;
  /** A WebSocket peer that reads slowly, so a fast sender's bufferedAmount grows. */
  slowUrl: string;
  /** Offers are answered with the first of LAB_SUBPROTOCOLS the client offered. */
  subprotocolUrl: string;
  subprotocols: string[];
  meter: LabMeter;
}

export interface LabHandshake {
  request: string;
  response: string;
  subprotocol: string | null;
}
