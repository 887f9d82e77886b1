// When a window holds more frames than the timeline can draw as arrows, it draws density ticks:
// how many frames each direction sent per slice of time. Exact when the rows were fetched,
// estimated from evenly spaced samples when even fetching them would be too much.
import type { Peer } from '../../../../shared/model';
import type { Viewport } from './time-scale';

export interface DensityBucket {
  start: number;
  end: number;
  client: number;
  server: number;
}

interface TimedRow {
  time: number;
  from: Peer;
}

function emptyBuckets(v: Viewport, count: number): DensityBucket[] {
  const width = (v.end - v.start) / count;
  return Array.from({ length: count }, (_, k) => ({ start: v.start + k * width, end: v.start + (k + 1) * width, client: 0, server: 0 }));
}

function bucketOf(v: Viewport, count: number, time: number): number {
  return Math.min(count - 1, Math.max(0, Math.floor(((time - v.start) / (v.end - v.start)) * count)));
}

/** Exact counts per bucket from the rows themselves. */
export function binRows(rows: readonly TimedRow[], v: Viewport, count: number): DensityBucket[] {
  const buckets = emptyBuckets(v, count);
  for (const row of rows) {
    if (row.time < v.start || row.time > v.end) continue;
    buckets[bucketOf(v, count, row.time)]![row.from]++;
  }
  return buckets;
}

export interface Sample extends TimedRow {
  /** Position of the sampled row in the filtered sequence. */
  index: number;
}

/**
 * Counts estimated from samples taken at evenly spaced positions between `lo` and `hi` (the rows
 * in the window). Times never decrease along the sequence, so the position of any instant can be
 * interpolated between two samples; a bucket's count is the difference of its edges' positions.
 */
export function estimateDensity(samples: readonly Sample[], lo: number, hi: number, v: Viewport, count: number): DensityBucket[] {
  const buckets = emptyBuckets(v, count);
  if (samples.length === 0 || hi <= lo) return buckets;
  const sorted = [...samples].sort((a, b) => a.index - b.index);
  const positionAt = (t: number): number => {
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    if (t <= first.time) return lo;
    if (t >= last.time) return hi;
    let a = 0;
    let b = sorted.length - 1;
    while (b - a > 1) {
      const m = (a + b) >> 1;
      if (sorted[m]!.time <= t) a = m;
      else b = m;
    }
    const p = sorted[a]!;
    const q = sorted[b]!;
    const dt = q.time - p.time;
    return p.index + (dt > 0 ? ((t - p.time) / dt) * (q.index - p.index) : 0);
  };
  const edges = buckets.map((bucket) => positionAt(bucket.start));
  edges.push(positionAt(v.end));
  const clientShare = sharePerBucket(sorted, v, count);
  buckets.forEach((bucket, k) => {
    const n = Math.max(0, edges[k + 1]! - edges[k]!);
    bucket.client = n * clientShare[k]!;
    bucket.server = n - bucket.client;
  });
  return buckets;
}

/** Fraction of client frames per bucket, from the samples in it (or the nearest ones). */
function sharePerBucket(sorted: readonly Sample[], v: Viewport, count: number): number[] {
  const seen = binRows(sorted, v, count);
  const share: number[] = new Array<number>(count).fill(NaN);
  seen.forEach((b, k) => {
    if (b.client + b.server > 0) share[k] = b.client / (b.client + b.server);
  });
  // Fill gaps from the nearest bucket that has samples, so direction colours do not vanish.
  const fill = (order: number[]): void => {
    let last = NaN;
    for (const k of order) {
      if (Number.isNaN(share[k])) share[k] = last;
      else last = share[k]!;
    }
  };
  const forward = share.map((_, k) => k);
  fill(forward);
  fill(forward.reverse());
  return share.map((s) => (Number.isNaN(s) ? 0.5 : s));
}
