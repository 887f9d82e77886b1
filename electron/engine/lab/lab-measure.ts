// Small helpers of the lab's one-off measurements (idle cost, concurrency, Socket.IO).
import { FramescopeError } from '../../../shared/api';
import type { LabCapture } from './meter/capture-meter';

/** The capture's next batch of changes (or a short wait when the capture has no feed, as in a test double). */
export function nextCaptureChange(capture: LabCapture): Promise<void> {
  const subscribe = capture.subscribeCapture?.bind(capture);
  if (!subscribe) return new Promise((resolve) => setTimeout(resolve, 100));
  return new Promise((resolve) => {
    const off = subscribe(() => {
      off();
      resolve();
    });
  });
}

/** One measurement at a time: two would count each other's connections. Errors leave in words. */
export class OneAtATime {
  private busy = false;

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new FramescopeError('invalid', 'A measurement is already running.');
    this.busy = true;
    try {
      return await work();
    } catch (err) {
      if (err instanceof FramescopeError) throw err;
      throw new FramescopeError(err instanceof RangeError ? 'invalid' : 'unavailable', (err as Error).message);
    } finally {
      this.busy = false;
    }
  }
}
