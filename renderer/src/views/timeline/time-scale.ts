// The timeline's time axis, as pure functions: a viewport is a window of capture time in µs
// (the model's unit, see shared/model.ts); zoom keeps the instant under the cursor fixed, and
// ticks fall on 1-2-5 steps labelled in the unit that fits them (µs, ms, s, min).

export interface Viewport {
  /** Capture time (µs since the epoch) at the top of the drawing. */
  start: number;
  /** Capture time at the bottom; always greater than start. */
  end: number;
}

/** Below ~10 µs the clock's resolution, not the traffic, is what one would be looking at. */
export const MIN_SPAN_US = 10;
/** A week: beyond that a sequence diagram stops being a useful way to look at a capture. */
export const MAX_SPAN_US = 7 * 24 * 3600 * 1e6;

export const span = (v: Viewport): number => v.end - v.start;

export function timeToY(v: Viewport, time: number, height: number): number {
  return ((time - v.start) / span(v)) * height;
}

export function yToTime(v: Viewport, y: number, height: number): number {
  return v.start + (y / height) * span(v);
}

/** Zoom by `factor` (< 1 zooms in) keeping `anchor` at the same place on screen. */
export function zoomAround(v: Viewport, anchor: number, factor: number): Viewport {
  const current = span(v);
  const next = Math.min(MAX_SPAN_US, Math.max(MIN_SPAN_US, current * factor));
  const ratio = (anchor - v.start) / current;
  const start = anchor - ratio * next;
  return { start, end: start + next };
}

export function panBy(v: Viewport, deltaUs: number): Viewport {
  return { start: v.start + deltaUs, end: v.end + deltaUs };
}

/** The window showing [first, last] with a margin, so the first and last arrows are not on the edges. */
export function fitViewport(first: number, last: number, margin = 0.06): Viewport {
  const lo = Math.min(first, last);
  const hi = Math.max(first, last);
  const inner = Math.max(hi - lo, MIN_SPAN_US);
  const pad = inner * margin;
  const mid = (lo + hi) / 2;
  const half = inner / 2 + pad;
  return { start: mid - half, end: mid + half };
}

/** Keep `time` visible: the same window if it already is, else one centred on it. */
export function revealTime(v: Viewport, time: number): Viewport {
  if (time >= v.start && time <= v.end) return v;
  const half = span(v) / 2;
  return { start: time - half, end: time + half };
}

/** The smallest 1-2-5 step (in µs, at least 1) giving at most `maxTicks` ticks over `spanUs`. */
export function niceStep(spanUs: number, maxTicks: number): number {
  const raw = spanUs / Math.max(1, maxTicks);
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

export interface Tick {
  time: number;
  label: string;
}

/** Ticks on multiples of a nice step counted from `origin` (the connection's opening). */
export function timeTicks(v: Viewport, origin: number, maxTicks: number): Tick[] {
  const step = niceStep(span(v), maxTicks);
  const first = Math.ceil((v.start - origin) / step);
  const ticks: Tick[] = [];
  for (let k = first; origin + k * step <= v.end && ticks.length <= maxTicks + 1; k++) {
    ticks.push({ time: origin + k * step, label: formatOffset(k * step, step) });
  }
  return ticks;
}

/** An offset from the origin, in the unit (and with the decimals) its tick step needs. */
export function formatOffset(offsetUs: number, stepUs: number): string {
  if (offsetUs === 0) return '0';
  const sign = offsetUs < 0 ? '−' : '+';
  const us = Math.abs(offsetUs);
  if (stepUs >= 60e6) {
    const minutes = Math.floor(us / 60e6);
    const seconds = Math.round((us - minutes * 60e6) / 1e6);
    return `${sign}${minutes} min${seconds ? ` ${seconds} s` : ''}`;
  }
  // The largest unit in which the step is still at least 0.1: "+1.3 ms" rather than "+1300 µs".
  const [unit, size] = stepUs >= 1e5 ? ['s', 1e6] : stepUs >= 100 ? ['ms', 1000] : ['µs', 1];
  const decimals = Math.max(0, -Math.floor(Math.log10(stepUs / size) + 1e-9));
  return `${sign}${(us / size).toFixed(decimals)} ${unit}`;
}
