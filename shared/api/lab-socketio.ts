// Socket.IO's fallbacks (issue 15, from the notes: "该库支持一系列降级功能"): two sessions of the real
// socket.io client and server through the capture proxy — one that starts on HTTP long polling and
// upgrades to WebSocket, one forced to stay on polling — on one timeline, every Engine.IO packet
// labelled by a stable kind (the renderer words it; the engine keeps English for the CLI).
import type { LabClaimCheck } from './lab-claims';

/** Engine.IO v4 packet types (engine.io-protocol: 0 open … 6 noop); probes are ping/pong with "probe". */
export type EioPacketKind = 'open' | 'close' | 'ping' | 'pong' | 'probe-ping' | 'probe-pong' | 'upgrade' | 'noop' | 'message' | 'invalid';
export const EIO_PACKET_KINDS: readonly EioPacketKind[] = ['open', 'close', 'ping', 'pong', 'probe-ping', 'probe-pong', 'upgrade', 'noop', 'message', 'invalid'];

/** Socket.IO v5 packet types carried in an Engine.IO message (socket.io-protocol: 0 CONNECT … 6 BINARY_ACK). */
export type SioPacketKind = 'connect' | 'disconnect' | 'event' | 'ack' | 'connect-error' | 'binary-event' | 'binary-ack';

export interface EioPacket {
  kind: EioPacketKind;
  /** The packet as sent (text; capped at 160 characters). */
  text: string;
  /** For an Engine.IO message: the Socket.IO packet inside it. */
  sio: SioPacketKind | null;
  /** For a Socket.IO event: its name. */
  event: string | null;
  /** The session id an open packet hands out. */
  sid: string | null;
}

/** How a session was told to connect: default (polling, then upgrade) or transports: ['polling']. */
export type SocketIoMode = 'upgrade' | 'polling';
export const SOCKET_IO_MODES: readonly SocketIoMode[] = ['upgrade', 'polling'];

/** One thing on the wire that carried packets: a long-poll GET, a POST, the WebSocket handshake, a frame. */
export interface SocketIoCarrier {
  id: string;
  session: SocketIoMode;
  transport: 'polling' | 'websocket';
  carrier: 'get' | 'post' | 'ws-handshake' | 'frame';
  /** Who sent the packets: the server (GET responses, server frames) or the client (POST bodies, client frames). */
  from: 'client' | 'server';
  start: number;
  end: number | null;
  /** Bytes on the wire as the capture proxy counted them (heads and bodies, or frame header and payload). */
  bytes: number;
  /** Capture ids, to open the item in the Inspector. */
  connectionId: number;
  exchangeId: number | null;
  frameId: number | null;
  packets: EioPacket[];
}

export interface SocketIoSession {
  mode: SocketIoMode;
  sid: string | null;
  /** When the client switched to WebSocket (after 3probe and 5), null if it never did. */
  upgradedAt: number | null;
  requests: number;
  frames: number;
  /** TCP connections the proxy saw for this session. */
  connections: number;
  wireBytes: number;
  heartbeats: number;
}

export interface SocketIoRecording {
  /** Where the sessions connected (the capture proxy in front of the Socket.IO server). */
  proxyUrl: string;
  pingIntervalMs: number;
  startedAt: number;
  sessions: SocketIoSession[];
  /** Both sessions' carriers, in time order. */
  carriers: SocketIoCarrier[];
  /** The notes' two claims, each judged on its own session (socketio-upgrade, socketio-fallback). */
  claims: LabClaimCheck[];
}
