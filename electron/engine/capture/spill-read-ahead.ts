// Reading the spill files back (spill-file.ts): one read-ahead window for every spill file of the
// process. Readers of many frames go in order (a search over whole payloads, an export, a page of
// rows), so one read serves the frames that follow instead of one system call each. Reads are
// synchronous, so one window is never shared by two readers at once. A window covers only bytes
// whose write is done, and nothing is ever written there again, so a window stays true.
import { readSync } from 'node:fs';

/** Reads of at most this many bytes go through the window. */
const AHEAD = 256 * 1024;

const window = { file: null as object | null, start: 0, length: 0, bytes: Buffer.allocUnsafeSlow(AHEAD) };

/**
 * Copies k bytes of `file`'s descriptor at `offset` into out[at…]; returns k, or 0 if the file
 * holds fewer. `written` is how many bytes from `offset` are on disk (how far the window may read).
 * A read that fails forgets the window and throws.
 */
export function readSpill(file: object, fd: number, offset: number, k: number, written: number, out: Uint8Array, at: number): number {
  try {
    if (k > AHEAD) return readAll(fd, out, at, k, offset);
    const w = window;
    if (w.file !== file || offset < w.start || offset + k > w.start + w.length) {
      w.file = null;
      w.length = readAll(fd, w.bytes, 0, Math.min(AHEAD, written), offset);
      if (w.length < k) return 0;
      w.file = file;
      w.start = offset;
    }
    out.set(w.bytes.subarray(offset - w.start, offset - w.start + k), at);
    return k;
  } catch (err) {
    window.file = null;
    throw err;
  }
}

/** The file is closed: its descriptor may be reused by another, so the window no longer stands for it. */
export function forgetReadAhead(file: object): void {
  if (window.file === file) window.file = null;
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
