// The one change feed (issue 13): the capture store records what changed as typed deltas, in
// order, and hands them out once per bus flush (~30 a second) as CaptureDeltaEvents. Repeats are
// folded: a connection or an exchange changed ten times goes out once with its latest state, and
// frames appended one after another to a connection go out as one id range. A large batch is cut
// into pages (MAX_DELTAS_PER_EVENT deltas, about MAX_EVENT_BYTES) so no message grows without bound.
import { MAX_DELTAS_PER_EVENT, MAX_EVENT_BYTES, type CaptureDelta, type CaptureDeltaEvent } from '../../../shared/api/capture';
import type { CaptureStats, ConnectionSummary, HttpExchange } from '../../../shared/model';

export type CaptureFeedListener = (event: CaptureDeltaEvent) => void;

/** Snapshots taken at flush time, so a delta carries the latest state, not the first. */
export interface FeedSource {
  snapshot(id: number): ConnectionSummary | null;
  exchangeSnapshot(id: number): HttpExchange | null;
  stats(): CaptureStats;
}

type Pending =
  | { type: 'connection-ref'; id: number }
  | { type: 'exchange-ref'; id: number }
  | Extract<CaptureDelta, { type: 'frames' | 'cleared' | 'recording' | 'dropped' }>;

export class CaptureFeed {
  private pending: Pending[] = [];
  /** Coalescing: where each id's pending entry sits (reset at every barrier). */
  private readonly connectionAt = new Map<number, number>();
  private readonly exchangeAt = new Map<number, number>();
  private readonly framesAt = new Map<number, number>();
  private version = 0;
  private changed = false;
  private readonly listeners = new Set<CaptureFeedListener>();

  constructor(
    private readonly source: FeedSource,
    /** Asks the bus for a flush soon. */
    private readonly wake: () => void,
  ) {}

  subscribe(listener: CaptureFeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connection(id: number): void {
    if (this.connectionAt.has(id)) return this.touched();
    this.connectionAt.set(id, this.pending.length);
    this.pending.push({ type: 'connection-ref', id });
    this.touched();
  }

  exchange(id: number): void {
    if (this.exchangeAt.has(id)) return this.touched();
    this.exchangeAt.set(id, this.pending.length);
    this.pending.push({ type: 'exchange-ref', id });
    this.touched();
  }

  frame(connectionId: number, id: number): void {
    const at = this.framesAt.get(connectionId);
    const entry = at === undefined ? undefined : this.pending[at];
    if (entry !== undefined && entry.type === 'frames') {
      entry.lastId = id;
      entry.count++;
      return this.touched();
    }
    this.framesAt.set(connectionId, this.pending.length);
    this.pending.push({ type: 'frames', connectionId, firstId: id, lastId: id, count: 1 });
    this.touched();
  }

  /** Clear: what was pending is moot; the deltas after this one describe what survived. */
  cleared(nextFrameId: number): void {
    this.pending = [{ type: 'cleared', nextFrameId }];
    this.barrier();
  }

  recording(paused: boolean, passed: number): void {
    this.pending.push({ type: 'recording', paused, passed });
    this.barrier();
  }

  dropped(firstKeptId: number): void {
    this.pending.push({ type: 'dropped', firstKeptId });
    this.barrier();
  }

  /** Stats changed (budget, full, sizes) with nothing else to say. */
  statsChanged(): void {
    this.touched();
  }

  /** The pages of this batch, also handed to in-process subscribers; empty when nothing changed. */
  collect(): CaptureDeltaEvent[] {
    if (!this.changed) return [];
    const deltas: CaptureDelta[] = [];
    for (const p of this.pending) {
      if (p.type === 'connection-ref') {
        const connection = this.source.snapshot(p.id);
        if (connection !== null) deltas.push({ type: 'connection', connection });
      } else if (p.type === 'exchange-ref') {
        const exchange = this.source.exchangeSnapshot(p.id);
        if (exchange !== null) deltas.push({ type: 'exchange', exchange });
      } else deltas.push(p);
    }
    deltas.push({ type: 'stats', stats: this.source.stats() });
    this.pending = [];
    this.barrier();
    this.changed = false;
    const version = ++this.version;
    const events = paginate(deltas).map((page): CaptureDeltaEvent => ({ type: 'capture-deltas', version, deltas: page }));
    for (const listener of this.listeners) {
      for (const event of events) {
        try {
          listener(event);
        } catch {
          // A subscriber's failure is its own: the capture and the other subscribers go on.
        }
      }
    }
    return events;
  }

  close(): void {
    this.listeners.clear();
    this.pending = [];
  }

  private barrier(): void {
    this.connectionAt.clear();
    this.exchangeAt.clear();
    this.framesAt.clear();
    this.touched();
  }

  private touched(): void {
    if (this.changed) return;
    this.changed = true;
    this.wake();
  }
}

/** Rough wire size of a delta: exchanges carry their heads, the rest is small. */
function deltaBytes(d: CaptureDelta): number {
  if (d.type === 'exchange') return 256 + d.exchange.requestHead.length + (d.exchange.responseHead?.length ?? 0);
  if (d.type === 'connection') return 512 + d.connection.url.length + (d.connection.error?.length ?? 0) + (d.connection.closeReason?.length ?? 0);
  return 96;
}

function paginate(deltas: CaptureDelta[]): CaptureDelta[][] {
  const pages: CaptureDelta[][] = [];
  let page: CaptureDelta[] = [];
  let bytes = 0;
  for (const d of deltas) {
    const size = deltaBytes(d);
    if (page.length > 0 && (page.length >= MAX_DELTAS_PER_EVENT || bytes + size > MAX_EVENT_BYTES)) {
      pages.push(page);
      page = [];
      bytes = 0;
    }
    page.push(d);
    bytes += size;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
