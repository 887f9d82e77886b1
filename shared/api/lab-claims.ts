// What a lab run says about the seed notes' claims: latency statistics, and each claim with what
// the notes (or theory) expect, what was measured, and a verdict that a wrong world would fail.

/** Where messages fall against the polls (see LabOptions.phase). */
export type LabPhaseModel = 'random' | 'fixed';
export const LAB_PHASE_MODELS: readonly LabPhaseModel[] = ['random', 'fixed'];

export interface LabLatency {
  /** Messages measured. */
  n: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
  /** Sample standard deviation (0 for one sample). */
  sd: number;
}

/** Waits for the next poll, in bins of binMs from 0; the last bin holds everything beyond. */
export interface LabHistogram {
  binMs: number;
  counts: number[];
}

/** Stable codes, so scripts and tests can find a claim without matching its words. */
export type LabClaimId =
  | 'ws-frame-header'
  | 'ws-client-frame-header'
  | 'sse-five-bytes'
  | 'http1-header-bytes'
  | 'h2-header-bytes'
  | 'poll-wait-interval'
  | 'poll-wait-half-interval'
  | 'push-immediate'
  | 'long-poll-request-per-message'
  | 'long-poll-new-connection'
  | 'server-cost-per-connection'
  | 'one-connection-concurrency'
  | 'socketio-upgrade'
  | 'socketio-fallback';

export interface LabClaimCheck {
  id: LabClaimId;
  metric: 'overhead' | 'latency' | 'requests' | 'connections' | 'memory' | 'concurrency' | 'transport';
  /** Who says so: the seed notes, or queueing theory set beside them. */
  source: 'notes' | 'theory';
  /** What the seed notes (or theory) say. */
  claim: string;
  /** What would make the claim true, as a checkable range. */
  expected: string;
  /** What this run measured, in words. */
  measured: string;
  /** One line on why. */
  explanation: string;
  /** Whether the measurement falls within `expected` (null: not enough data to say). */
  agrees: boolean | null;
  /**
   * The numbers behind the words (ms, bytes, counts; null while not measured), so the renderer can
   * word a claim in its own language by `id` (the English fields stay for the CLI).
   */
  params?: Record<string, number | string | null>;
}

export type LabVerdict = 'agrees' | 'differs' | 'not-enough-data';

export function labVerdict(c: Pick<LabClaimCheck, 'agrees'>): LabVerdict {
  return c.agrees === null ? 'not-enough-data' : c.agrees ? 'agrees' : 'differs';
}
