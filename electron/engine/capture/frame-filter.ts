// Frame filters, evaluated once per frame: each distinct filter keeps the sorted list of matching
// frame ids and only scans frames added since its last use, so paging through a million rows (or
// locating a frame) costs a slice or a binary search, not a rescan. Over ten million frames even a
// field filter is a long scan, and text filters match whole payloads (payload-search.ts): a
// progressive query scans for a few milliseconds and answers with the rows found so far; the rest
// runs in slices that yield to the event loop, with progress reported through `onProgress` and a
// cancel (the contract's cancelSearch).
import type { SearchApi, SearchProgressEvent } from '../../../shared/api/search';
import type { FrameFilter } from '../../../shared/model';
import { IndexList } from './columns';
import { R_FROM_SERVER, R_GAP, type FrameTable } from './frame-table';
import type { PayloadStore } from './payload-reader';
import { PayloadMatch, textQuery, type TextQuery } from './payload-search';
import { TimeSlice } from './time-slice';

const MAX_CACHED_FILTERS = 8;
/** Scanning a query may do before it answers with a partial result. */
const QUERY_SCAN_MS = 15;
const PROGRESS_INTERVAL_MS = 100;

interface CachedFilter {
  filter: FrameFilter;
  fields: (id: number) => boolean;
  text: TextQuery | null;
  list: IndexList;
  /** The next id to examine. */
  scanned: number;
  /** A payload match under way for frame `scanned` (a large message spans slices). */
  pending: PayloadMatch | null;
  running: boolean;
  cancelled: boolean;
  /** Ids the current run covers (the progress counts from `base` to `total`). */
  base: number;
  total: number;
  reported: number;
}

/** Rows of a filter: null means "every row" (row i is frame firstId + i). */
export type FilterRows = IndexList | null;

export function isEmptyFilter(filter: FrameFilter | undefined): boolean {
  if (filter === undefined) return true;
  return (
    (filter.connectionId ?? null) === null &&
    (filter.from ?? null) === null &&
    (filter.opcodes ?? []).length === 0 &&
    (filter.text ?? '') === '' &&
    !filter.violationsOnly
  );
}

export class FilterCache implements SearchApi {
  private readonly cache = new Map<string, CachedFilter>();
  private readonly source: PayloadStore;
  /** Where progress goes (the engine wires it to the event bus). */
  onProgress: ((event: SearchProgressEvent) => void) | null = null;
  /** How long a progressive query scans before answering (a test sets 0 to see the slices). */
  queryScanMs = QUERY_SCAN_MS;

  constructor(private readonly table: FrameTable) {
    this.source = { frames: table };
  }

  /**
   * The rows of a filter. A progressive read (the inspector's table, over any size of capture)
   * answers after a few milliseconds with the rows found so far and goes on in slices that yield
   * to the event loop, with progress and a cancel; the table re-reads on progress. A complete read
   * (the timeline, locating a fragment's message, the lab's meter) gets every row, finishing any
   * scan under way. Text filters read payloads, so they are always progressive.
   */
  rows(filter: FrameFilter | undefined, options: { progressive?: boolean } = {}): FilterRows {
    if (isEmptyFilter(filter)) return null;
    const f = filter as FrameFilter;
    const key = JSON.stringify([f.connectionId ?? null, f.from ?? null, [...(f.opcodes ?? [])].sort(), f.text ?? '', !!f.regex, !!f.violationsOnly]);
    let entry = this.cache.get(key);
    if (entry === undefined) {
      entry = { filter: { ...f }, fields: this.compile(f), text: textQuery(f), list: new IndexList(), scanned: this.table.firstId, pending: null, running: false, cancelled: false, base: 0, total: 0, reported: 0 };
      if (this.cache.size >= MAX_CACHED_FILTERS) this.cache.delete(this.cache.keys().next().value as string);
    } else {
      this.cache.delete(key); // re-inserted below: the map's order is least recently used first
    }
    this.cache.set(key, entry);
    const progressive = entry.text !== null || options.progressive === true;
    if (!progressive) {
      if (entry.scanned < this.table.nextId) {
        // A scan cancelled or under way is finished here; a running slice loop then finds it done.
        entry.cancelled = false;
        if (!entry.running) entry.base = Math.max(entry.scanned, this.table.firstId);
        entry.total = this.table.nextId;
        this.scan(entry, () => false);
      }
      return entry.list;
    }
    if (!entry.running && !entry.cancelled && entry.scanned < this.table.nextId) {
      entry.base = Math.max(entry.scanned, this.table.firstId);
      entry.total = this.table.nextId;
      const deadline = performance.now() + this.queryScanMs;
      this.scan(entry, () => performance.now() >= deadline);
      if (entry.scanned < this.table.nextId) void this.continueScan(entry);
    }
    return entry.list;
  }

  /** Stops every running scan; what was found stays (a partial result, reported as cancelled). */
  async cancelSearch(): Promise<void> {
    for (const entry of this.cache.values()) {
      if (!entry.running) continue;
      entry.cancelled = true;
      entry.running = false;
      entry.pending = null;
      this.report(entry, true);
    }
  }

  /** The oldest frames were dropped: forget them in every cached list (a scan goes on from firstId). */
  dropBelow(firstId: number): void {
    for (const entry of this.cache.values()) entry.list.dropBelow(firstId);
  }

  clear(): void {
    for (const entry of this.cache.values()) entry.running = false;
    this.cache.clear();
  }

  /** Scans until done or `stop()` says the slice is over. */
  private scan(entry: CachedFilter, stop: () => boolean): void {
    const end = this.table.nextId;
    if (entry.scanned < this.table.firstId) {
      // Dropped under the scan (a full capture dropping its oldest): go on from what is left.
      entry.scanned = this.table.firstId;
      entry.pending = null;
    }
    let n = 0;
    while (entry.scanned < end) {
      const id = entry.scanned;
      let verdict: boolean | null;
      if (entry.pending !== null) verdict = entry.pending.step();
      else if (!entry.fields(id)) verdict = false;
      else if (entry.text === null) verdict = true;
      else {
        const match = PayloadMatch.of(this.source, entry.text, id);
        verdict = match === null ? false : match.step();
        if (verdict === null) entry.pending = match;
      }
      if (verdict !== null) {
        entry.pending = null;
        if (verdict) entry.list.push(id);
        entry.scanned = id + 1;
      }
      // The clock is read every 256 frames, and after every piece of a large payload.
      if ((verdict === null || (++n & 255) === 0) && stop()) return;
    }
  }

  private async continueScan(entry: CachedFilter): Promise<void> {
    entry.running = true;
    const slice = new TimeSlice();
    this.report(entry, false);
    try {
      while (entry.running && this.cache.has(this.keyOf(entry))) {
        const until = performance.now() + 12;
        this.scan(entry, () => performance.now() >= until);
        if (entry.scanned >= this.table.nextId) break;
        if (performance.now() - entry.reported >= PROGRESS_INTERVAL_MS) this.report(entry, false);
        await slice.yield();
      }
    } catch {
      // The store went away under the scan (the engine is closing): nothing is left to search.
      entry.cancelled = true;
    }
    if (!entry.running) return; // cancelled or cleared: already reported
    entry.running = false;
    this.report(entry, true);
  }

  private keyOf(entry: CachedFilter): string {
    for (const [key, e] of this.cache) if (e === entry) return key;
    return '';
  }

  private report(entry: CachedFilter, done: boolean): void {
    entry.reported = performance.now();
    this.onProgress?.({
      type: 'search-progress',
      filter: entry.filter,
      scanned: Math.max(0, Math.min(entry.scanned, entry.total) - entry.base),
      total: Math.max(entry.total, entry.scanned) - entry.base,
      matches: entry.list.length,
      done,
      cancelled: entry.cancelled,
    });
  }

  private compile(f: FrameFilter): (id: number) => boolean {
    const t = this.table;
    const connectionId = f.connectionId ?? null;
    const fromServer = f.from === 'server' ? true : f.from === 'client' ? false : null;
    const opcodes = new Set(f.opcodes ?? []);
    const violationsOnly = !!f.violationsOnly;
    const plain = opcodes.size === 0 && !violationsOnly && (f.text ?? '') === '';
    return (id) => {
      if (connectionId !== null && t.connection(id) !== connectionId) return false;
      const flags = t.rowFlags(id);
      // A gap row shows wherever its connection's frames are shown unfiltered.
      if ((flags & R_GAP) !== 0) return plain;
      if (fromServer !== null && ((flags & R_FROM_SERVER) !== 0) !== fromServer) return false;
      if (opcodes.size > 0 && !opcodes.has(t.opcode(id))) return false;
      if (violationsOnly && t.violations(id).length === 0) return false;
      return true;
    };
  }
}
