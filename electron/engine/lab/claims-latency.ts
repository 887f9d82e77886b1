// The notes on polling delay ("the queuing delay is the polling interval") against queueing theory
// (a message at a random moment waits T/2 on average). Both are checked on the mean, with a band
// wide enough for sampling noise but too narrow to hold the other: a run supports one, or neither.
import type { LabClaimCheck, LabLatency, LabOptions } from '../../../shared/api';

/** Fewer messages than this and the mean is too noisy to tell T/2 from T. */
export const MIN_WAIT_SAMPLES = 20;

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

export type WaitModel = 'half-interval' | 'interval' | 'neither';

/**
 * Half-width of the band around the expected mean: three standard errors (a uniform wait has
 * sd ≈ 0.29 T), but at least 0.1 T (timers, request time) and at most 0.2 T, so the bands of T/2
 * and T never overlap and each can fail.
 */
export function waitBand(lat: LabLatency, intervalMs: number): number {
  const se = lat.n > 0 ? lat.sd / Math.sqrt(lat.n) : Infinity;
  return Math.min(0.2 * intervalMs, Math.max(0.1 * intervalMs, 3 * se));
}

/** A poll answers within a whole interval (plus timer slack and the request itself). */
export function withinOneInterval(lat: LabLatency, intervalMs: number): boolean {
  return lat.max <= intervalMs * 1.25 + 50;
}

export function supportedWaitModel(lat: LabLatency | null, intervalMs: number): WaitModel | null {
  if (!lat || lat.n < MIN_WAIT_SAMPLES) return null;
  const band = waitBand(lat, intervalMs);
  if (!withinOneInterval(lat, intervalMs)) return 'neither';
  if (Math.abs(lat.mean - intervalMs / 2) <= band) return 'half-interval';
  if (Math.abs(lat.mean - intervalMs) <= band) return 'interval';
  return 'neither';
}

const SUPPORTS: Record<WaitModel, string> = {
  'half-interval': 'this run supports T/2 (random arrivals)',
  interval: 'this run supports T (the notes’ wording)',
  neither: 'this run supports neither T/2 nor T',
};

export function pollingWaitClaims(lat: LabLatency | null, options: Pick<LabOptions, 'intervalMs' | 'phase'>): LabClaimCheck[] {
  const t = options.intervalMs;
  const model = supportedWaitModel(lat, t);
  const band = lat ? waitBand(lat, t) : 0.1 * t;
  const measured =
    !lat || lat.n < MIN_WAIT_SAMPLES
      ? `${lat?.n ?? 0} messages so far; telling T/2 from T needs ${MIN_WAIT_SAMPLES}`
      : `mean ${ms(lat.mean)}, median ${ms(lat.p50)}, p95 ${ms(lat.p95)}, max ${ms(lat.max)} over ${lat.n} messages at T = ${ms(t)}, ${options.phase} phase — ${SUPPORTS[model!]}`;
  const phaseWords =
    options.phase === 'random'
      ? 'Messages here fall at random moments against the polls, so waits spread evenly from 0 to T.'
      : 'Messages here keep one fixed offset against the polls, so every wait is about the same: anywhere from 0 to T, set by where publishing started.';
  const params = {
    t,
    band,
    phase: options.phase,
    model,
    n: lat?.n ?? 0,
    min: MIN_WAIT_SAMPLES,
    mean: lat?.mean ?? null,
    p50: lat?.p50 ?? null,
    p95: lat?.p95 ?? null,
    max: lat?.max ?? null,
  };
  return [
    {
      id: 'poll-wait-interval',
      metric: 'latency',
      source: 'notes',
      claim: 'For polling, the queuing delay is the polling interval.',
      expected: `mean wait T ± ${ms(band)} (${ms(t - band)}–${ms(t + band)}), none beyond 1.25 T + 50 ms`,
      measured,
      explanation: `A message waits on the server for the next poll: a whole interval only at worst. ${phaseWords}`,
      agrees: model === null ? null : model === 'interval',
      params,
    },
    {
      id: 'poll-wait-half-interval',
      metric: 'latency',
      source: 'theory',
      claim: 'A message published at a random moment waits half a polling interval on average.',
      expected: `mean wait T/2 ± ${ms(band)} (${ms(t / 2 - band)}–${ms(t / 2 + band)}), none beyond 1.25 T + 50 ms`,
      measured,
      explanation: 'Arrivals that do not know when the polls are land uniformly within an interval, so the wait for the next poll is uniform on 0..T: mean T/2, p95 0.95 T.',
      agrees: model === null ? null : model === 'half-interval',
      params,
    },
  ];
}
