// The lanes' bulk data — every published message, delivery and mark of the current run — lives
// here, outside React state (STYLE.md: bulk data does not belong in the store). The store holds a
// version the view watches. Bounded: a forgotten run cannot eat the renderer's memory.
import type { LabDeliveryMark, LabLive, LabMark, LabTransport } from '../../../../shared/api';

export const MAX_ITEMS = 60_000;

export interface LabTimeline {
  runId: number | null;
  published: Array<{ seq: number; generatedAt: number }>;
  deliveries: Map<LabTransport, LabDeliveryMark[]>;
  marks: Map<LabTransport, LabMark[]>;
  /** Mark id → index in its lane's array, so an ended mark replaces its started self. */
  markIndex: Map<string, number>;
  first: number | null;
  last: number | null;
  /** The engine's clock at the last batch, and our performance.now() then: lanes extrapolate "now" between batches. */
  liveNow: number | null;
  liveAtLocalMs: number;
}

export const labTimeline: LabTimeline = emptyTimeline(null);

function emptyTimeline(runId: number | null): LabTimeline {
  return { runId, published: [], deliveries: new Map(), marks: new Map(), markIndex: new Map(), first: null, last: null, liveNow: null, liveAtLocalMs: 0 };
}

export function resetTimeline(runId: number | null): void {
  Object.assign(labTimeline, emptyTimeline(runId));
}

function seen(t: number): void {
  labTimeline.first = labTimeline.first === null ? t : Math.min(labTimeline.first, t);
  labTimeline.last = labTimeline.last === null ? t : Math.max(labTimeline.last, t);
}

/** Folds one live batch in; returns false when it belongs to another run. */
export function addLive(live: LabLive): boolean {
  if (labTimeline.runId !== live.runId) resetTimeline(live.runId);
  for (const p of live.published) {
    labTimeline.published.push(p);
    seen(p.generatedAt);
  }
  for (const d of live.deliveries) {
    const list = labTimeline.deliveries.get(d.transport) ?? [];
    list.push(d);
    labTimeline.deliveries.set(d.transport, list);
    seen(d.receivedAt);
  }
  for (const m of live.marks) {
    const list = labTimeline.marks.get(m.transport) ?? [];
    labTimeline.marks.set(m.transport, list);
    const at = labTimeline.markIndex.get(m.id);
    if (at !== undefined && list[at]?.id === m.id) list[at] = m;
    else {
      labTimeline.markIndex.set(m.id, list.length);
      list.push(m);
    }
    seen(m.start);
    if (m.end !== null) seen(m.end);
  }
  seen(live.now);
  labTimeline.liveNow = live.now;
  labTimeline.liveAtLocalMs = performance.now();
  trim();
  return true;
}

function trim(): void {
  if (labTimeline.published.length > MAX_ITEMS) labTimeline.published.splice(0, labTimeline.published.length - MAX_ITEMS);
  for (const list of labTimeline.deliveries.values()) if (list.length > MAX_ITEMS) list.splice(0, list.length - MAX_ITEMS);
  for (const [t, list] of labTimeline.marks) {
    if (list.length <= MAX_ITEMS) continue;
    list.splice(0, list.length - MAX_ITEMS);
    labTimeline.marks.set(t, list);
    labTimeline.markIndex.clear();
    for (const l of labTimeline.marks.values()) l.forEach((m, i) => labTimeline.markIndex.set(m.id, i));
  }
}

/** The engine's "now", extrapolated from the last batch (µs). */
export function estimatedNow(): number | null {
  if (labTimeline.liveNow === null) return null;
  return labTimeline.liveNow + (performance.now() - labTimeline.liveAtLocalMs) * 1000;
}

/** Items overlapping [from, to]: lists are in arrival order, which is time order give or take a batch. */
export function inWindow<T>(list: readonly T[] | undefined, from: number, to: number, start: (x: T) => number, end: (x: T) => number = start): T[] {
  if (!list) return [];
  const out: T[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const x = list[i]!;
    if (end(x) >= from && start(x) <= to) out.push(x);
    // Far enough before the window that nothing earlier can overlap it (allowing for long requests).
    else if (start(x) < from - 60_000_000) break;
  }
  return out.reverse();
}
