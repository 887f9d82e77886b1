// The capture: connections, HTTP exchanges and frames, plus the coalesced event the renderer gets
// at most ~30 times a second (EventBus collector). Frames are columnar (FrameTable); connections
// and exchanges are few enough to be objects. Mutations mark things dirty; the flush snapshots them.
import type { CaptureEvent } from '../../../shared/api/capture';
import type {
  CaptureStats,
  ConnectionKind,
  ConnectionSource,
  ConnectionSummary,
  Endpoint,
  HandshakeDetail,
  HttpExchange,
} from '../../../shared/model';
import type { DeflateParams } from '../../../shared/protocol/index';
import type { EventBus } from '../event-bus';
import { BlobStore } from './blob-store';
import { FilterCache } from './frame-filter';
import { FrameTable, type FrameInput } from './frame-table';
import { emptyHandshake } from './handshake-detail';

export interface ConnectionRecord {
  summary: ConnectionSummary;
  handshake: HandshakeDetail;
  deflate: DeflateParams | null;
}

export interface CaptureStoreOptions {
  bus: EventBus;
  dataDir: string;
  /** Payload bytes held in memory before spilling to disk (default 256 MiB). */
  memoryBudget?: number;
}

const LIVE = new Set(['connecting', 'open', 'closing']);

export function snapshotConnection(s: ConnectionSummary): ConnectionSummary {
  return {
    ...s,
    client: { ...s.client },
    server: s.server === null ? null : { ...s.server },
    counters: { client: { ...s.counters.client }, server: { ...s.counters.server } },
    ...(s.tls ? { tls: { ...s.tls, server: s.tls.server ? { ...s.tls.server, altNames: [...s.tls.server.altNames] } : null } } : {}),
  };
}

export class CaptureStore {
  readonly blobs: BlobStore;
  readonly frames: FrameTable;
  readonly filters: FilterCache;
  readonly connections = new Map<number, ConnectionRecord>();
  readonly exchanges = new Map<number, HttpExchange>();
  paused = false;
  /** Bumped by clear(): decoders holding frame ids from before must drop them. */
  generation = 0;
  private nextConnectionId = 1;
  private nextExchangeId = 1;
  private nextMessage = 1;
  private readonly dirtyConnections = new Set<number>();
  private readonly dirtyExchanges = new Set<number>();
  private dirty = false;
  private readonly removeCollector: () => void;

  constructor(private readonly options: CaptureStoreOptions) {
    this.blobs = new BlobStore({ spillDir: options.dataDir, memoryBudget: options.memoryBudget });
    this.frames = new FrameTable(this.blobs);
    this.filters = new FilterCache(this.frames, this.blobs);
    this.removeCollector = options.bus.addCollector(() => this.collect());
  }

  nextMessageId(): number {
    return this.nextMessage++;
  }

  addConnection(init: { kind: ConnectionKind; source: ConnectionSource; url: string; client: Endpoint; openedAt: number; controllable?: boolean }): ConnectionRecord {
    const summary: ConnectionSummary = {
      id: this.nextConnectionId++,
      kind: init.kind,
      source: init.source,
      url: init.url,
      state: 'connecting',
      client: init.client,
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
    const record: ConnectionRecord = { summary, handshake: emptyHandshake(), deflate: null };
    this.connections.set(summary.id, record);
    this.touch(record);
    return record;
  }

  /** Marks a connection changed: it goes out with the next event. */
  touch(record: ConnectionRecord): void {
    if (this.connections.get(record.summary.id) !== record) return; // cleared meanwhile
    this.dirtyConnections.add(record.summary.id);
    this.markDirty();
  }

  addExchange(init: Omit<HttpExchange, 'id'>): HttpExchange {
    const exchange: HttpExchange = { id: this.nextExchangeId++, ...init };
    this.exchanges.set(exchange.id, exchange);
    this.touchExchange(exchange);
    return exchange;
  }

  touchExchange(exchange: HttpExchange): void {
    if (this.exchanges.get(exchange.id) !== exchange) return;
    this.dirtyExchanges.add(exchange.id);
    this.markDirty();
  }

  /** Records a frame; returns its id, or -1 while capture is paused. */
  addFrame(input: FrameInput): number {
    if (this.paused) return -1;
    const id = this.frames.add(input);
    this.markDirty();
    return id;
  }

  stats(): CaptureStats {
    return {
      connections: this.connections.size,
      frames: this.frames.count,
      httpExchanges: this.exchanges.size,
      memoryBytes: this.blobs.memoryBytes,
      spilledBytes: this.blobs.spilledBytes,
      paused: this.paused,
    };
  }

  setPaused(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    this.markDirty();
  }

  /** Drops frames, exchanges and finished connections; live connections stay (they are still relaying). */
  clear(): void {
    this.frames.clear();
    this.blobs.clear();
    this.filters.clear();
    this.exchanges.clear();
    for (const [id, record] of this.connections) if (!LIVE.has(record.summary.state)) this.connections.delete(id);
    this.dirtyConnections.clear();
    this.dirtyExchanges.clear();
    this.generation++;
    this.options.bus.emit({ type: 'capture-cleared' });
    // Tell the renderer which connections survived.
    for (const id of this.connections.keys()) this.dirtyConnections.add(id);
    this.markDirty();
  }

  close(): void {
    this.removeCollector();
    this.blobs.close();
  }

  private markDirty(): void {
    if (!this.dirty) {
      this.dirty = true;
      this.options.bus.schedule();
    }
  }

  private collect(): CaptureEvent | null {
    if (!this.dirty) return null;
    this.dirty = false;
    const connections: ConnectionSummary[] = [];
    for (const id of this.dirtyConnections) {
      const record = this.connections.get(id);
      if (record) connections.push(snapshotConnection(record.summary));
    }
    const http: HttpExchange[] = [];
    for (const id of this.dirtyExchanges) {
      const exchange = this.exchanges.get(id);
      if (exchange) http.push({ ...exchange });
    }
    this.dirtyConnections.clear();
    this.dirtyExchanges.clear();
    return { type: 'capture', stats: this.stats(), connections, http };
  }
}
