// The capture's bytes on disk: what a frame keeps past its hot bytes (blob-store.ts, capture-budget.ts),
// appended to one file per capture segment in the user's private data folder (mode 0600, unlinked
// as soon as it is open, so it goes with its segment, on clear, on close and on a crash). Appends
// are batched in a 1 MiB buffer so a stream of small frames costs one write per megabyte, not one
// per frame; a sealed segment's file lets it go.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { copyRange, rangeParts } from './byte-range';

export const SPILL_BATCH = 1 << 20;
const BATCH = SPILL_BATCH;
/** Reads of at most this many bytes go through the read-ahead window. */
const AHEAD = 256 * 1024;
/**
 * One read-ahead window for every spill file of the process. Readers of many frames go in order
 * (a search over whole payloads, an export, a page of rows), so one read serves the frames that
 * follow instead of one system call each. Reads are synchronous, so one window is never shared by
 * two readers at once. Nothing is ever written below a file's batchStart again, so a window stays true.
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
  spareBatch ??= b;
}

/** Each segment has its own spill file (dropping a segment deletes it): names must not collide. */
let fileSerial = 0;

export class SpillFile {
  /** Logical size: bytes appended so far (written or still batched). */
  size = 0;
  private fd: number | null = null;
  private path: string | null = null;
  private broken = false;
  private batch: Buffer | null = null;
  private batchLength = 0;
  /** File offset of the first batched byte. */
  private batchStart = 0;

  constructor(private readonly dir: string) {}

  /** Appends n bytes of a ‖ b from `from`; returns their file offset, or -1 when the disk is unusable. */
  append(a: Uint8Array, b: Uint8Array, from: number, n: number): number {
    if (!this.open()) return -1;
    const start = this.size;
    try {
      if (n > BATCH) {
        this.flush();
        let at = start;
        for (const p of rangeParts(a, b, from, n)) at += writeAll(this.fd as number, p, at);
        this.batchStart = at;
      } else {
        if (this.batchLength + n > BATCH) this.flush();
        this.batch ??= takeBatch();
        copyRange(a, b, from, n, this.batch, this.batchLength);
        this.batchLength += n;
      }
    } catch {
      this.broken = true;
      return -1;
    }
    this.size = start + n;
    return start;
  }

  /** Appending failed (the file could not be made, or the disk is full): later appends fail too. */
  get failed(): boolean {
    return this.broken;
  }

  /** Memory held for batching (counted against the capture budget). */
  get batchBytes(): number {
    return this.batch?.byteLength ?? 0;
  }

  /** No more appends: write what is batched and give the batch buffer back (kept if it could not be written: it holds frames). */
  seal(): void {
    if (this.fd === null) return;
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
    if (this.fd === null) return false;
    if (offset >= this.batchStart && this.batch !== null) {
      const from = offset - this.batchStart;
      out.set(this.batch.subarray(from, from + n), at);
      return true;
    }
    try {
      if (n > AHEAD) return readAll(this.fd, out, at, n, offset) === n;
      const w = readAhead;
      if (w.file !== this || offset < w.start || offset + n > w.start + w.length) {
        // Only what is on disk: the bytes from batchStart on are still in the batch.
        w.file = null;
        w.length = readAll(this.fd, w.bytes, 0, Math.min(AHEAD, this.batchStart - offset), offset);
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

  close(): void {
    if (readAhead.file === this) readAhead.file = null;
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    if (this.path !== null) rmSync(this.path, { force: true });
    this.fd = null;
    this.path = null;
    this.broken = false;
    this.size = 0;
    giveBatch(this.batch);
    this.batch = null;
    this.batchLength = 0;
    this.batchStart = 0;
  }

  private open(): boolean {
    if (this.fd !== null) return true;
    if (this.broken) return false;
    try {
      const path = join(this.dir, `capture-spill-${process.pid}-${Date.now().toString(36)}-${(fileSerial++).toString(36)}.bin`);
      this.fd = openSync(path, 'wx+', 0o600);
      // Unlinked at once where the system allows it (POSIX): the open descriptor keeps the bytes, no
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

  private flush(): void {
    if (this.batch === null || this.batchLength === 0) return;
    writeAll(this.fd as number, this.batch.subarray(0, this.batchLength), this.batchStart);
    this.batchStart += this.batchLength;
    this.batchLength = 0;
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
