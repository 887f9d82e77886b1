// Long engine jobs (save, open, search) run in slices: work for a few milliseconds, then give the
// event loop a turn so the relay, RPC and other jobs go on. A job stops at the next slice when
// its signal is aborted.
import { setImmediate as turn } from 'node:timers/promises';
import { FramescopeError } from '../../../shared/api/errors';

const SLICE_MS = 12;

export class TimeSlice {
  private started = performance.now();

  constructor(
    private readonly signal?: AbortSignal,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Cheap enough to call per item (one clock read); items may be heavy (a 16 MiB inflate). */
  due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Yields to the event loop, then throws if the job was cancelled meanwhile. */
  async yield(): Promise<void> {
    await turn();
    this.started = performance.now();
    this.check();
  }

  check(): void {
    if (this.signal?.aborted) throw new FramescopeError('conflict', String(this.signal.reason ?? 'Cancelled.'));
  }
}
