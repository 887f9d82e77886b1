// A small LRU of pages of frame rows. Entries are keyed by filter and page, and remember the
// capture version they were fetched at: a stale page is still drawn (no blank rows, no layout
// jump) while its fresh copy is on the way. The table never holds more than `capacity` pages.
import type { FrameSummary } from '../../../../../shared/model';

export const PAGE_SIZE = 256;

export interface CachedPage {
  rows: FrameSummary[];
  version: number;
}

export class FramePageCache {
  private readonly pages = new Map<string, CachedPage>();

  constructor(readonly capacity = 24) {}

  get size(): number {
    return this.pages.size;
  }

  /** Looks a page up and marks it recently used. */
  get(filterKey: string, page: number): CachedPage | undefined {
    const key = `${filterKey}#${page}`;
    const hit = this.pages.get(key);
    if (hit) {
      this.pages.delete(key);
      this.pages.set(key, hit);
    }
    return hit;
  }

  set(filterKey: string, page: number, version: number, rows: FrameSummary[]): void {
    const key = `${filterKey}#${page}`;
    const old = this.pages.get(key);
    // A slow answer for an older version must not replace a newer one.
    if (old && old.version > version) return;
    this.pages.delete(key);
    this.pages.set(key, { rows, version });
    while (this.pages.size > this.capacity) {
      const oldest = this.pages.keys().next().value as string;
      this.pages.delete(oldest);
    }
  }

  /** The row at a position of a filter's result, if its page is cached (stale or not). */
  row(filterKey: string, index: number): FrameSummary | undefined {
    const page = this.pages.get(`${filterKey}#${Math.floor(index / PAGE_SIZE)}`);
    return page?.rows[index % PAGE_SIZE];
  }

  clear(): void {
    this.pages.clear();
  }
}

/** Pages covering rows [first, last] (inclusive); page 0 when nothing is known yet. */
export function pagesFor(first: number, last: number): number[] {
  const a = Math.max(0, Math.floor(first / PAGE_SIZE));
  const b = Math.max(a, Math.floor(Math.max(first, last) / PAGE_SIZE));
  const out: number[] = [];
  for (let p = a; p <= b; p++) out.push(p);
  return out;
}
