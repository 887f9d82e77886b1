// The capture's connections and their typed transitions (issue 13): opened, classified, connected,
// upgraded, closing, failed (with a reason), closed, plus the wire counters. Only the capture store
// (which extends this) changes a connection; everyone else holds a read-only record and asks for a
// transition, and each transition puts the connection on the change feed by itself.
import type {
  CaptureStats,
  ConnectionKind,
  ConnectionSource,
  ConnectionSummary,
  DirectionCounters,
  Endpoint,
  HandshakeDetail,
  HttpExchange,
  Peer,
  TlsInfo,
} from '../../../shared/model';
import type { DeflateParams } from '../../../shared/protocol/index';
import { CaptureFeed, type FeedSource } from './capture-feed';
import type { HandshakeResult } from './handshake-detail';
import { emptyHandshake } from './handshake-detail';

type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object | null ? DeepReadonly<T[K]> : T[K] };

/** What callers hold: read it, never write it (the store's transitions do). */
export interface ConnectionRecord {
  readonly summary: DeepReadonly<ConnectionSummary>;
  readonly handshake: HandshakeDetail;
  readonly deflate: DeflateParams | null;
}

interface MutableRecord {
  summary: ConnectionSummary;
  handshake: HandshakeDetail;
  deflate: DeflateParams | null;
}

const LIVE = new Set(['connecting', 'open', 'closing']);

export interface ImportedEnd {
  failed: boolean;
  closedAt: number;
  closeCode: number | null;
  closeReason: string | null;
  error: string | null;
  /** The counters as the file has them (bytes outside frames are only known there), or null to keep the replayed ones. */
  counters?: Record<Peer, DirectionCounters> | null;
}

export abstract class ConnectionBook implements FeedSource {
  private readonly records = new Map<number, MutableRecord>();
  private nextConnectionId = 1;
  protected readonly feed: CaptureFeed;

  constructor(wake: () => void) {
    this.feed = new CaptureFeed(this, wake);
  }

  abstract exchangeSnapshot(id: number): HttpExchange | null;
  abstract stats(): CaptureStats;

  get connections(): ReadonlyMap<number, ConnectionRecord> {
    return this.records;
  }

  /** A copy safe to hand out (the contract's ConnectionSummary). */
  snapshot(id: number): ConnectionSummary | null {
    const s = this.records.get(id)?.summary;
    if (s === undefined) return null;
    return {
      ...s,
      client: { ...s.client },
      server: s.server === null ? null : { ...s.server },
      counters: { client: { ...s.counters.client }, server: { ...s.counters.server } },
      ...(s.tls ? { tls: { ...s.tls, server: s.tls.server ? { ...s.tls.server, altNames: [...s.tls.server.altNames] } : null } } : {}),
    };
  }

  addConnection(init: { kind: ConnectionKind; source: ConnectionSource; url: string; client: Endpoint; openedAt: number; controllable?: boolean }): ConnectionRecord {
    const summary: ConnectionSummary = {
      id: this.nextConnectionId++,
      kind: init.kind,
      source: init.source,
      url: init.url,
      state: 'connecting',
      client: { ...init.client },
      server: null,
      subprotocol: null,
      extensions: null,
      openedAt: init.openedAt,
      closedAt: null,
      closeCode: null,
      closeReason: null,
      error: null,
      counters: { client: { frames: 0, bytes: 0, messages: 0 }, server: { frames: 0, bytes: 0, messages: 0 } },
      violations: 0,
      controllable: init.controllable ?? false,
    };
    const record: MutableRecord = { summary, handshake: emptyHandshake(), deflate: null };
    this.records.set(summary.id, record);
    this.feed.connection(summary.id);
    return record;
  }

  /** What the first request says the connection is, and where it goes. */
  classified(record: ConnectionRecord, change: { kind?: ConnectionKind; url?: string }): void {
    this.change(record, (s) => Object.assign(s, change));
  }

  /** The upstream answered the connect: where it is; a plain HTTP connection is open from here. */
  connected(record: ConnectionRecord, server: Endpoint): void {
    this.change(record, (s) => {
      s.server = { ...server };
      if (s.state === 'connecting' && s.kind !== 'websocket') s.state = 'open';
    });
  }

  /** The TLS session the proxy terminated on this connection (both legs), as tls-info read it. */
  tlsEstablished(record: ConnectionRecord, tls: TlsInfo): void {
    this.change(record, (s) => {
      s.tls = tls;
    });
  }

  /** The connection carries traffic (an imported one, or a built-in client's). */
  opened(record: ConnectionRecord): void {
    this.change(record, (s) => {
      if (s.state === 'connecting') s.state = 'open';
    });
  }

  /** The bytes are no longer HTTP nor WebSocket (CONNECT to TLS, a 101 to another protocol). */
  tunnelled(record: ConnectionRecord, open: boolean): void {
    this.change(record, (s) => {
      s.kind = 'tunnel';
      if (open) s.state = 'open';
    });
  }

  /** RFC 6455 §4.1: after a 101 with a valid handshake "the connection is in the OPEN state". */
  upgraded(record: ConnectionRecord, handshake: HandshakeResult): void {
    const r = this.mutable(record);
    if (r === null) return;
    r.handshake = handshake.detail;
    r.deflate = handshake.deflate;
    const s = r.summary;
    s.kind = 'websocket';
    s.state = 'open';
    s.subprotocol = handshake.detail.subprotocol;
    s.extensions = handshake.extensionsValue;
    s.violations += handshake.detail.violations.length;
    // Counters describe the WebSocket stream, after the handshake (model.ts DirectionCounters).
    for (const peer of ['client', 'server'] as Peer[]) Object.assign(s.counters[peer], { frames: 0, bytes: 0, messages: 0 });
    this.feed.connection(s.id);
  }

  /** The upgrade was refused: keep the handshake for the explanation, and fail with the reason. Returns true if this failed it. */
  refused(record: ConnectionRecord, handshake: HandshakeResult | null, error: string): boolean {
    const r = this.mutable(record);
    if (r === null) return false;
    if (handshake !== null) {
      r.handshake = handshake.detail;
      r.summary.violations += handshake.detail.violations.length;
    }
    this.feed.connection(r.summary.id);
    return this.failed(record, error);
  }

  /** Fails the connection with a reason the user can read; false if it had failed already. */
  failed(record: ConnectionRecord, error: string): boolean {
    const r = this.mutable(record);
    if (r === null || r.summary.state === 'failed') return false;
    r.summary.state = 'failed';
    r.summary.error = error;
    this.feed.connection(r.summary.id);
    return true;
  }

  /** Something went wrong without failing the connection (the first reason is kept). */
  noted(record: ConnectionRecord, error: string): void {
    this.change(record, (s) => {
      s.error ??= error;
    });
  }

  /** A close frame went by (RFC 6455 §5.5.1): the closing handshake started; the first code and reason are kept. */
  closing(record: ConnectionRecord, close: { code: number | null; reason: string } | null): void {
    this.change(record, (s) => {
      if (s.state === 'open') s.state = 'closing';
      if (close !== null && s.closeCode === null && s.closeReason === null) {
        s.closeCode = close.code;
        s.closeReason = close.reason;
      }
    });
  }

  closed(record: ConnectionRecord, time: number): void {
    this.change(record, (s) => {
      if (s.state !== 'failed') s.state = 'closed';
      s.closedAt = time;
    });
  }

  /** An imported connection ends as the file says. */
  importedEnd(record: ConnectionRecord, end: ImportedEnd): void {
    this.change(record, (s) => {
      s.state = end.failed ? 'failed' : 'closed';
      s.closedAt = end.closedAt;
      s.closeCode = end.closeCode ?? s.closeCode;
      s.closeReason = end.closeReason ?? s.closeReason;
      s.error = end.error;
      if (end.counters) s.counters = { client: { ...end.counters.client }, server: { ...end.counters.server } };
    });
  }

  controllable(record: ConnectionRecord): void {
    this.change(record, (s) => {
      s.controllable = true;
    });
  }

  /** Bytes on the wire (relayed or answered), per direction. */
  countBytes(record: ConnectionRecord, from: Peer, n: number): void {
    this.change(record, (s) => {
      s.counters[from].bytes += n;
    });
  }

  countViolations(record: ConnectionRecord, n: number): void {
    if (n > 0) this.change(record, (s) => (s.violations += n));
  }

  protected countFrame(connectionId: number, from: Peer, messageEnd: boolean, violations: number): void {
    const r = this.records.get(connectionId);
    if (r === undefined) return;
    const c = r.summary.counters[from];
    c.frames++;
    if (messageEnd) c.messages++;
    r.summary.violations += violations;
    this.feed.connection(connectionId);
  }

  /** Clear: finished connections go; live ones stay and are announced again. */
  protected forgetFinished(): void {
    for (const [id, record] of this.records) {
      if (!LIVE.has(record.summary.state)) this.records.delete(id);
      else this.feed.connection(id);
    }
  }

  private mutable(record: ConnectionRecord): MutableRecord | null {
    const r = this.records.get(record.summary.id);
    return r === record ? r : null; // cleared meanwhile: nothing to change
  }

  private change(record: ConnectionRecord, apply: (s: ConnectionSummary) => void): void {
    const r = this.mutable(record);
    if (r === null) return;
    apply(r.summary);
    this.feed.connection(r.summary.id);
  }
}
