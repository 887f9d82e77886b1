// The capture budget (issues 12 and 13): the index and each frame's first bytes in memory, the rest
// in the private spill file (or memory), then — when both are used up — stop recording or drop the
// oldest frames, as the user chose. Every frame is charged what it really costs: its columns, its
// hot bytes, its sparse details, then its cold bytes.
import { FramescopeError } from '../../../shared/api/errors';
import type { CaptureBudget } from '../../../shared/model';
import type { ColdPlace, FramePlan } from './frame-table';

const MIB = 1024 * 1024;
export const DEFAULT_CAPTURE_BUDGET: CaptureBudget = { memoryBytes: 512 * MIB, diskBytes: 4096 * MIB, whenFull: 'stop' };
/** Smallest memory budget accepted: a few segments' worth, so the capture can hold anything at all. */
export const MIN_MEMORY_BUDGET = 4 * MIB;

/**
 * Where a frame goes, checked before anything is allocated, so the budget holds; 'full' when its
 * row or its cold bytes fit nowhere.
 * - Cold bytes that would be copied go to the private spill file first, written past the page cache
 *   where the system allows it (spill-file.ts). Keeping a KiB there costs a fraction of keeping it in
 *   memory the process has never touched (on the VMs this was measured on, about 0.3 against 4 µs
 *   of CPU: `npm run bench -- relay` prints both), and recording every byte is the relay's largest cost.
 * - Large payloads kept by reference (blob-store.ts adoptable) stay in memory: they cost no copy.
 * - Memory takes what the disk cannot (no disk budget left, or the spill file failed), up to three
 *   quarters of the memory budget: the last quarter is kept for the index of small frames, which
 *   cannot spill.
 */
export function placeFrame(plan: FramePlan, memory: number, disk: number, budget: CaptureBudget): ColdPlace | 'full' {
  const row = memory + plan.memory;
  if (row > budget.memoryBytes) return 'full';
  if (plan.cold === 0) return 'memory';
  const fitsMemory = row + plan.coldMemory <= budget.memoryBytes * 0.75;
  if (plan.copied === 0 && fitsMemory) return 'memory';
  if (!plan.diskFailed && disk + plan.cold <= budget.diskBytes && row + plan.spillMemory <= budget.memoryBytes) return 'disk';
  return fitsMemory ? 'memory' : 'full';
}

/** Checks a budget change, filling in what it leaves out. */
export function mergeBudget(current: CaptureBudget, change: Partial<CaptureBudget> | undefined): CaptureBudget {
  if (change === null || typeof change !== 'object') throw new FramescopeError('invalid', 'The capture budget must be an object.');
  const next = { ...current };
  if (change.memoryBytes !== undefined) {
    if (!Number.isSafeInteger(change.memoryBytes) || change.memoryBytes < MIN_MEMORY_BUDGET) {
      throw new FramescopeError('invalid', `The memory budget must be a whole number of bytes, at least ${MIN_MEMORY_BUDGET / MIB} MiB.`);
    }
    next.memoryBytes = change.memoryBytes;
  }
  if (change.diskBytes !== undefined) {
    if (!Number.isSafeInteger(change.diskBytes) || change.diskBytes < 0) throw new FramescopeError('invalid', 'The disk budget must be a whole number of bytes, 0 or more.');
    next.diskBytes = change.diskBytes;
  }
  if (change.whenFull !== undefined) {
    if (change.whenFull !== 'stop' && change.whenFull !== 'drop-oldest') throw new FramescopeError('invalid', "whenFull must be 'stop' or 'drop-oldest'.");
    next.whenFull = change.whenFull;
  }
  return next;
}

/** Bytes after which a segment closes: a sixteenth of the memory budget, so drop-oldest frees about that much at a time. */
export function segmentBytesFor(budget: CaptureBudget): number {
  return Math.max(256 * 1024, Math.floor(budget.memoryBytes / 16));
}
