// Reads a capture file line by line, in 1 MiB reads, without holding more than one line: a file of
// any size is read in bounded memory. A line longer than the cap is reported as too long (its
// bytes are skipped, not kept), so one giant line cannot take the engine's heap.
import { open } from 'node:fs/promises';

const READ = 1 << 20;
/** Longest line read: a version-2 line is under 400 KiB; a version-1 frame line under 5 MiB. */
export const MAX_LINE = 16 * 1024 * 1024;

export interface FileLine {
  /** The line's text, or null when it was longer than MAX_LINE. */
  text: string | null;
  /** File offset just after the line (for progress). */
  end: number;
}

export async function* fileLines(path: string): AsyncGenerator<FileLine> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ);
    let parts: Buffer[] = [];
    let partLength = 0;
    let tooLong = false;
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ, position);
      if (bytesRead === 0) break;
      let start = 0;
      for (;;) {
        const nl = buffer.indexOf(0x0a, start);
        const stop = nl < 0 || nl >= bytesRead ? bytesRead : nl;
        if (!tooLong) {
          if (partLength + stop - start > MAX_LINE) {
            tooLong = true;
            parts = [];
            partLength = 0;
          } else if (stop > start) {
            parts.push(Buffer.from(buffer.subarray(start, stop)));
            partLength += stop - start;
          }
        }
        if (stop === bytesRead) break;
        yield { text: tooLong ? null : Buffer.concat(parts, partLength).toString('utf8'), end: position + nl + 1 };
        parts = [];
        partLength = 0;
        tooLong = false;
        start = nl + 1;
      }
      position += bytesRead;
    }
    if (tooLong || partLength > 0) yield { text: tooLong ? null : Buffer.concat(parts, partLength).toString('utf8'), end: position };
  } finally {
    await handle.close();
  }
}
