// What this process holds right now: memory as V8 and the OS report it, and open file descriptors
// (Linux's /proc/self/fd; null where there is none). A full GC first where one can be forced, so
// garbage does not count as cost.
import { readdirSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface ProcessFigures {
  heapUsed: number;
  external: number;
  rss: number;
  fds: number | null;
}

let gcFn: (() => void) | null | undefined;

/** Node exposes gc() only with --expose-gc; setting the flag at run time and asking a new context for it is the documented-by-use way in. */
export function forcedGc(): (() => void) | null {
  if (gcFn !== undefined) return gcFn;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return (gcFn = existing);
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    gcFn = typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    gcFn = null;
  }
  return gcFn;
}

export function openFds(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

export function processFigures(): ProcessFigures {
  const gc = forcedGc();
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external, rss: m.rss, fds: openFds() };
}
