// permessage-deflate decompression for the capture (RFC 7692 §7.2.2), synchronous so the
// MessageAssembler can call it inline. With context takeover the sender's LZ77 window spans
// messages, so each message is inflated with the previous 32 KiB of output as the dictionary.
import { constants, inflateRawSync } from 'node:zlib';
import type { Inflate } from '../../../shared/protocol/index';

const TAIL = new Uint8Array([0x00, 0x00, 0xff, 0xff]);
/** The largest LZ77 window (2^15): a longer history can never be referenced. */
const WINDOW = 32 * 1024;
/** Inflated bytes allowed per message: a decompression bomb must not take the process down. */
export const MAX_INFLATED = 16 * 1024 * 1024;

export interface CaptureInflater {
  inflate: Inflate;
  /** A message could not be inflated: with context takeover, every later one depends on it. */
  lose(reason: string): void;
}

export function createInflater(options: { noContextTakeover: boolean }): CaptureInflater {
  let history = new Uint8Array(0);
  let lost: string | null = null;
  const lose = (reason: string): void => {
    if (!options.noContextTakeover) lost ??= reason;
  };
  const inflate: Inflate = (compressed) => {
    if (lost !== null) return { error: `an earlier message could not be inflated (${lost}), so the shared compression context is lost` };
    const input = new Uint8Array(compressed.length + 4);
    input.set(compressed, 0);
    input.set(TAIL, compressed.length);
    let out: Uint8Array;
    try {
      // windowBits 15 decodes every smaller window too (RFC 7692 §7.1.2).
      out = inflateRawSync(input, {
        finishFlush: constants.Z_SYNC_FLUSH,
        windowBits: 15,
        maxOutputLength: MAX_INFLATED,
        ...(history.length > 0 && !options.noContextTakeover ? { dictionary: history } : {}),
      });
    } catch (err) {
      const message = err instanceof RangeError ? `more than ${MAX_INFLATED} bytes once inflated` : (err as Error).message;
      lose(message);
      return { error: message };
    }
    if (!options.noContextTakeover) {
      if (out.length >= WINDOW) history = out.slice(out.length - WINDOW);
      else {
        const keep = Math.min(history.length, WINDOW - out.length);
        const next = new Uint8Array(keep + out.length);
        next.set(history.subarray(history.length - keep), 0);
        next.set(out, keep);
        history = next;
      }
    }
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  };
  return { inflate, lose };
}
