// Writing the spill file past the page cache (O_DIRECT, Linux), in batches of 1 MiB.
//
// Why: a capture keeps every byte it records, and a buffered write keeps each of them a second
// time in the kernel's page cache, which grows with the capture. On a VM that backs guest memory
// lazily, every page the cache takes beyond the memory it recycles is a first touch for the host:
// measured here, 0.15-0.2 µs of CPU per KiB while recycled pages last (the first ~200 MiB), then
// ~3 µs per KiB, which is more than everything else a recording relay does per frame. A direct
// write moves the batch to the disk without a copy into the cache (0.25 µs per KiB, mostly the copy
// into the batch); on any machine it also keeps a 4 GiB capture from evicting the user's own cache.
//
// O_DIRECT needs the buffer's address, the file offset and the length aligned to the device's
// block (4,096 covers every common one). JavaScript cannot see an address, so aligned views are
// found by trying a 4 KiB direct write from each 16-byte offset of a slightly larger buffer: the
// kernel refuses a misaligned one (EINVAL), and each refusal costs an exception. That is done once
// per process, for one slab that holds every batch buffer direct writes use; when all of them are
// in use (a disk slower than the capture), a batch is written through the page cache instead. A
// file system without O_DIRECT (other platforms, or one that refuses it) refuses the open or every
// offset: the spill file then writes through the page cache as before.
import { closeSync, constants, openSync, writeSync } from 'node:fs';

/** Alignment of direct writes: offsets, lengths and buffer addresses. */
export const DIRECT_ALIGN = 4096;
/** Batch buffers in the slab: one filling and three being written for the live segment, two for another file. */
const SLAB_BUFFERS = 6;

const O_DIRECT: number | undefined = (constants as Record<string, number | undefined>).O_DIRECT;
/** Cleared once a direct write could not be made to work: later files do not try again. */
let directUsable = O_DIRECT !== undefined;
/** The slab's buffers not in use (null until the first direct write asks for one). */
let free: Buffer[] | null = null;
const aligned = new WeakSet<Buffer>();

export function alignUp(n: number): number {
  return Math.ceil(n / DIRECT_ALIGN) * DIRECT_ALIGN;
}

/** A second, write-only descriptor of `path` that bypasses the page cache, or null where none can be had. */
export function openDirect(path: string): number | null {
  if (!directUsable || O_DIRECT === undefined) return null;
  try {
    return openSync(path, constants.O_WRONLY | O_DIRECT);
  } catch {
    directUsable = false; // a file system that refuses O_DIRECT
    return null;
  }
}

/** Direct writes still work here (false once the slab could not be aligned, or an open was refused). */
export function directWrites(): boolean {
  return directUsable;
}

/**
 * A free slab buffer of `size` bytes (a multiple of DIRECT_ALIGN) for direct writes, or null when
 * every one is in use or direct writes do not work (see directWrites). The first call makes the
 * slab, trying offsets with a direct write to `fd` at `probeAt`: a file offset that nothing holds
 * yet (the batch that later goes there overwrites the probe).
 */
export function takeAlignedBuffer(size: number, fd: number, probeAt: number): Buffer | null {
  if (free === null) {
    if (!directUsable) return null;
    free = makeSlab(size, fd, probeAt);
    if (free === null) {
      directUsable = false;
      return null;
    }
  }
  return free.pop() ?? null;
}

function makeSlab(size: number, fd: number, probeAt: number): Buffer[] | null {
  const raw = Buffer.allocUnsafeSlow(SLAB_BUFFERS * size + DIRECT_ALIGN);
  for (let k = 0; k < DIRECT_ALIGN; k += 16) {
    try {
      writeSync(fd, raw, k, DIRECT_ALIGN, probeAt);
    } catch {
      continue; // misaligned (EINVAL): try the next offset
    }
    const out: Buffer[] = [];
    for (let i = 0; i < SLAB_BUFFERS; i++) {
      const b = raw.subarray(k + i * size, k + (i + 1) * size);
      aligned.add(b);
      out.push(b);
    }
    return out;
  }
  return null;
}

/** Whether `b` is a slab buffer (only those go to direct writes). */
export function isAligned(b: Buffer): boolean {
  return aligned.has(b);
}

/** Takes back a slab buffer for a later batch; false for any other buffer. */
export function giveAlignedBuffer(b: Buffer): boolean {
  if (!aligned.has(b) || free === null) return false;
  free.push(b);
  return true;
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}
