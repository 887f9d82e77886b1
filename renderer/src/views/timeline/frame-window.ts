// Loads what the timeline draws for a window of time without reading the whole capture: the
// engine pages frames by position, not by time, so the window's edges are found by binary search
// over positions (times never decrease along a filtered sequence: frames are appended as the
// proxy sees them). Rows never change once captured, so every probe is cached.
import type { FramePage, FrameSummary } from '../../../../shared/model';
import { binRows, estimateDensity, type DensityBucket, type Sample } from './density';
import type { Viewport } from './time-scale';

/** Reads `count` rows of one filtered sequence from position `start` (queryFrames with a filter). */
export type PageSource = (start: number, count: number) => Promise<FramePage>;

const PAGE_SIZE = 500;
/** Rows probed per round of a search, and the range below which the rest is read as one page. */
const PROBES = 15;
const LAST_PAGE = 64;
/** Cached rows per sequence before the cache starts over (~200 bytes each). */
const CACHE_LIMIT = 50_000;

export class FrameSequence {
  private readonly rows = new Map<number, FrameSummary>();
  total = 0;

  constructor(private readonly source: PageSource) {}

  /** Learns the current length (live captures grow) and returns it. */
  async refresh(): Promise<number> {
    const page = await this.source(0, 1);
    this.total = page.total;
    this.remember(page);
    return this.total;
  }

  async at(index: number): Promise<FrameSummary> {
    const hit = this.rows.get(index);
    if (hit) return hit;
    const page = await this.source(index, 1);
    this.remember(page);
    const row = page.rows[0];
    if (!row) throw new Error(`The capture has no frame at position ${index} any more.`);
    return row;
  }

  /**
   * The first position in [lo, hi) whose time is at least `time` (hi when there is none). Each
   * round asks for PROBES rows at once (one round trip, not PROBES), cutting the range 16-fold,
   * so a million rows take five rounds; the last few dozen rows come as one page.
   */
  async lowerBound(time: number, lo = 0, hi = this.total): Promise<number> {
    while (hi - lo > LAST_PAGE) {
      const width = hi - lo;
      const positions = Array.from({ length: PROBES }, (_, j) => lo + Math.floor(((j + 1) * width) / (PROBES + 1)));
      const rows = await Promise.all(positions.map((p) => this.at(p)));
      let nextLo = lo;
      let nextHi = hi;
      for (let j = 0; j < PROBES; j++) {
        if (rows[j]!.time < time) {
          nextLo = positions[j]! + 1;
        } else {
          nextHi = positions[j]!;
          break;
        }
      }
      lo = nextLo;
      hi = nextHi;
    }
    const rows = await this.range(lo, hi);
    const k = rows.findIndex((row) => row.time >= time);
    return k < 0 ? hi : lo + k;
  }

  /** Rows at positions [lo, hi), fetched in pages, missing ones only. */
  async range(lo: number, hi: number): Promise<FrameSummary[]> {
    const pages: Promise<void>[] = [];
    for (let start = lo; start < hi; start += PAGE_SIZE) {
      const end = Math.min(hi, start + PAGE_SIZE);
      let missing = false;
      for (let i = start; i < end && !missing; i++) missing = !this.rows.has(i);
      if (missing) pages.push(this.source(start, end - start).then((page) => this.remember(page)));
    }
    await Promise.all(pages);
    const out: FrameSummary[] = [];
    for (let i = lo; i < hi; i++) {
      const row = this.rows.get(i);
      if (row) out.push(row);
    }
    return out;
  }

  private remember(page: FramePage): void {
    if (this.rows.size + page.rows.length > CACHE_LIMIT) this.rows.clear();
    page.rows.forEach((row, k) => this.rows.set(page.start + k, row));
  }
}

export interface WindowLimits {
  /** At most this many arrows; above it the window is drawn as density ticks. */
  arrowCap: number;
  /** Up to this many rows are fetched to count density exactly; above it, sampled. */
  exactCap: number;
  samples: number;
  buckets: number;
  /**
   * Frames closer together than this (µs) cannot be told apart by zooming: the proxy stamps every
   * frame of one TCP read with the same time. Callers pass a couple of pixels' worth of time.
   */
  burstUs: number;
}

export const DEFAULT_LIMITS: WindowLimits = { arrowCap: 400, exactCap: 5000, samples: 96, buckets: 120, burstUs: 0 };

export interface FrameWindow {
  /** Rows of the whole sequence, and the positions [lo, hi) inside the window. */
  total: number;
  lo: number;
  hi: number;
  /** Every row in the window, or null when there are too many to draw. */
  arrows: FrameSummary[] | null;
  density: DensityBucket[] | null;
  /** Density counts are estimates (sampled), not exact. */
  approximate: boolean;
  /**
   * More than arrowCap frames within burstUs: `arrows` holds the first arrowCap of them, to be
   * drawn in order rather than to scale, since no zoom level would separate them.
   */
  burst: boolean;
  /** The sequence's last row (for "fit" and for following a live capture). */
  last: FrameSummary | null;
}

export async function loadWindow(seq: FrameSequence, v: Viewport, limits: WindowLimits = DEFAULT_LIMITS): Promise<FrameWindow> {
  const total = await seq.refresh();
  const base = { total, arrows: null, density: null, approximate: false, burst: false };
  if (total === 0) return { ...base, lo: 0, hi: 0, last: null, arrows: [] };
  const [lo, hi, last] = await Promise.all([seq.lowerBound(v.start), seq.lowerBound(v.end), seq.at(total - 1)]);
  const n = hi - lo;
  if (n <= limits.arrowCap) return { ...base, lo, hi, last, arrows: await seq.range(lo, hi) };
  const [first, final] = await Promise.all([seq.at(lo), seq.at(hi - 1)]);
  if (final.time - first.time <= limits.burstUs) {
    return { ...base, lo, hi, last, arrows: await seq.range(lo, lo + limits.arrowCap), burst: true };
  }
  if (n <= limits.exactCap) {
    return { ...base, lo, hi, last, density: binRows(await seq.range(lo, hi), v, limits.buckets) };
  }
  const count = Math.min(limits.samples, n);
  const positions = Array.from({ length: count }, (_, j) => lo + Math.round((j * (n - 1)) / Math.max(1, count - 1)));
  const rows = await Promise.all(positions.map((p) => seq.at(p)));
  const samples: Sample[] = rows.map((row, j) => ({ index: positions[j]!, time: row.time, from: row.from }));
  return { ...base, lo, hi, last, density: estimateDensity(samples, lo, hi, v, limits.buckets), approximate: true };
}
