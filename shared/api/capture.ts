import type {
  CaptureBudget,
  CaptureStats,
  ConnectionDetail,
  ConnectionSummary,
  FrameDetail,
  FrameFilter,
  FramePage,
  HttpExchange,
  Peer,
} from '../model';

export type ProxyMode = 'reverse' | 'forward';

export interface ProxyOptions {
  mode: ProxyMode;
  /** Defaults to 127.0.0.1. */
  listenHost?: string;
  /** 0 or absent picks a free port. */
  listenPort?: number;
  /** Reverse mode only: ws://host:port/path the proxy forwards to. */
  target?: string;
  /** Time allowed for a client's request head and for a server's answer to a handshake (default 30 000 ms). */
  handshakeTimeoutMs?: number;
  /** Required to listen beyond loopback (0.0.0.0, a LAN address): the proxy is then reachable from other machines. */
  exposeToNetwork?: boolean;
  /** Forward mode: ports CONNECT may reach. Default: any port on loopback targets, 80/443 and common dev ports otherwise. */
  connectPorts?: 'any' | number[];
  /** Forward mode: open CONNECT tunnels carrying TLS with this install's CA (default true); false tunnels them untouched. */
  interceptTls?: boolean;
  /** Forward mode: hosts (`name` or `*.domain`) whose TLS passes through untouched, on top of the app-wide list. */
  passThroughHosts?: string[];
  /** Servers whose certificates this proxy does not check (test servers; an explicit opt-in per host). */
  insecureUpstreamHosts?: string[];
  /** Extra CA certificates (PEM text) this proxy trusts for upstream TLS, on top of the usual roots. */
  trustedCertificatesPem?: string[];
}

export interface ProxyStatus {
  id: number;
  mode: ProxyMode;
  listenHost: string;
  listenPort: number;
  target: string | null;
  /** ws:// (reverse) or http:// (forward) address clients should use. */
  address: string;
  /** Reachable from other machines (listening beyond loopback, with exposeToNetwork). */
  exposed?: boolean;
  /** Forward mode: whether CONNECT tunnels carrying TLS are opened up with this install's CA. */
  interceptTls?: boolean;
  /** The proxy's own TLS options as started (absent when none were given). */
  passThroughHosts?: string[];
  insecureUpstreamHosts?: string[];
  /** How many extra CA certificates this proxy trusts. */
  trustedCertificates?: number;
}

export interface ClientConnectOptions {
  url: string;
  subprotocols?: string[];
  headers?: Record<string, string>;
  /** Offer permessage-deflate. */
  deflate?: boolean;
}

export interface ClientSendOptions {
  connectionId: number;
  data: Uint8Array;
  binary: boolean;
}

export interface ClientPingOptions {
  connectionId: number;
  /** Application data echoed back in the pong (at most 125 bytes, RFC 6455 §5.5). */
  data?: Uint8Array;
}

export interface ClientCloseOptions {
  connectionId: number;
  code?: number;
  reason?: string;
}

export interface FrameQuery {
  filter?: FrameFilter;
  start: number;
  count: number;
  /**
   * Answer with the rows found so far while a long filter scan goes on in the engine (progress and
   * cancel through the search API); without it a field filter is scanned whole before answering.
   * Text filters are always progressive.
   */
  progressive?: boolean;
}

export interface CaptureImportResult {
  connections: number;
  frames: number;
  /** Lines or records that could not be used (garbage, wrong types, a cut-off last line). */
  skipped: number;
}

/** jsonl: Framescope's lossless JSON Lines; har: HAR 1.2 as Chrome DevTools writes it (opens in its Network panel). */
export type CaptureExportFormat = 'jsonl' | 'har';

export interface CaptureExportOptions {
  connectionId?: number | null;
  /** Defaults to 'jsonl'. */
  format?: CaptureExportFormat;
}

export interface CaptureApi {
  startProxy(options: ProxyOptions): Promise<ProxyStatus>;
  stopProxy(id: number): Promise<void>;
  listProxies(): Promise<ProxyStatus[]>;

  getStats(): Promise<CaptureStats>;
  listConnections(): Promise<ConnectionSummary[]>;
  getConnection(id: number): Promise<ConnectionDetail>;
  queryFrames(query: FrameQuery): Promise<FramePage>;
  getFrame(id: number): Promise<FrameDetail>;
  /** Position of a frame among the rows matching a filter (-1 when it does not match). */
  locateFrame(query: { filter?: FrameFilter; frameId: number }): Promise<number>;
  listHttpExchanges(query: { connectionId?: number | null }): Promise<HttpExchange[]>;
  /** Drops frames, exchanges and finished connections; ids go on from where they were. */
  clearCapture(): Promise<void>;
  setCapturePaused(paused: boolean): Promise<void>;
  /** Changes the capture budget (any subset); returns the stats under the new budget. */
  setCaptureBudget(budget: Partial<CaptureBudget>): Promise<CaptureStats>;
  /** One page (at most PAYLOAD_PAGE_BYTES) of a frame's payload or of its whole message; never the whole of a large one. */
  readPayload(range: PayloadRange): Promise<PayloadChunk>;
  /** The whole capture or one connection as JSON Lines bytes (as `framescope capture --out` writes) or as a HAR 1.2 file. */
  exportCapture(options: CaptureExportOptions): Promise<Uint8Array>;
  /** Loads a JSON Lines capture as closed connections; unreadable lines are counted, not fatal. */
  importCapture(options: { name: string; bytes: Uint8Array }): Promise<CaptureImportResult>;

  /** The built-in client: its traffic goes through a reverse proxy, so it is captured. */
  clientConnect(options: ClientConnectOptions): Promise<{ connectionId: number }>;
  clientSend(options: ClientSendOptions): Promise<void>;
  clientPing(options: ClientPingOptions): Promise<void>;
  clientClose(options: ClientCloseOptions): Promise<void>;
}

export const CAPTURE_METHODS = [
  'startProxy',
  'stopProxy',
  'listProxies',
  'getStats',
  'listConnections',
  'getConnection',
  'queryFrames',
  'getFrame',
  'locateFrame',
  'listHttpExchanges',
  'clearCapture',
  'setCapturePaused',
  'setCaptureBudget',
  'readPayload',
  'exportCapture',
  'importCapture',
  'clientConnect',
  'clientSend',
  'clientPing',
  'clientClose',
] as const satisfies readonly (keyof CaptureApi)[];

export interface ProxiesEvent {
  type: 'proxies';
  proxies: ProxyStatus[];
}

/** Something the user should read: a proxy target refused, an upstream died. */
export interface NoticeEvent {
  type: 'notice';
  level: 'info' | 'error';
  message: string;
  connectionId?: number;
}

export type CaptureEngineEvent = CaptureDeltaEvent | ProxiesEvent | NoticeEvent;

export type { Peer };

// ── The one change feed (issue 13). Types first, so every service and the renderer build on one
// design; the capture store is the only producer. Each batch carries the capture version it brings
// the reader to; renderer queries are keyed by that version.

/** One change to capture state, in the order it happened. */
export type CaptureDelta =
  /** A connection was created or changed: its whole, latest summary. */
  | { type: 'connection'; connection: ConnectionSummary }
  /**
   * Frames were appended to one connection. Ids are global and dense per engine life, so other
   * connections' frames may sit between firstId and lastId; `count` is this connection's share.
   */
  | { type: 'frames'; connectionId: number; firstId: number; lastId: number; count: number }
  /** An HTTP exchange was created or changed: its whole, latest state. */
  | { type: 'exchange'; exchange: HttpExchange }
  /** Clear: frames and exchanges are gone; ids go on from where they were (they never repeat). */
  | { type: 'cleared'; nextFrameId: number }
  /**
   * Recording paused or resumed. On resume, `passed` frames went by unrecorded meanwhile; each
   * connection they belonged to got a gap row (FrameSummary.gap), announced by the 'frames' deltas
   * just before this one.
   */
  | { type: 'recording'; paused: boolean; passed: number }
  /** The budget was reached with whenFull = 'drop-oldest': frames with id < firstKeptId are gone. */
  | { type: 'dropped'; firstKeptId: number }
  | { type: 'stats'; stats: CaptureStats };

export interface CaptureDeltaEvent {
  type: 'capture-deltas';
  /** Monotonic for the life of the engine; bumped once per batch that changed anything. */
  version: number;
  /** At most MAX_DELTAS_PER_EVENT (and about MAX_EVENT_BYTES); a large batch leaves as several events with one version. */
  deltas: CaptureDelta[];
}

/** Paging of the change feed: a batch is split so no single message grows without bound. */
export const MAX_DELTAS_PER_EVENT = 512;
export const MAX_EVENT_BYTES = 1024 * 1024;
/** readPayload returns at most this many bytes per call. */
export const PAYLOAD_PAGE_BYTES = 1024 * 1024;

/** What a payload read may address: the wire payload (unmasked), or the whole message (reassembled, inflated). */
export type PayloadPart = 'frame' | 'message';

export interface PayloadRange {
  frameId: number;
  part: PayloadPart;
  offset: number;
  /** Capped by the engine (a page); larger payloads are read page by page, never whole. */
  length: number;
}

export interface PayloadChunk {
  /** True size of the part (the declared payload length, or the inflated message size). */
  total: number;
  /** Bytes of it Framescope kept (< total only when a Framescope limit cut it; never a protocol matter). */
  kept: number;
  offset: number;
  bytes: Uint8Array;
}
