// permessage-deflate for crafted frames (RFC 7692 §7.2.1): DEFLATE the message, flush with
// Z_SYNC_FLUSH so it ends on a byte boundary, and drop the trailing 00 00 ff ff, which the
// receiver appends again before inflating (§7.2.2).
import { constants, deflateRawSync } from 'node:zlib';

const TAIL = [0x00, 0x00, 0xff, 0xff];

export interface DeflateOptions {
  /** The sender's LZ77 window, 8..15 (RFC 7692 §7.1.2: *_max_window_bits). */
  windowBits: number;
}

export function deflateMessage(payload: Uint8Array, options: DeflateOptions = { windowBits: 15 }): Uint8Array {
  const bits = Math.min(15, Math.max(8, Math.floor(options.windowBits)));
  // zlib cannot make raw DEFLATE with an 8-bit window (it silently uses 9), and a 9-bit window can
  // reach further back than a receiver limited to 8 bits accepts. Stored blocks (level 0) never
  // reach back at all, so they are safe for every window.
  const out = deflateRawSync(payload, {
    windowBits: Math.max(9, bits),
    level: bits === 8 ? 0 : constants.Z_DEFAULT_COMPRESSION,
    finishFlush: constants.Z_SYNC_FLUSH,
  });
  const n = out.length;
  const hasTail = n >= 4 && TAIL.every((b, i) => out[n - 4 + i] === b);
  return Uint8Array.from(hasTail ? out.subarray(0, n - 4) : out);
}
