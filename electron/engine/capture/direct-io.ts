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
// logical block. A disk with 512-byte logical blocks (virtio disks, many NVMe drives) accepts any
// 512-aligned buffer, but a buffer that does not start on a page costs each write one more page,
// and on this project's VM wrote at 36 MB/s against 1,100 MB/s from a page-aligned one (and twice
// the CPU per KiB). JavaScript cannot see an address, so the buffers are views of a WebAssembly
// memory, which V8 maps whole, starting on a page boundary. Where there is none (a runtime without
// WebAssembly), aligned views are found by trying a 4 KiB direct write from each 16-byte offset of
// a slightly larger buffer: the kernel refuses a misaligned one (EINVAL), each refusal costing an
// exception. Either is done once per process, for one slab that holds every batch buffer direct
// writes use; when all of them are in use (a disk slower than the capture), a batch is written
// through the page cache instead. A file system without O_DIRECT (other platforms, or one that
// refuses it) refuses the open or every offset: the spill file then writes through the page cache
// as before.
import { closeSync, constants, openSync, writeSync } from 'node:fs';

/** Alignment of direct writes: offsets, lengths and buffer addresses. */
export const DIRECT_ALIGN = 4096;
/**
 * Batch buffers in the slab: for the live segment one filling, a group waiting (spill-file.ts GROUP)
 * and a group being written; three for a segment just sealed whose last batches are still on their way.
 */
const SLAB_BUFFERS = 12;

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
  const bytes = SLAB_BUFFERS * size;
  const paged = pageAligned(bytes);
  if (paged !== null && takesDirectWrite(fd, paged, 0, probeAt)) return slice(paged, 0, size);
  const raw = Buffer.allocUnsafeSlow(bytes + DIRECT_ALIGN);
  for (let k = 0; k < DIRECT_ALIGN; k += 16) if (takesDirectWrite(fd, raw, k, probeAt)) return slice(raw, k, size);
  return null; // misaligned everywhere (EINVAL): this file system needs what no offset gives
}

/** `bytes` of memory starting on a page boundary (a WebAssembly memory's), or null without WebAssembly. */
function pageAligned(bytes: number): Buffer | null {
  const WASM_PAGE = 64 * 1024;
  // Not in the Node type libraries this project builds with; present in Node and Electron.
  const wasm = (globalThis as { WebAssembly?: { Memory: new (d: { initial: number }) => { buffer: ArrayBuffer } } }).WebAssembly;
  try {
    return wasm === undefined ? null : Buffer.from(new wasm.Memory({ initial: Math.ceil(bytes / WASM_PAGE) }).buffer, 0, bytes);
  } catch {
    return null; // no memory for it, or WebAssembly switched off (--jitless)
  }
}

function takesDirectWrite(fd: number, buf: Buffer, at: number, probeAt: number): boolean {
  try {
    writeSync(fd, buf, at, DIRECT_ALIGN, probeAt);
    return true;
  } catch {
    return false;
  }
}

function slice(raw: Buffer, from: number, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < SLAB_BUFFERS; i++) {
    const b = raw.subarray(from + i * size, from + (i + 1) * size);
    aligned.add(b);
    out.push(b);
  }
  return out;
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
