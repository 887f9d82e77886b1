import type { LabHistogram, LabLatency } from '../../../shared/api';

/** Nearest-rank percentile of ascending values (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function latencySummary(valuesMs: number[]): LabLatency | null {
  if (valuesMs.length === 0) return null;
  const sorted = [...valuesMs].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, mean, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[n - 1]!, sd };
}

/** `bins` equal bins of binMs from 0, plus one for everything beyond. */
export function histogram(valuesMs: number[], binMs: number, bins: number): LabHistogram {
  const counts = new Array<number>(bins + 1).fill(0);
  for (const v of valuesMs) counts[Math.min(bins, Math.max(0, Math.floor(v / binMs)))]!++;
  return { binMs, counts };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  return percentile([...values].sort((a, b) => a - b), 50);
}
