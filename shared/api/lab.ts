// The comparison lab's contract (issue 7): one event stream served five ways, measured on the wire.
// Times are microseconds since the Unix epoch on the engine's clock, like the capture's.
export * from './lab-message';
export * from './lab-claims';
export * from './lab-packets';
export * from './lab-demos';
export * from './lab-socketio';
export * from './lab-cost';
import type { LabClaimCheck, LabHistogram, LabLatency, LabPhaseModel } from './lab-claims';
import type { LabCompression, LabTcpIp, LabUpstreamSummary } from './lab-packets';
import type { DemoServerInfo, DemoServerKind, DemoServerStartOptions, LabBroadcastResult, LabDemoEndpoints, LabHandshake } from './lab-demos';
import type { SocketIoRecording } from './lab-socketio';
import type { LabConcurrencyResult, LabIdleCostResult } from './lab-cost';

export type LabTransport = 'short-polling' | 'long-polling' | 'sse' | 'websocket' | 'http2-polling';
export const LAB_TRANSPORTS: readonly LabTransport[] = ['short-polling', 'long-polling', 'sse', 'websocket', 'http2-polling'];
export const LAB_TRANSPORT_LABELS: Record<LabTransport, string> = {
  'short-polling': 'Short polling',
  'long-polling': 'Long polling',
  sse: 'Server-sent events',
  websocket: 'WebSocket',
  'http2-polling': 'HTTP/2 polling (h2c)',
};

/** Who runs the HTTP/1.1 and WebSocket clients. HTTP/2 polling is always a Node client: browsers do not speak h2c. */
export type LabClients = 'browser' | 'engine';

export interface LabOptions {
  /** Messages per second published by the lab server. */
  rate: number;
  /** Bytes per message (the whole message is the payload). */
  size: number;
  format: 'text' | 'json';
  /** Steady: evenly spaced. Bursty: groups of up to 5 back to back, same average rate. */
  pattern: 'steady' | 'bursty';
  /**
   * Where messages fall against the polls. Random: each message (or burst) at a uniformly random
   * moment of its slot, so waits for the next poll are spread over the interval, as real events are.
   * Fixed: evenly spaced from just after the first poll, one phase for the whole run.
   */
  phase: LabPhaseModel;
  /** Short-polling interval in milliseconds (HTTP/2 polling uses it too). */
  intervalMs: number;
  /**
   * Both directions: every client also sends the same stream up (rate and size as published) —
   * masked WebSocket frames, POSTs for the HTTP transports.
   */
  upstream: boolean;
  /** Cookie bytes every HTTP client carries, to show what cookies cost (0 = none). */
  cookieBytes: number;
  clients: LabClients;
}

export const LAB_LIMITS = {
  rate: { min: 0.2, max: 200 },
  size: { min: 64, max: 1_048_576 },
  intervalMs: { min: 20, max: 10_000 },
  cookieBytes: { min: 0, max: 8_000 },
  /** rate × size: keeps a lab run from saturating the machine it teaches on. */
  bytesPerSecond: 16 * 1_048_576,
} as const;

export const DEFAULT_LAB_OPTIONS: LabOptions = {
  rate: 5,
  size: 256,
  format: 'json',
  pattern: 'steady',
  phase: 'random',
  upstream: false,
  intervalMs: 1000,
  cookieBytes: 0,
  clients: 'browser',
};

/** Validates options that arrive from a hostile or careless caller; a message a user can act on, never a throw. */
export function checkLabOptions(input: unknown): { options: LabOptions } | { error: string } {
  if (input === null || typeof input !== 'object') return { error: 'Lab options must be an object.' };
  const o = { ...DEFAULT_LAB_OPTIONS, ...(input as Partial<LabOptions>) };
  for (const key of ['rate', 'size', 'intervalMs', 'cookieBytes'] as const) {
    const { min, max } = LAB_LIMITS[key];
    const v = o[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) return { error: `${key} must be a number from ${min} to ${max}.` };
  }
  if (!Number.isInteger(o.size) || !Number.isInteger(o.cookieBytes)) return { error: 'size and cookieBytes must be whole numbers.' };
  if (o.format !== 'text' && o.format !== 'json') return { error: "format must be 'text' or 'json'." };
  if (o.pattern !== 'steady' && o.pattern !== 'bursty') return { error: "pattern must be 'steady' or 'bursty'." };
  if (o.phase !== 'random' && o.phase !== 'fixed') return { error: "phase must be 'random' or 'fixed'." };
  if (typeof o.upstream !== 'boolean') return { error: 'upstream must be true or false.' };
  if (o.clients !== 'browser' && o.clients !== 'engine') return { error: "clients must be 'browser' or 'engine'." };
  if (o.rate * o.size > LAB_LIMITS.bytesPerSecond) return { error: 'rate × size is above 16 MiB/s; lower one of them.' };
  const { rate, size, format, pattern, phase, upstream, intervalMs, cookieBytes, clients } = o;
  return { options: { rate, size, format, pattern, phase, upstream, intervalMs, cookieBytes, clients } };
}

/** Where the bytes of a transport are counted: the capture proxy, or the lab's own socket tap (HTTP/2 only: the proxy speaks HTTP/1.1). */
export type LabMeter = 'capture-proxy' | 'socket-tap';

export interface LabEndpoints {
  /** Base URL per transport, through the meter (capture proxy or socket tap). */
  urls: Record<LabTransport, string>;
  meters: Record<LabTransport, LabMeter>;
  /** A request here answers with Set-Cookie for options.cookieBytes (fetch cannot set Cookie itself). Not metered. */
  cookieUrl: string;
}

export type LabPhase = 'idle' | 'starting' | 'running' | 'draining' | 'closing' | 'done' | 'failed';

export interface LabStatus {
  phase: LabPhase;
  runId: number | null;
  options: LabOptions | null;
  endpoints: LabEndpoints | null;
  /** When publishing began (after every client connected). */
  startedAt: number | null;
  endedAt: number | null;
  published: number;
  /** Why the run failed, or what the user should know (e.g. capture proxy unavailable). */
  error: string | null;
  note: string | null;
}

export interface LabDelivery {
  seq: number;
  /** Engine clock (browser clients correct their clock with labClock first). */
  receivedAt: number;
}

export interface LabReport {
  runId: number;
  transport: LabTransport;
  deliveries: LabDelivery[];
}

/** One request/response, frame or connection on a transport's lane. */
export interface LabMark {
  id: string;
  transport: LabTransport;
  kind: 'request' | 'frame' | 'stream';
  start: number;
  /** Null while in flight (a parked long poll, an open SSE stream). */
  end: number | null;
  bytes: number;
  /** A poll that came back with nothing. */
  empty: boolean;
  label: string;
}

export interface LabDeliveryMark {
  transport: LabTransport;
  seq: number;
  generatedAt: number;
  receivedAt: number;
}

export type LabByteKey =
  | 'payload'
  | 'request-headers'
  | 'response-headers'
  | 'handshake'
  | 'body-wrapping'
  | 'sse-fields'
  | 'chunked-encoding'
  | 'frame-headers'
  | 'h2-frame-headers'
  | 'hpack-request-headers'
  | 'hpack-response-headers'
  | 'control'
  | 'upstream-payload'
  | 'upstream-headers'
  | 'upstream-frame-headers'
  | 'unattributed';

export interface LabByteShare {
  key: LabByteKey;
  bytes: number;
  /** Paid once per connection (handshake, SSE response head, HTTP/2 preface), not per message. */
  oneTime: boolean;
}

export interface LabTransportSummary {
  transport: LabTransport;
  client: 'browser' | 'node';
  meter: LabMeter;
  published: number;
  /** Distinct messages delivered. */
  messages: number;
  requests: number;
  emptyResponses: number;
  connections: number;
  wireBytes: number;
  payloadBytes: number;
  overheadBytes: number;
  oneTimeBytes: number;
  /** Recurring overhead per delivered message (one-time setup excluded, shown apart). */
  overheadBytesPerMessage: number | null;
  /** payload / wire bytes. */
  payloadEfficiency: number | null;
  latencyMs: LabLatency | null;
  /** Polling transports: the waits' distribution in tenths of the interval (null for push transports). */
  latencyHistogram: LabHistogram | null;
  requestsPerSecond: number;
  bytesPerSecond: number;
  breakdown: LabByteShare[];
  /** Client → server messages (options.upstream), null when the clients sent none. */
  clientToServer: LabUpstreamSummary | null;
  /** The packets underneath: segments and IP + TCP header bytes (null before any traffic). */
  tcpIp: LabTcpIp | null;
  claims: LabClaimCheck[];
}

export interface LabSummary {
  runId: number;
  durationS: number;
  published: number;
  rows: LabTransportSummary[];
}

/** What changed since the previous lab event: new marks and deliveries, and the whole (small) summary. */
export interface LabLive {
  runId: number;
  now: number;
  published: Array<{ seq: number; generatedAt: number }>;
  deliveries: LabDeliveryMark[];
  /** New marks, and marks that ended since (same id: replace). */
  marks: LabMark[];
  summary: LabSummary;
}

export interface LabSweepRequest {
  kind: 'interval' | 'size';
}

export interface LabSweepPoint {
  x: number;
  transport: LabTransport;
  latencyMs: LabLatency | null;
  overheadBytesPerMessage: number | null;
}

export interface LabSweepResult {
  kind: LabSweepRequest['kind'];
  xs: number[];
  points: LabSweepPoint[];
}

export interface LabApi {
  labStart(options: LabOptions): Promise<LabStatus>;
  /** Stops publishing, waits for every transport to deliver what was published, then closes. */
  labStop(): Promise<LabStatus>;
  labStatus(): Promise<LabStatus>;
  /** Browser clients report what they received; the engine joins it with the wire bytes. */
  labReport(report: LabReport): Promise<void>;
  /** The engine's clock (µs), so browser clients can correct theirs. */
  labClock(): Promise<number>;
  labSummary(): Promise<LabSummary | null>;
  /** Short headless runs with Node clients: latency against polling interval, or overhead against size. */
  labSweep(request: LabSweepRequest): Promise<LabSweepResult>;
  labDemoStart(): Promise<LabDemoEndpoints>;
  /** Sends one message to every broadcast client; returns when, to how many, and what the capture measured. */
  labBroadcast(options: { size: number }): Promise<LabBroadcastResult>;
  /** The handshake of the demo connection whose URL carries ?tag=…, as the meter saw it. */
  labHandshake(options: { tag: string }): Promise<LabHandshake | null>;
  /** Starts (or returns) the demo server of a kind behind a capture proxy; connects the built-in client unless told not to. */
  demoServerStart(options: DemoServerStartOptions): Promise<DemoServerInfo>;
  demoServerStop(options: { kind: DemoServerKind }): Promise<void>;
  demoServerList(): Promise<DemoServerInfo[]>;
  /** gzip and permessage-deflate on the lab's stream at this size and format, measured on loopback sockets. */
  labCompression(options: Pick<LabOptions, 'size' | 'format' | 'rate'>): Promise<LabCompression[]>;
  /** Starts the socketio demo with its two client sessions (if not yet) and reads them back from the capture, packets labelled. */
  labSocketIo(): Promise<SocketIoRecording>;
  /** Memory and file descriptors per idle connection (WebSocket, SSE, long polling) with this many clients each. */
  labIdleCost(options: { clients: number }): Promise<LabIdleCostResult>;
  /** N requests in flight: HTTP/1.1 with six connections against N messages with ids over one WebSocket. */
  labConcurrency(options: { requests: number; workMs: number }): Promise<LabConcurrencyResult>;
}

export const LAB_METHODS = [
  'labStart',
  'labStop',
  'labStatus',
  'labReport',
  'labClock',
  'labSummary',
  'labSweep',
  'labDemoStart',
  'labBroadcast',
  'labHandshake',
  'demoServerStart',
  'demoServerStop',
  'demoServerList',
  'labCompression',
  'labSocketIo',
  'labIdleCost',
  'labConcurrency',
] as const satisfies readonly (keyof LabApi)[];

export type LabEvent =
  | { type: 'lab'; status: LabStatus; live?: LabLive }
  | { type: 'lab-sweep'; kind: LabSweepRequest['kind']; done: number; total: number };
