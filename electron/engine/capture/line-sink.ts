// Batches lines into 1 MiB buffers before they reach a file: a stream of small frame records costs
// one write per megabyte, and no capture is ever built as one string. The same sink serves the
// CLI's `--out` (synchronous writes, between relay events) and Save capture (awaited writes).
import { closeSync, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

const BATCH = 1 << 20;

export class LineBatch {
  private buffer = Buffer.allocUnsafeSlow(BATCH);
  private used = 0;
  /** Bytes added so far (batched or written). */
  size = 0;

  /** Adds a line; true when the batch is full and should be written out. */
  add(text: string): boolean {
    if (this.used + 3 * text.length <= this.buffer.length) {
      // Room for it whatever its characters (UTF-8 takes at most 3 bytes per UTF-16 unit): one
      // pass, where measuring the line first would flatten and scan it once more.
      const n = this.buffer.write(text, this.used, 'utf8');
      this.used += n;
      this.size += n;
      return this.used >= BATCH / 2 || this.spill.length > 0;
    }
    const n = Buffer.byteLength(text);
    // Lines of base64 (nearly every byte of a capture file) are ASCII: one byte per character,
    // and latin1 copies them without UTF-8 encoding work.
    return this.put(text, n, n === text.length ? 'latin1' : 'utf8');
  }

  /**
   * Adds text the caller knows is ASCII (base64, numbers, fixed words), copied as it is; a line may
   * come in several pieces. A frame's base64 then never becomes part of a longer string that V8
   * must flatten and that outlives it: in the relay's process that garbage cost more than encoding.
   */
  addAscii(text: string): boolean {
    return this.put(text, text.length, 'latin1');
  }

  private put(text: string, n: number, encoding: 'latin1' | 'utf8'): boolean {
    if (this.used + n > this.buffer.length) {
      if (this.used > 0) this.spill.push(this.take());
      if (n > this.buffer.length) {
        this.spill.push(Buffer.from(text, encoding));
        this.size += n;
        return true;
      }
    }
    this.used += this.buffer.write(text, this.used, encoding);
    this.size += n;
    return this.used >= BATCH / 2 || this.spill.length > 0;
  }

  /** Full batches waiting to be written, then the current one. */
  drain(): Buffer[] {
    const out = this.spill;
    this.spill = [];
    if (this.used > 0) out.push(this.take());
    return out;
  }

  /** Hands full batches, then the current one, to a synchronous writer without copying the latter. */
  drainInto(write: (bytes: Uint8Array) => void): void {
    for (const b of this.spill) write(b);
    this.spill = [];
    if (this.used > 0) write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private spill: Buffer[] = [];

  private take(): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, this.used));
    this.used = 0;
    return out;
  }
}

/** A file created 0600 (captures hold secrets), written synchronously in batches. */
export class SyncLineFile {
  private readonly batch = new LineBatch();
  private constructor(private fd: number | null) {}

  static create(path: string): SyncLineFile {
    const fd = openSync(path, 'w', 0o600);
    fchmodSync(fd, 0o600); // the file may have existed with a wider mode
    return new SyncLineFile(fd);
  }

  write(text: string): void {
    if (this.batch.add(text)) this.flush();
  }

  /** Text known to be ASCII, perhaps a piece of a line (LineBatch.addAscii). */
  writeAscii(text: string): void {
    if (this.batch.addAscii(text)) this.flush();
  }

  flush(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    // Written straight from the batch buffer: a synchronous write needs no copy of it.
    this.batch.drainInto((b) => writeAll(fd, b));
  }

  /** Closes without writing what is batched (after a write failed). */
  discard(): void {
    if (this.fd === null) return;
    this.batch.drain();
    try {
      closeSync(this.fd);
    } catch {
      // Nothing more can be done with it.
    }
    this.fd = null;
  }

  close(): void {
    if (this.fd === null) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
  }
}

/** The same over an open FileHandle, with awaited writes (the engine stays responsive). */
export class AsyncLineFile {
  private readonly batch = new LineBatch();
  constructor(private readonly handle: FileHandle) {}

  get size(): number {
    return this.batch.size;
  }

  /** Adds a line; returns a promise only when a batch had to be written. */
  write(text: string): Promise<void> | null {
    return this.batch.add(text) ? this.flush() : null;
  }

  async flush(): Promise<void> {
    for (const b of this.batch.drain()) await this.handle.write(b);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}
