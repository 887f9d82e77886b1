// Short headless runs that draw the lab's two plots: latency against the polling interval (the
// notes: "for polling the queuing delay is the polling interval") and overhead against message
// size (fixed header costs shrink relative to bigger messages; WebSocket's grows 2 → 4 → 10 B).
// Node clients behind a private capture (headless.ts), so sweeps never fill the user's capture.
import { DEFAULT_LAB_OPTIONS, type LabOptions, type LabSweepPoint, type LabSweepRequest, type LabSweepResult } from '../../../shared/api';
import { runHeadless } from './headless';

export const SWEEP_INTERVALS_MS = [100, 250, 500, 1000];
export const SWEEP_SIZES = [64, 256, 1024, 4096, 16_384, 65_536];

export interface SweepPlan {
  xs: number[];
  optionsAt(x: number): LabOptions;
  durationAt(x: number): number;
}

export function sweepPlan(kind: LabSweepRequest['kind']): SweepPlan {
  const base: LabOptions = { ...DEFAULT_LAB_OPTIONS, clients: 'engine', cookieBytes: 0, pattern: 'steady' };
  if (kind === 'interval') {
    return {
      xs: SWEEP_INTERVALS_MS,
      optionsAt: (x) => ({ ...base, rate: 20, size: 256, intervalMs: x }),
      // A few intervals each, so every message's phase against the poll is sampled.
      durationAt: (x) => Math.max(1.5, (3.5 * x) / 1000),
    };
  }
  return {
    xs: SWEEP_SIZES,
    optionsAt: (x) => ({ ...base, rate: 10, size: x, intervalMs: 250 }),
    durationAt: () => 1.5,
  };
}

export interface SweepOptions {
  plan?: SweepPlan;
  /** Resolves when the engine closes: the current run ends early and no further one starts. */
  interrupted?: Promise<void>;
}

export async function runSweep(kind: LabSweepRequest['kind'], progress: (done: number, total: number) => void, o: SweepOptions = {}): Promise<LabSweepResult> {
  const plan = o.plan ?? sweepPlan(kind);
  const points: LabSweepPoint[] = [];
  let stop = false;
  void o.interrupted?.then(() => (stop = true));
  progress(0, plan.xs.length);
  for (const [i, x] of plan.xs.entries()) {
    if (stop) throw new Error('the engine closed during the sweep');
    const summary = await runHeadless({ options: plan.optionsAt(x), durationS: plan.durationAt(x), runId: -(i + 1), interrupted: o.interrupted });
    for (const row of summary.rows) {
      points.push({ x, transport: row.transport, latencyMs: row.latencyMs, overheadBytesPerMessage: row.overheadBytesPerMessage });
    }
    progress(i + 1, plan.xs.length);
  }
  return { kind, xs: plan.xs, points };
}
