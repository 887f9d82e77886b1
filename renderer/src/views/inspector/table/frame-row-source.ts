// Pages frame rows from the engine for the table: only the pages in view, each fetched at most
// once per capture version, answers for an old filter or version never overwrite newer ones.
// When the filter changes, the rows of the old one stay on screen until the first page of the
// new one arrives: the table never flashes empty while the engine filters a million rows.
import type { FrameQuery } from '../../../../../shared/api';
import type { FrameFilter, FramePage, FrameSummary } from '../../../../../shared/model';
import { FramePageCache, PAGE_SIZE, pagesFor } from './frame-page-cache';

export type FetchPage = (query: FrameQuery) => Promise<FramePage>;

export class FrameRowSource {
  private readonly cache = new FramePageCache();
  /** `key#page` → capture version of the request in flight. */
  private readonly inflight = new Map<string, number>();
  /** `key#page` → capture version whose request failed: not retried until the capture changes. */
  private readonly failed = new Map<string, number>();
  private filter: FrameFilter = {};
  /** The filter asked for, and the one whose rows are on screen (they differ while loading). */
  private key: string | null = null;
  private shownKey: string | null = null;
  private totalVersion = -1;
  /** Rows matching the filter on screen; null until its first page arrived. */
  total: number | null = null;
  error: string | null = null;

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly onChange: () => void,
  ) {}

  setFilter(filter: FrameFilter, key: string): void {
    if (key === this.key) return;
    this.filter = filter;
    this.key = key;
    this.error = null;
    this.failed.clear();
  }

  /** True while the rows on screen belong to a previous filter. */
  get pending(): boolean {
    return this.key !== this.shownKey;
  }

  /** Forget everything (the capture was cleared). */
  reset(): void {
    this.cache.clear();
    this.failed.clear();
    this.total = null;
    this.shownKey = null;
    this.totalVersion = -1;
  }

  rowAt(index: number): FrameSummary | undefined {
    return this.shownKey === null ? undefined : this.cache.row(this.shownKey, index);
  }

  /** Asks for the pages holding rows [first, last] as of `version`; already-fresh pages are skipped. */
  want(first: number, last: number, version: number): void {
    for (const page of pagesFor(first, last)) void this.load(page, version);
  }

  /** The row at `index`, fetching its page if needed (keyboard navigation beyond the view). */
  async ensure(index: number, version: number): Promise<FrameSummary | undefined> {
    const page = Math.floor(index / PAGE_SIZE);
    if (this.key !== null && this.cache.get(this.key, page) === undefined) await this.load(page, version);
    return this.rowAt(index);
  }

  private async load(page: number, version: number): Promise<void> {
    const key = this.key;
    if (key === null) return;
    const cached = this.cache.get(key, page);
    if (cached && cached.version >= version) return;
    const flightKey = `${key}#${page}`;
    if ((this.inflight.get(flightKey) ?? -1) >= version || (this.failed.get(flightKey) ?? -1) >= version) return;
    this.inflight.set(flightKey, version);
    try {
      const result = await this.fetchPage({ filter: this.filter, start: page * PAGE_SIZE, count: PAGE_SIZE });
      this.cache.set(key, page, version, result.rows);
      if (key === this.key && (key !== this.shownKey || version >= this.totalVersion)) {
        this.shownKey = key;
        this.total = result.total;
        this.totalVersion = version;
        this.error = null;
      }
    } catch (err) {
      this.failed.set(flightKey, version);
      if (key === this.key) this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (this.inflight.get(flightKey) === version) this.inflight.delete(flightKey);
    }
    this.onChange();
  }
}
