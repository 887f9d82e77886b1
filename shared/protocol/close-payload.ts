import { closeCodeValidity } from './close-codes.js';
import type { Violation } from './types.js';
import { decodeUtf8, encodeUtf8, findInvalidUtf8 } from './utf8.js';
import { violation } from './violations.js';

export interface ClosePayload {
  /** The status code, or null when the payload is empty (API status 1005) or malformed. */
  code: number | null;
  reason: string;
  violations: Violation[];
}

/**
 * Reads a Close frame body (RFC 6455 §5.5.1): empty, or a 2-byte big-endian
 * status code followed by a UTF-8 reason. `baseOffset` is the stream offset of
 * the first payload byte so violations point into the stream.
 */
export function parseClosePayload(payload: Uint8Array, baseOffset = 0): ClosePayload {
  const violations: Violation[] = [];
  if (payload.length === 0) return { code: null, reason: '', violations };
  if (payload.length === 1) {
    violations.push(violation('close-payload-one-byte', baseOffset));
    return { code: null, reason: '', violations };
  }
  const code = ((payload[0] as number) << 8) | (payload[1] as number);
  const validity = closeCodeValidity(code);
  if (!validity.valid) {
    violations.push(violation('invalid-close-code', baseOffset, `Close code ${code} is not allowed on the wire: ${validity.reason}.`));
  }
  // §5.5.1 / §8.1: the reason must be valid UTF-8.
  const bad = findInvalidUtf8(payload, 2);
  if (bad >= 0) {
    violations.push(violation('invalid-utf8', baseOffset + bad, 'The close reason is not valid UTF-8.'));
  }
  return { code, reason: decodeUtf8(payload.subarray(2)), violations };
}

/** Builds a Close frame body; `code` null gives an empty body. Does not validate (the crafter may lie on purpose). */
export function closePayload(code: number | null, reason = ''): Uint8Array {
  if (code === null) return new Uint8Array(0);
  const text = encodeUtf8(reason);
  const out = new Uint8Array(2 + text.length);
  out[0] = (code >>> 8) & 0xff;
  out[1] = code & 0xff;
  out.set(text, 2);
  return out;
}
