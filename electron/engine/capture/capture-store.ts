// The capture: connections, HTTP exchanges and frames, and the only writer of them (issue 13).
// Everything that changes capture state is a named transition here (opened, classified, connected,
// upgraded, closing, failed, closed, frames appended, exchange updated, cleared, paused, budget);
// each one records a typed delta on the feed, so no caller has to remember to announce a change.
// Readers get read-only views. Frame ids never repeat for the life of the engine.
import type { CaptureBudget, CaptureStats, HttpBodySide, HttpExchange } from '../../../shared/model';
import { BodyBook } from './body-book';
import type { EventBus } from '../event-bus';
import { DEFAULT_CAPTURE_BUDGET, mergeBudget, placeFrame, segmentBytesFor } from './capture-budget';
import type { CaptureFeedListener } from './capture-feed';
import { FilterCache } from './frame-filter';
import { FrameTable, type FrameInput } from './frame-table';
import { nowMicros } from './clock';
import { ConnectionBook } from './connection-book';

export type { ConnectionRecord } from './connection-book';

/** Sees a frame as the store records it, with the id it got (CaptureStore.tap). */
export type FrameTap = (id: number, input: Readonly<FrameInput>) => void;

export interface CaptureStoreOptions {
  bus: EventBus;
  dataDir: string;
  budget?: Partial<CaptureBudget>;
}

export class CaptureStore extends ConnectionBook {
  readonly frames: FrameTable;
  readonly filters: FilterCache;
  /** HTTP bodies, beside the frames' payloads and under the same budget. */
  readonly bodies: BodyBook;
  private readonly exchangeMap = new Map<number, HttpExchange>();
  private pausedNow = false;
  private budgetNow: CaptureBudget;
  private fullNow = false;
  /** Frames that passed unrecorded, per connection, while paused / while full (whenFull = 'stop'). */
  private readonly passedPaused = new Map<number, number>();
  private readonly passedFull = new Map<number, number>();
  private droppedFrames = 0;
  private notRecordedFrames = 0;
  /** Nonzero while an import records whatever the pause says. */
  private forced = 0;
  /** Bumped by clear(): decoders holding frame ids from before may drop them. */
  generation = 0;
  private nextExchangeId = 1;
  private nextMessage = 1;
  private readonly removeCollector: () => void;
  private frameTap: FrameTap | null = null;

  constructor(options: CaptureStoreOptions) {
    super(() => options.bus.schedule());
    this.budgetNow = mergeBudget(DEFAULT_CAPTURE_BUDGET, options.budget ?? {});
    this.frames = new FrameTable(options.dataDir);
    this.frames.segmentBytes = segmentBytesFor(this.budgetNow);
    this.filters = new FilterCache(this.frames);
    this.bodies = new BodyBook(options.dataDir);
    this.removeCollector = options.bus.addCollector(() => this.feed.collect());
  }

  /** In-process subscribers (lab meter, CLI, crafter): the same deltas the renderer gets, as they are flushed. */
  subscribe(listener: CaptureFeedListener): () => void {
    return this.feed.subscribe(listener);
  }

  /**
   * One listener that sees each frame as it is recorded, its bytes still in hand; it must not throw.
   * `framescope capture --out` writes its file from here: reading every frame back out of the store
   * (the spill file) after the change feed cost the relay three times as much per frame
   * (`npm run bench -- relay`, capture --out against without).
   */
  tap(listener: FrameTap): () => void {
    if (this.frameTap !== null) throw new Error('The capture store has a frame tap already.');
    this.frameTap = listener;
    return () => {
      if (this.frameTap === listener) this.frameTap = null;
    };
  }

  get paused(): boolean {
    return this.pausedNow;
  }

  exchangeSnapshot(id: number): HttpExchange | null {
    const e = this.exchangeMap.get(id);
    return e === undefined ? null : { ...e };
  }

  get exchanges(): ReadonlyMap<number, Readonly<HttpExchange>> {
    return this.exchangeMap;
  }

  nextMessageId(): number {
    return this.nextMessage++;
  }

  // ── HTTP exchanges ───────────────────────────────────────────────────────────────────────────

  addExchange(init: Omit<HttpExchange, 'id'>): Readonly<HttpExchange> {
    const exchange: HttpExchange = { id: this.nextExchangeId++, ...init };
    this.exchangeMap.set(exchange.id, exchange);
    this.feed.exchange(exchange.id);
    return exchange;
  }

  /** Changes an exchange (status, heads, body sizes, end); a cleared one is left alone. */
  updateExchange(exchange: Readonly<HttpExchange>, change: Partial<Omit<HttpExchange, 'id' | 'connectionId'>>): void {
    const current = this.exchangeMap.get(exchange.id);
    if (current !== exchange) return;
    Object.assign(current, change);
    this.feed.exchange(current.id);
  }

  /**
   * Body bytes of an exchange went by (relayed as they were): counted always, kept while the budget
   * has room (memory below its top quarter, then disk), from the start with no hole.
   */
  appendBody(exchange: Readonly<HttpExchange>, side: HttpBodySide, bytes: Uint8Array): void {
    const current = this.exchangeMap.get(exchange.id);
    if (current !== exchange || bytes.length === 0) return;
    const memory = this.frames.memoryBytes + this.bodies.memoryBytes;
    const disk = this.frames.diskBytes + this.bodies.diskBytes;
    const growth = this.bodies.growthFor(bytes.length);
    const b = this.budgetNow;
    const place =
      this.pausedNow && this.forced === 0
        ? 'full'
        : memory + growth.memory <= b.memoryBytes * 0.75
          ? 'memory'
          : disk + bytes.length <= b.diskBytes && memory + growth.spill <= b.memoryBytes
            ? 'disk'
            : 'full';
    this.bodies.append(current.id, side, bytes, place);
    const kept = this.bodies.size(current.id, side).kept;
    if (side === 'request') current.requestBodyKept = kept;
    else current.responseBodyKept = kept;
    this.feed.exchange(current.id);
  }

  // ── frames ───────────────────────────────────────────────────────────────────────────────────

  /**
   * A frame went by: the connection's counters count it always; the capture records it unless
   * paused or full. Returns its id, or -1 when it was not recorded.
   */
  addFrame(input: FrameInput): number {
    this.countFrame(input.connectionId, input.from, input.messageEnd, input.violations.length);
    if (this.pausedNow && this.forced === 0) return this.pass(this.passedPaused, input.connectionId);
    if (this.fullNow && this.budgetNow.whenFull === 'stop') return this.passFull(input.connectionId);
    for (;;) {
      const place = placeFrame(this.frames.plan(input), this.frames.memoryBytes + this.bodies.memoryBytes, this.frames.diskBytes + this.bodies.diskBytes, this.budgetNow);
      if (place !== 'full') return this.recorded(input, this.frames.add(input, place));
      // Larger than the whole budget: keep its header and first bytes (its true length stays).
      if (this.frames.count === 0) return this.recorded(input, this.frames.add(input, 'none'));
      this.becomeFull();
      if (this.budgetNow.whenFull === 'stop') return this.passFull(input.connectionId);
      const before = this.frames.frames;
      const firstKept = this.frames.dropOldest();
      this.droppedFrames += before - this.frames.frames;
      this.filters.dropBelow(firstKept);
      this.feed.dropped(firstKept);
    }
  }

  private recorded(input: FrameInput, id: number): number {
    this.feed.frame(input.connectionId, id);
    this.frameTap?.(id, input);
    return id;
  }

  /** Runs `record` with recording on whatever the pause says (an import is the user's own act). */
  recordAnyway<T>(record: () => T): T {
    this.forced++;
    try {
      return record();
    } finally {
      this.forced--;
    }
  }

  setPaused(paused: boolean): void {
    if (this.pausedNow === paused) return;
    this.pausedNow = paused;
    const passed = paused ? 0 : this.addGaps(this.passedPaused, 'paused');
    this.feed.recording(paused, passed);
  }

  get budget(): CaptureBudget {
    return { ...this.budgetNow };
  }

  /** A new budget; a full capture records again if the new one has room. */
  setBudget(change: Partial<CaptureBudget>): CaptureStats {
    this.budgetNow = mergeBudget(this.budgetNow, change);
    this.frames.segmentBytes = segmentBytesFor(this.budgetNow);
    if (this.fullNow && this.frames.memoryBytes < this.budgetNow.memoryBytes && this.frames.diskBytes <= this.budgetNow.diskBytes) {
      this.fullNow = false;
      this.addGaps(this.passedFull, 'full');
    }
    this.feed.statsChanged();
    return this.stats();
  }

  stats(): CaptureStats {
    return {
      connections: this.connections.size,
      frames: this.frames.frames,
      httpExchanges: this.exchangeMap.size,
      memoryBytes: this.frames.memoryBytes + this.bodies.memoryBytes,
      spilledBytes: this.frames.diskBytes + this.bodies.diskBytes,
      paused: this.pausedNow,
      budget: this.budget,
      full: this.fullNow,
      droppedFrames: this.droppedFrames,
      notRecordedFrames: this.notRecordedFrames,
      firstFrameId: this.frames.firstId,
      nextFrameId: this.frames.nextId,
    };
  }

  /** Drops frames, exchanges and finished connections; live connections stay (they are still relaying). Ids go on. */
  clear(): void {
    this.frames.clear();
    this.filters.clear();
    this.exchangeMap.clear();
    this.bodies.clear();
    this.passedFull.clear();
    this.fullNow = false;
    this.droppedFrames = 0;
    this.notRecordedFrames = 0;
    this.generation++;
    this.feed.cleared(this.frames.nextId);
    this.forgetFinished();
  }

  close(): void {
    this.removeCollector();
    this.feed.close();
    this.frames.clear();
    this.bodies.clear();
  }

  private becomeFull(): void {
    if (this.fullNow) return;
    this.fullNow = true;
    this.feed.statsChanged();
  }

  private pass(map: Map<number, number>, connectionId: number): number {
    map.set(connectionId, (map.get(connectionId) ?? 0) + 1);
    return -1;
  }

  private passFull(connectionId: number): number {
    this.notRecordedFrames++;
    this.feed.statsChanged();
    return this.pass(this.passedFull, connectionId);
  }

  /** One gap row per connection that had frames pass; returns how many passed in all. */
  private addGaps(map: Map<number, number>, reason: 'paused' | 'full'): number {
    let passed = 0;
    const time = nowMicros();
    for (const [connectionId, frames] of map) {
      passed += frames;
      this.feed.frame(connectionId, this.frames.addGap(connectionId, frames, reason, time));
    }
    map.clear();
    return passed;
  }
}

