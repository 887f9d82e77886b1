// The capture's bytes on disk: what a frame keeps past its hot bytes (blob-store.ts, capture-budget.ts),
// appended to one file per capture segment in the user's private data folder (mode 0600, unlinked
// as soon as it is open, so it goes with its segment, on clear, on close and on a crash). Appends
// are batched in a 1 MiB buffer so a stream of small frames costs one write per megabyte, not one
// per frame; a sealed segment's file lets it go.
//
// Where the system allows it, batches are written past the page cache and in the background
// (direct-io.ts says why): full batches wait in their buffers until GROUP of them can go to the disk
// in one call (writev), while the next ones fill, and until their write is done their bytes are read
// from them. Much of a direct write's CPU is per call, not per byte: on this project's VM, 0.17 µs
// per KiB in calls of 1 MiB against 0.08 in calls of 4 MiB, and a recording relay writes 2 KiB per
// echoed 1 KiB message. One group per file is under way at a time; a sealed file writes what it has
// at once, and one that went on through the page cache writes the batches it left behind.
// The relay does not wait on the disk while the process's direct-write buffers last; only when all
// are in use (the disk about 8 MiB behind) is a batch written at once through the page cache, which
// waits for the direct writes under way (in a 24 MiB burst here, 2.7 ms for the first such batch
// and 0.2 ms for each after it; 10-370 ms before the buffers were page-aligned): memory stays
// bounded, and a burst with no event-loop turn (an import) still spills. A batch whose write fails
// is written again through the page cache; if that fails too, it stays in memory (nothing recorded
// is lost) and the file takes no more appends. Only a sealed file's last batch is short: it is
// padded to 4 KiB, counted in the file's size, never read.
import { close, openSync, rmSync, writeSync, writev } from 'node:fs';
import { join } from 'node:path';
import { copyRange, rangeParts } from './byte-range';
import { alignUp, closeQuietly, directWrites, giveAlignedBuffer, isAligned, openDirect, takeAlignedBuffer } from './direct-io';
import { forgetReadAhead, readSpill } from './spill-read-ahead';

export const SPILL_BATCH = 1 << 20;
const BATCH = SPILL_BATCH;
/** Full batches a file sends to the disk in one call, once that many are waiting (fewer when sealed). */
export const GROUP = 4;
/**
 * The batch buffer a sealed or closed file gave back, for the next file: a fresh megabyte is memory
 * the process has never touched (see capture-budget.ts placeFrame), and segments come one after another.
 */
let spareBatch: Buffer | null = null;
function takeBatch(): Buffer {
  const b = spareBatch ?? Buffer.allocUnsafeSlow(BATCH);
  spareBatch = null;
  return b;
}
function giveBatch(b: Buffer | null): void {
  if (b !== null && !giveAlignedBuffer(b)) spareBatch ??= b;
}

/** A batch on its way to the disk (or kept in memory when it could not get there). */
interface Written {
  start: number;
  length: number;
  bytes: Buffer;
}

/**
 * Batches written since the process started: past the page cache, in how many calls, and through it
 * (every batch where direct writes are not available; else only when the disk fell behind by all
 * the direct-write buffers). The relay bench prints them, so a figure taken while the disk could not
 * keep up says so.
 */
export const spillBatches = { direct: 0, writes: 0, cached: 0 };

/** Each segment has its own spill file (dropping a segment deletes it): names must not collide. */
let fileSerial = 0;

export class SpillFile {
  private fd: number | null = null;
  /** The same file opened for direct writes, or null (writes go through the page cache). */
  private directFd: number | null = null;
  private path: string | null = null;
  private broken = false;
  private closed = false;
  private batch: Buffer | null = null;
  /** A batch is taken (or about to be, right after one went to the disk): from the first append to the seal. */
  private batching = false;
  private batchLength = 0;
  /** File offset of the first batched byte (a multiple of 4 KiB while direct writes are on). */
  private batchStart = 0;
  /** Full batches waiting for their write, oldest first. */
  private readonly queued: Written[] = [];
  /** The batches of the one write under way (GROUP or fewer), or none. */
  private inFlight: Written[] = [];
  /** Sealed: what is queued goes to the disk without waiting for a whole group. */
  private draining = false;
  /** Batches that could not be written: their bytes are read from here. */
  private readonly held: Written[] = [];

  constructor(private readonly dir: string) {}

  /** Logical size: the offset the next append gets (bytes appended, written or batched, and padding). */
  get size(): number {
    return this.batchStart + this.batchLength;
  }

  /** Appends n bytes of a ‖ b from `from`; returns their file offset, or -1 when the disk is unusable. */
  append(a: Uint8Array, b: Uint8Array, from: number, n: number): number {
    if (this.broken || !this.open()) return -1;
    try {
      return this.directFd !== null ? this.appendDirect(a, b, from, n) : this.appendBuffered(a, b, from, n);
    } catch {
      this.broken = true;
      return -1;
    }
  }

  /** Appending failed (the file could not be made, or the disk is full): later appends fail too. */
  get failed(): boolean {
    return this.broken;
  }

  /** Batches waiting for their write or being written now. */
  get writing(): number {
    return this.queued.length + this.inFlight.length;
  }

  /**
   * Memory held for batching, counted against the capture budget: the batch filling, from the
   * first append to the seal (between two batches too, as the next is about to be taken). Batches
   * waiting for their write or being written are in the process's direct-write buffers, a fixed
   * 12 MiB like the read-ahead window, whatever the captures hold.
   */
  get batchBytes(): number {
    return this.batching ? BATCH : 0;
  }

  /** No more appends: send what is batched and give the batch buffer back (kept if it could not be written: it holds frames). */
  seal(): void {
    if (this.fd === null || this.closed) return;
    this.draining = true;
    if (this.directFd !== null && this.batch !== null && isAligned(this.batch)) {
      if (this.batchLength > 0) this.send();
      else this.pump();
      this.batching = false;
      return;
    }
    this.pump();
    try {
      this.flush();
    } catch {
      this.broken = true;
      return;
    }
    giveBatch(this.batch);
    this.batch = null;
    this.batching = false;
  }

  /** Copies n bytes at `offset` into out[at…]; false if they cannot be read back. */
  read(offset: number, n: number, out: Uint8Array, at: number): boolean {
    if (this.fd === null || this.closed) return false;
    // A range can span batches: read it a piece from each place its bytes are.
    while (n > 0) {
      const k = this.readPiece(offset, n, out, at);
      if (k <= 0) return false;
      offset += k;
      at += k;
      n -= k;
    }
    return true;
  }

  /** Drops the file. Descriptors a background write still uses are closed when it is done (one closed now could be reused by another file). */
  close(): void {
    forgetReadAhead(this);
    this.closed = true;
    giveBatch(this.batch);
    this.batch = null;
    this.batching = false;
    this.batchLength = 0;
    for (const w of this.queued) giveBatch(w.bytes);
    this.queued.length = 0;
    this.held.length = 0;
    if (this.inFlight.length === 0) this.closeFiles();
  }

  /**
   * Sends the oldest waiting batches to the disk in one call: GROUP of them that follow one another
   * in the file, or fewer when no more can join them (the file is sealed, or went on past them
   * through the page cache). One write per file is under way at a time.
   */
  private pump(): void {
    if (this.closed || this.directFd === null || this.inFlight.length > 0 || this.queued.length === 0) return;
    const q = this.queued;
    let n = 1;
    while (n < q.length && n < GROUP && (q[n] as Written).start === endOf(q[n - 1] as Written)) n++;
    const mayGrow = n === q.length && endOf(q[n - 1] as Written) === this.batchStart && (this.batch === null || isAligned(this.batch));
    if (n < GROUP && mayGrow && !this.draining) return;
    const group = q.splice(0, n);
    const parts = group.map((w) => w.bytes.subarray(0, alignUp(w.length)));
    const total = parts.reduce((sum, p) => sum + p.length, 0);
    this.inFlight = group;
    spillBatches.direct += n;
    spillBatches.writes++;
    writev(this.directFd, parts, (group[0] as Written).start, (err, written) => this.settle(group, err === null && written === total));
  }

  /** Through the page cache (no O_DIRECT): one write per batch, a large range written as it is. */
  private appendBuffered(a: Uint8Array, b: Uint8Array, from: number, n: number): number {
    if (n > BATCH) {
      this.flush();
      const start = this.batchStart;
      let at = start;
      for (const p of rangeParts(a, b, from, n)) at += writeAll(this.fd as number, p, at);
      this.batchStart = at;
      return start;
    }
    if (this.batchLength + n > BATCH) this.flush();
    this.batch ??= this.takeBatch();
    const start = this.batchStart + this.batchLength;
    copyRange(a, b, from, n, this.batch, this.batchLength);
    this.batchLength += n;
    return start;
  }

  /** Past the page cache: every byte goes through full batches, a range crossing from one into the next. */
  private appendDirect(a: Uint8Array, b: Uint8Array, from: number, n: number): number {
    const start = this.size;
    for (let done = 0; done < n; ) {
      this.batch ??= this.takeBatch();
      const k = Math.min(n - done, BATCH - this.batchLength);
      copyRange(a, b, from + done, k, this.batch, this.batchLength);
      this.batchLength += k;
      done += k;
      if (this.batchLength === BATCH) this.send();
    }
    return start;
  }

  private takeBatch(): Buffer {
    this.batching = true;
    if (this.directFd !== null) {
      const b = takeAlignedBuffer(BATCH, this.directFd, this.size);
      if (b !== null) return b;
      if (!directWrites()) {
        closeQuietly(this.directFd); // no buffer could be aligned: this process writes through the page cache
        this.directFd = null;
      }
    }
    return takeBatch(); // every direct-write buffer is in use: this batch goes through the page cache
  }

  /**
   * Direct writes: the batch waits its turn to be written (padded to 4 KiB), the next one starting
   * after it. A batch outside the direct-write buffers (all were in use when it began) is written
   * at once through the page cache and given back, so the next batch takes a direct-write buffer
   * again if one is free (it is full, so the next one still starts on a 4 KiB boundary).
   */
  private send(): void {
    const batch = this.batch as Buffer;
    const length = this.batchLength;
    if (!isAligned(batch)) {
      this.flush();
      giveBatch(batch);
      this.batch = null;
      this.pump(); // batches waiting for a group can have no more join them
      return;
    }
    const padded = alignUp(length);
    batch.fill(0, length, padded); // no stale bytes of earlier frames in the padding
    this.queued.push({ start: this.batchStart, length, bytes: batch });
    this.batch = null;
    this.batchStart += padded;
    this.batchLength = 0;
    this.pump();
  }

  /** Through the page cache: the batch is written at once and filled again. */
  private flush(): void {
    if (this.batch === null || this.batchLength === 0) return;
    writeAll(this.fd as number, this.batch.subarray(0, this.batchLength), this.batchStart);
    spillBatches.cached++;
    this.batchStart += this.batchLength;
    this.batchLength = 0;
  }

  /** A background write ended. Batches it did not write are written again through the page cache; failing that, their bytes stay in memory. */
  private settle(group: Written[], ok: boolean): void {
    this.inFlight = [];
    if (this.closed) {
      for (const w of group) giveBatch(w.bytes);
      this.closeFiles();
      return;
    }
    for (const w of group) {
      if (!ok) {
        try {
          writeAll(this.fd as number, w.bytes.subarray(0, w.length), w.start);
        } catch {
          this.held.push(w);
          this.broken = true;
          continue;
        }
      }
      giveBatch(w.bytes);
    }
    this.pump();
  }

  /** Copies what it can of n bytes at `offset` from one place (the batch, a batch not yet written, or the file); returns how many. */
  private readPiece(offset: number, n: number, out: Uint8Array, at: number): number {
    if (offset >= this.batchStart) {
      if (this.batch === null) return 0;
      const from = offset - this.batchStart;
      const k = Math.min(n, this.batchLength - from);
      if (k <= 0) return 0;
      out.set(this.batch.subarray(from, from + k), at);
      return k;
    }
    const pending = this.pendingAt(offset);
    if (pending !== undefined) {
      const from = offset - pending.start;
      const k = Math.min(n, pending.length - from);
      out.set(pending.bytes.subarray(from, from + k), at);
      return k;
    }
    // On disk, up to where bytes still on their way begin.
    const written = this.writtenEnd(offset) - offset;
    try {
      return readSpill(this, this.fd as number, offset, Math.min(n, written), written, out, at);
    } catch {
      return 0;
    }
  }

  /**
   * Closing gives the file's blocks back, which for hundreds of megabytes written past the page
   * cache waits on the disk (70 ms for 256 MiB here): an unlinked file is closed in the background,
   * so Clear and drop-oldest never hold the relay for it.
   */
  private closeFiles(): void {
    for (const fd of [this.fd, this.directFd]) {
      if (fd === null) continue;
      if (this.path === null) close(fd, () => undefined);
      else closeQuietly(fd);
    }
    if (this.path !== null) rmSync(this.path, { force: true });
    this.fd = null;
    this.directFd = null;
    this.path = null;
  }

  private open(): boolean {
    if (this.fd !== null) return !this.closed;
    if (this.broken || this.closed) return false;
    try {
      const path = join(this.dir, `capture-spill-${process.pid}-${Date.now().toString(36)}-${(fileSerial++).toString(36)}.bin`);
      this.fd = openSync(path, 'wx+', 0o600);
      this.directFd = openDirect(path);
      // Unlinked at once where the system allows it (POSIX): the open descriptors keep the bytes, no
      // other process can open them by name, and a crash or a kill leaves nothing behind. Elsewhere
      // the file is removed on close, as before.
      try {
        rmSync(path);
      } catch {
        this.path = path;
      }
      return true;
    } catch {
      this.broken = true;
      return false;
    }
  }

  /** The batch waiting, under way or held that contains `offset`. */
  private pendingAt(offset: number): Written | undefined {
    for (const list of [this.queued, this.inFlight, this.held]) for (const w of list) if (offset >= w.start && offset < w.start + w.length) return w;
    return undefined;
  }

  /** Where the bytes on disk from `offset` end: at the first batch above it not yet written, else at the batch filling. */
  private writtenEnd(offset: number): number {
    let end = this.batchStart;
    for (const list of [this.queued, this.inFlight, this.held]) for (const w of list) if (w.start > offset && w.start < end) end = w.start;
    return end;
  }
}

/** File offset just past a batch written past the page cache (padded to DIRECT_ALIGN). */
function endOf(w: Written): number {
  return w.start + alignUp(w.length);
}

function writeAll(fd: number, bytes: Uint8Array, position: number): number {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
  return done;
}
