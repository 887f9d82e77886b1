// What a meter saw of one transport's traffic, whoever the meter is (the capture proxy, or the lab's
// HTTP/2 socket tap): connections with their byte totals, HTTP exchanges with head and body sizes, and
// WebSocket / HTTP/2 frame accounting. The accounting turns this into the lab's summary.
import type { Peer } from '../../../../shared/model';

export interface MeteredConnection {
  id: string;
  openedAt: number;
  closedAt: number | null;
  /** Client → server bytes, everything the socket carried. */
  bytesUp: number;
  bytesDown: number;
}

export interface MeteredExchange {
  id: string;
  connectionId: string;
  method: string;
  path: string;
  startedAt: number;
  endedAt: number | null;
  status: number | null;
  /** HTTP/1.1: the head's bytes. HTTP/2: the HPACK block's bytes. */
  requestHeadBytes: number;
  requestBodyBytes: number;
  responseHeadBytes: number;
  /**
   * Body bytes on the wire. HTTP/1.1 (the capture's HttpExchange): chunked framing included, which
   * the accounting takes from the server ledger. HTTP/2: DATA payload.
   */
  responseBodyBytes: number;
  upgrade: boolean;
}

export interface FrameTotals {
  /** Server → client data frames (the published stream). */
  dataFrames: number;
  dataHeaderBytes: number;
  dataPayloadBytes: number;
  /** Close, ping and pong frames, whole. */
  controlFrames: number;
  controlBytes: number;
  /** Of which close frames: the closing handshake is paid once per connection (RFC 6455 §7). */
  closeBytes: number;
  /** Client → server data frames (LabOptions.upstream): masked, so 6, 8 or 14 header bytes (RFC 6455 §5.2). */
  upDataFrames: number;
  upHeaderBytes: number;
  upPayloadBytes: number;
  /** Header length → client data frames with it. */
  upHeaderSizes: Record<string, number>;
}

/** A client → server message over HTTP: a POST (HTTP/1.1), or a stream whose request had a body (HTTP/2, HPACK not decoded). */
export function isUpstreamExchange(ex: MeteredExchange): boolean {
  return !ex.upgrade && (ex.method === 'POST' || ex.requestBodyBytes > 0);
}

/** HTTP/2 bytes by role (RFC 9113 §4.1 frame layout). */
export interface H2Totals {
  prefaceBytes: number;
  /** SETTINGS, WINDOW_UPDATE… exchanged before the first HEADERS in a direction: connection setup. */
  setupBytes: number;
  /** 9-byte frame headers of HEADERS, CONTINUATION and DATA frames, plus padding fields. */
  frameHeaderBytes: number;
  hpackRequestBytes: number;
  hpackResponseBytes: number;
  dataBytes: number;
  /** Later control frames, whole (WINDOW_UPDATE, PING, SETTINGS ACK, GOAWAY, RST_STREAM). */
  controlBytes: number;
}

export interface FrameMark {
  id: string;
  from: Peer;
  time: number;
  bytes: number;
  opcode: number;
}

export interface WireLedger {
  connections: Map<string, MeteredConnection>;
  exchanges: Map<string, MeteredExchange>;
  frames: FrameTotals;
  h2: H2Totals | null;
}

export function emptyLedger(h2: boolean): WireLedger {
  return {
    connections: new Map(),
    exchanges: new Map(),
    frames: { dataFrames: 0, dataHeaderBytes: 0, dataPayloadBytes: 0, controlFrames: 0, controlBytes: 0, closeBytes: 0, upDataFrames: 0, upHeaderBytes: 0, upPayloadBytes: 0, upHeaderSizes: {} },
    h2: h2 ? { prefaceBytes: 0, setupBytes: 0, frameHeaderBytes: 0, hpackRequestBytes: 0, hpackResponseBytes: 0, dataBytes: 0, controlBytes: 0 } : null,
  };
}

export function wireBytes(ledger: WireLedger): number {
  let n = 0;
  for (const c of ledger.connections.values()) n += c.bytesUp + c.bytesDown;
  return n;
}
