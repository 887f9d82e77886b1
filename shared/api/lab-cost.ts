// What long-lived connections cost the server, and many requests over one connection (issue 15,
// from the notes: "服务器长期维持长连接需要一定成本" and "websocket允许在一条ws连接上同时并发多个请求").
import type { LabClaimCheck } from './lab-claims';

/** The transports that hold a connection open while idle. */
export type IdleTransport = 'websocket' | 'sse' | 'long-polling';
export const IDLE_TRANSPORTS: readonly IdleTransport[] = ['websocket', 'sse', 'long-polling'];

export const LAB_COST_LIMITS = {
  /** Idle clients per transport: enough to rise above the noise, few enough for a classroom laptop. */
  clients: { min: 10, max: 2000 },
  /** Requests in flight for the concurrency comparison. */
  requests: { min: 1, max: 1000 },
  /** How long the server works on each request before answering, ms. */
  workMs: { min: 1, max: 2000 },
} as const;

/** A number typed into a lab form, brought within its limit (whole numbers; anything unreadable is the minimum). */
export function withinLimit(value: number, { min, max }: { min: number; max: number }): number {
  return Math.max(min, Math.min(max, Math.round(value) || min));
}

export const DEFAULT_IDLE_CLIENTS = 200;
export const DEFAULT_CONCURRENCY = { requests: 60, workMs: 50 } as const;

export interface LabIdleCost {
  transport: IdleTransport;
  /** Clients asked for, and connections the server held when measured. */
  clients: number;
  held: number;
  /** Open file descriptors the server process gained, per connection (/proc/self/fd; null where there is no /proc). */
  fdsPerConnection: number | null;
  /** V8 heap used, per connection, after a full GC before and after (process.memoryUsage().heapUsed): an estimate. */
  heapBytesPerConnection: number;
  /** Memory outside the heap that V8 tracks (Buffers, socket handles' ArrayBuffers), per connection: an estimate. */
  externalBytesPerConnection: number;
  /** Resident set size, per connection: the noisiest figure (the allocator keeps pages), an estimate. */
  rssBytesPerConnection: number;
  /** Largest minus smallest heap figure over the repeats: how far to trust it. */
  heapSpreadBytes: number;
  repeats: number;
}

export interface LabIdleCostResult {
  clients: number;
  rows: LabIdleCost[];
  /** Where the clients ran and how memory was read, in words (for the CLI). */
  method: string;
  /** True where the garbage collector could be run before each reading (fewer leftovers in the figures). */
  gcForced: boolean;
  claim: LabClaimCheck;
}

export interface LabConcurrencyRow {
  transport: 'http1' | 'websocket';
  requests: number;
  /** TCP connections the client opened. */
  connections: number;
  /** From the first request to the last answer. */
  totalMs: number;
  /** Time each request waited for a free connection before it could be sent (HTTP/1.1: the six-connection limit). */
  queueMs: { mean: number; max: number };
  /** From sending to the answer, per request. */
  responseMs: { mean: number; max: number };
  /** Bytes the client's sockets wrote and read (TCP payload, both directions). */
  bytes: number;
}

export interface LabConcurrencyResult {
  requests: number;
  workMs: number;
  /** The HTTP/1.1 client's limit per host, as browsers have it (Chromium, Firefox: 6). */
  maxConnections: number;
  rows: LabConcurrencyRow[];
  claim: LabClaimCheck;
}
