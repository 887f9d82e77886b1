// The capture's bytes on disk: what a frame keeps past its hot bytes (blob-store.ts, capture-budget.ts),
// appended to one file per capture segment in the user's private data folder (mode 0600, unlinked
// as soon as it is open, so it goes with its segment, on clear, on close and on a crash). Appends
// are batched in a 1 MiB buffer so a stream of small frames costs one write per megabyte, not one
// per frame; a sealed segment's file lets it go.
//
// Where the system allows it, full batches are written past the page cache and in the background
// (direct-io.ts says why): the batch goes to the disk while the next one fills, and until its write
// is done, reads of its bytes are served from it. A batch whose write fails is written again
// through the page cache; if that fails too, it stays in memory (nothing recorded is lost) and the
// file takes no more appends. Batches then start at multiples of 4 KiB: the bytes between a short
// batch's end and the next start are padding, counted in the file's size, never read.
import { close, openSync, readSync, rmSync, write, writeSync } from 'node:fs';
import { join } from 'node:path';
import { copyRange, rangeParts } from './byte-range';
import { alignUp, closeQuietly, directWrites, giveAlignedBuffer, isAligned, openDirect, takeAlignedBuffer } from './direct-io';

export const SPILL_BATCH = 1 << 20;
const BATCH = SPILL_BATCH;
/** Reads of at most this many bytes go through the read-ahead window. */
const AHEAD = 256 * 1024;
/** Background writes a file may have under way; past that, a full batch is written at once through the page cache. */
const MAX_IN_FLIGHT = 3;
/**
 * One read-ahead window for every spill file of the process. Readers of many frames go in order
 * (a search over whole payloads, an export, a page of rows), so one read serves the frames that
 * follow instead of one system call each. Reads are synchronous, so one window is never shared by
 * two readers at once. A window covers only bytes whose write is done, and nothing is ever written
 * there again, so a window stays true.
 */
const readAhead = { file: null as SpillFile | null, start: 0, length: 0, bytes: Buffer.allocUnsafeSlow(AHEAD) };
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
  private batchLength = 0;
  /** File offset of the first batched byte (a multiple of 4 KiB while direct writes are on). */
  private batchStart = 0;
  /** Batches being written in the background, oldest first. */
  private readonly inFlight: Written[] = [];
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
      if (n > BATCH) {
        this.flush();
        const start = this.batchStart;
        let at = start;
        for (const p of rangeParts(a, b, from, n)) at += writeAll(this.fd as number, p, at);
        this.batchStart = this.directFd !== null ? alignUp(at) : at;
        return start;
      }
      if (this.batchLength + n > BATCH) this.flush();
      this.batch ??= this.takeBatch();
      const start = this.batchStart + this.batchLength;
      copyRange(a, b, from, n, this.batch, this.batchLength);
      this.batchLength += n;
      return start;
    } catch {
      this.broken = true;
      return -1;
    }
  }

  /** Appending failed (the file could not be made, or the disk is full): later appends fail too. */
  get failed(): boolean {
    return this.broken;
  }

  /** Batches being written in the background now. */
  get writing(): number {
    return this.inFlight.length;
  }

  /** Memory held for batching (counted against the capture budget). */
  get batchBytes(): number {
    return this.batch?.byteLength ?? 0;
  }

  /** No more appends: write what is batched and give the batch buffer back (kept if it could not be written: it holds frames). */
  seal(): void {
    if (this.fd === null || this.closed) return;
    try {
      this.flush();
    } catch {
      this.broken = true;
      return;
    }
    giveBatch(this.batch);
    this.batch = null;
  }

  /** Copies n bytes at `offset` into out[at…]; false if they cannot be read back. */
  read(offset: number, n: number, out: Uint8Array, at: number): boolean {
    if (this.fd === null || this.closed) return false;
    if (offset >= this.batchStart) {
      if (this.batch === null) return false;
      const from = offset - this.batchStart;
      out.set(this.batch.subarray(from, from + n), at);
      return true;
    }
    const pending = this.pendingAt(offset);
    if (pending !== undefined) {
      const from = offset - pending.start;
      out.set(pending.bytes.subarray(from, from + n), at);
      return true;
    }
    try {
      if (n > AHEAD) return readAll(this.fd, out, at, n, offset) === n;
      const w = readAhead;
      if (w.file !== this || offset < w.start || offset + n > w.start + w.length) {
        // Only what is on disk: bytes from the first batch still under way on are not there yet.
        w.file = null;
        w.length = readAll(this.fd, w.bytes, 0, Math.min(AHEAD, this.writtenEnd(offset) - offset), offset);
        if (w.length < n) return false;
        w.file = this;
        w.start = offset;
      }
      out.set(w.bytes.subarray(offset - w.start, offset - w.start + n), at);
      return true;
    } catch {
      readAhead.file = null;
      return false;
    }
  }

  /** Drops the file. Descriptors a background write still uses are closed when it is done (one closed now could be reused by another file). */
  close(): void {
    if (readAhead.file === this) readAhead.file = null;
    this.closed = true;
    giveBatch(this.batch);
    this.batch = null;
    this.batchLength = 0;
    this.held.length = 0;
    if (this.inFlight.length === 0) this.closeFiles();
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

  private takeBatch(): Buffer {
    if (this.directFd !== null) {
      const b = takeAlignedBuffer(BATCH, this.directFd, this.batchStart);
      if (b !== null) return b;
      if (!directWrites()) {
        closeQuietly(this.directFd); // this file system takes no direct writes
        this.directFd = null;
      }
    }
    return takeBatch(); // the slab is all in use: this batch goes through the page cache
  }

  /** Sends the batch to the disk: in the background past the page cache where it can, else at once. */
  private flush(): void {
    const batch = this.batch;
    if (batch === null || this.batchLength === 0) return;
    const start = this.batchStart;
    const length = this.batchLength;
    if (this.directFd !== null && isAligned(batch) && this.inFlight.length < MAX_IN_FLIGHT) {
      const padded = alignUp(length);
      batch.fill(0, length, padded); // no stale bytes of earlier frames in the padding
      const w: Written = { start, length, bytes: batch };
      this.inFlight.push(w);
      this.batch = null;
      write(this.directFd, batch, 0, padded, start, (err, written) => this.settle(w, err === null && written === padded));
      this.batchStart = start + padded;
    } else {
      writeAll(this.fd as number, batch.subarray(0, length), start);
      this.batchStart = this.directFd !== null ? alignUp(start + length) : start + length;
    }
    this.batchLength = 0;
  }

  /** A background write ended. One that failed is written again through the page cache; failing that, its bytes stay in memory. */
  private settle(w: Written, ok: boolean): void {
    this.inFlight.splice(this.inFlight.indexOf(w), 1);
    if (this.closed) {
      giveBatch(w.bytes);
      if (this.inFlight.length === 0) this.closeFiles();
      return;
    }
    if (!ok) {
      try {
        writeAll(this.fd as number, w.bytes.subarray(0, w.length), w.start);
      } catch {
        this.held.push(w);
        this.broken = true;
        return;
      }
    }
    giveBatch(w.bytes);
  }

  /** The batch under way or held that contains `offset`. */
  private pendingAt(offset: number): Written | undefined {
    for (const list of [this.inFlight, this.held]) for (const w of list) if (offset >= w.start && offset < w.start + w.length) return w;
    return undefined;
  }

  /** Where the bytes on disk from `offset` end: at the first batch above it still under way or held, else at the batch. */
  private writtenEnd(offset: number): number {
    let end = this.batchStart;
    for (const list of [this.inFlight, this.held]) for (const w of list) if (w.start > offset && w.start < end) end = w.start;
    return end;
  }
}

/** Reads up to n bytes at `position` into out[at…]; returns how many (fewer only at the end of the file). */
function readAll(fd: number, out: Uint8Array, at: number, n: number, position: number): number {
  let got = 0;
  while (got < n) {
    const r = readSync(fd, out, at + got, n - got, position + got);
    if (r <= 0) break;
    got += r;
  }
  return got;
}

function writeAll(fd: number, bytes: Uint8Array, position: number): number {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
  return done;
}
