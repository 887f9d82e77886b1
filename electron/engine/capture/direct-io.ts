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
// block (4,096 covers every common one). JavaScript cannot see an address, so an aligned 1 MiB
// view is found by trying a 4 KiB direct write from each 16-byte offset of a slightly larger
// buffer: the kernel refuses a misaligned one (EINVAL). Buffers are pooled for the life of the
// process, so that costs a few failed system calls per buffer, once. A file system without
// O_DIRECT (tmpfs, other platforms) refuses the open or every offset: the spill file then writes
// through the page cache as before.
import { closeSync, constants, openSync, writeSync } from 'node:fs';

/** Alignment of direct writes: offsets, lengths and buffer addresses. */
export const DIRECT_ALIGN = 4096;
/** Buffers kept for later batches (they are written asynchronously, so more than one is in use). */
const POOL_MAX = 4;

const O_DIRECT: number | undefined = (constants as Record<string, number | undefined>).O_DIRECT;
/** Cleared once a direct write could not be made to work: later files do not try again. */
let directUsable = O_DIRECT !== undefined;
const pool: Buffer[] = [];
/** Buffers whose address suits direct writes (a buffer from elsewhere is not given to a direct write). */
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
    directUsable = false; // e.g. EINVAL on tmpfs
    return null;
  }
}

/**
 * A buffer of `size` bytes (a multiple of DIRECT_ALIGN) whose address suits direct writes to
 * `fd`, found by trying one at `probeAt` (a file offset that nothing holds yet; the batch that
 * later goes there overwrites the probe). Null when no offset works: direct writes are given up.
 */
export function takeAlignedBuffer(size: number, fd: number, probeAt: number): Buffer | null {
  const spare = pool.pop();
  if (spare !== undefined && spare.length === size) return spare;
  const raw = Buffer.allocUnsafeSlow(size + DIRECT_ALIGN);
  for (let k = 0; k < DIRECT_ALIGN; k += 16) {
    try {
      writeSync(fd, raw, k, DIRECT_ALIGN, probeAt);
      const b = raw.subarray(k, k + size);
      aligned.add(b);
      return b;
    } catch {
      // misaligned (EINVAL): try the next offset
    }
  }
  directUsable = false;
  return null;
}

/** Takes back a buffer from takeAlignedBuffer for a later batch; false for any other buffer. */
export function giveAlignedBuffer(b: Buffer): boolean {
  if (!aligned.has(b)) return false;
  if (pool.length < POOL_MAX) pool.push(b);
  return true;
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}
