// What a lesson's check looks at: the live capture since the step began, as plain data read through
// the contract (connections, frame rows, HTTP exchanges, handshakes). Checks are pure functions of
// this, never of what the UI did, so a check passes only when the traffic on the wire shows it.
import type { ConnectionSummary, FrameSummary, HttpExchange } from '../model';
import { isControlOpcode } from '../protocol/opcodes';

/** The handshake of one WebSocket connection, as far as the lessons need it. */
export interface LessonHandshake {
  /** Request header fields, names as sent. */
  requestHeaders: Array<[string, string]>;
  /** The response status (101, 400…), null when no response came. */
  status: number | null;
  /** Sec-WebSocket-Accept matched the key (RFC 6455 §4.2.2), null without a response. */
  acceptOk: boolean | null;
  offeredSubprotocols: string[];
}

/** Where the step began: everything at or below these ids was there before the student acted. */
export interface LessonBaseline {
  /** Highest connection id seen when the step began (0 when none). */
  connectionId: number;
  /** The id the next captured frame gets (CaptureStats.nextFrameId). */
  frameId: number;
  /** Highest HTTP exchange id seen when the step began (0 when none). */
  exchangeId: number;
}

export interface LessonWorld {
  since: LessonBaseline;
  connections: ConnectionSummary[];
  /** Frame rows of the connections above, in capture order (ids ascending). */
  frames: FrameSummary[];
  exchanges: HttpExchange[];
  /** Keyed by connection id, for WebSocket connections opened since the baseline. */
  handshakes: Record<number, LessonHandshake>;
}

export type LessonCheck = (world: LessonWorld) => boolean;

export const EMPTY_BASELINE: LessonBaseline = { connectionId: 0, frameId: 0, exchangeId: 0 };

/** Connections opened since the step began. */
export function newConnections(w: LessonWorld): ConnectionSummary[] {
  return w.connections.filter((c) => c.id > w.since.connectionId);
}

/** Frames captured since the step began (gap rows left out). */
export function newFrames(w: LessonWorld, connectionId?: number): FrameSummary[] {
  return w.frames.filter((f) => f.id >= w.since.frameId && !f.gap && (connectionId === undefined || f.connectionId === connectionId));
}

export function newExchanges(w: LessonWorld): HttpExchange[] {
  return w.exchanges.filter((e) => e.id > w.since.exchangeId);
}

/** Ids of the connections that have new frames, in first-seen order. */
export function activeConnectionIds(w: LessonWorld): number[] {
  return [...new Set(newFrames(w).map((f) => f.connectionId))];
}

export function isData(f: FrameSummary): boolean {
  return !isControlOpcode(f.opcode);
}

/** A data frame that ends a message (FIN set): one per message. */
export function isMessageEnd(f: FrameSummary): boolean {
  return isData(f) && f.fin;
}

/** RFC 6455 §5.5.1: a close frame's payload starts with the 2-byte code; the preview shows it first. */
export function closeCode(f: FrameSummary): number | null {
  if (f.opcode !== 0x8) return null;
  const m = /^(\d{4})\b/.exec(f.preview);
  return m ? Number(m[1]) : null;
}

/** A request header's value, names compared without case (RFC 9110 §5.1). */
export function header(h: LessonHandshake, name: string): string | null {
  const lower = name.toLowerCase();
  return h.requestHeaders.find(([n]) => n.toLowerCase() === lower)?.[1] ?? null;
}
