// The lanes' shared time axis: engine-clock µs to pixels, and tick marks at round intervals.

export interface TimeWindow {
  from: number;
  to: number;
}

export function xOf(w: TimeWindow, width: number, t: number): number {
  return ((t - w.from) / Math.max(1, w.to - w.from)) * width;
}

const STEPS_US = [1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 3e7, 6e7];

/** Ticks every 0.1 s … 60 s so that about `target` of them fit; times relative to `origin`. */
export function ticks(w: TimeWindow, origin: number, target = 8): Array<{ t: number; label: string }> {
  const span = w.to - w.from;
  const step = STEPS_US.find((s) => span / s <= target) ?? STEPS_US[STEPS_US.length - 1]!;
  const out: Array<{ t: number; label: string }> = [];
  const first = Math.ceil((w.from - origin) / step) * step + origin;
  for (let t = first; t <= w.to; t += step) {
    const s = (t - origin) / 1e6;
    out.push({ t, label: `${step < 1e6 ? s.toFixed(1) : Math.round(s)} s` });
  }
  return out;
}

/** The window to show: following live (ending now) or scrubbed to `end`. */
export function windowFor(end: number | null, liveNow: number | null, seconds: number, first: number | null): TimeWindow | null {
  const to = end ?? liveNow;
  if (to === null) return null;
  const from = to - seconds * 1e6;
  // Early in a run, keep the start on the left edge instead of empty space before it.
  if (end === null && first !== null && from < first) return { from: first, to: first + seconds * 1e6 };
  return { from, to };
}
