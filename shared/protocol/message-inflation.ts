import type { InflateEnd, StreamInflater } from './inflate-stream.js';
import { KeptBytes } from './kept-bytes.js';
import type { Violation } from './types.js';
import { decodeUtf8, type Utf8Check } from './utf8.js';
import { violation } from './violations.js';

/** One compressed message after inflation. */
export interface InflatedMessage {
  /** The first `budget` inflated bytes (what is kept for display). */
  bytes: Uint8Array;
  /** The true inflated size: every byte was inflated and counted, kept or not. */
  length: number;
  /** bytes.length < length: a Framescope limit ("kept N of M"), never a violation. */
  truncated: boolean;
  /** Decoded text of the kept bytes, for a text message (unless `decodeText` was false). */
  text?: string;
  /** Why the message was not (wholly) inflated. */
  error?: string;
  /** Violations found while inflating: corrupt data, bytes after a final block, invalid UTF-8. */
  violations: Violation[];
}

export interface InflateOptions {
  budget: number;
  /** A text message: its inflated bytes are checked as UTF-8 (and decoded, unless decodeText is false). */
  text: boolean;
  offset: number;
  /** False: leave `text` unset (a caller that keeps the bytes and decodes them when shown). */
  decodeText?: boolean;
  utf8Check?: Utf8Check;
}

/**
 * Starts one message on the inflater and gathers its output: every byte is counted and, for
 * text, checked as UTF-8 (RFC 6455 §8.1) as it streams; only `budget` bytes are kept, so a
 * deflate bomb costs time, never memory. `offset` (the message's first frame) anchors violations.
 */
export function inflateInto(inflater: StreamInflater, o: InflateOptions): Promise<InflatedMessage> {
  return new Promise((resolve) => {
    const body = new KeptBytes(o.budget, o.text, o.utf8Check);
    inflater.begin({
      data: (bytes) => {
        body.push(bytes);
      },
      end: (r) => resolve(settle(body, r, o)),
    });
  });
}

function settle(body: KeptBytes, r: InflateEnd, o: InflateOptions): InflatedMessage {
  const violations: Violation[] = [];
  if (r.corrupt) violations.push(violation('inflate-failed', o.offset, `The compressed message is not valid DEFLATE data: ${r.error ?? 'unknown error'}.`));
  if (r.trailingBytes > 0) {
    violations.push(
      violation('deflate-trailing-bytes', o.offset, `${r.trailingBytes} compressed byte(s) follow a DEFLATE block marked final (BFINAL, RFC 1951 §3.2.3); they are not part of the message.`),
    );
  }
  if (o.text && r.error === null) {
    if (body.invalidAt >= 0) violations.push(violation('invalid-utf8', o.offset, `The inflated text is not valid UTF-8 (at byte ${body.invalidAt} of the inflated message).`));
    else if (body.endsMidCodePoint) violations.push(violation('invalid-utf8', o.offset, 'The inflated text ends in the middle of a UTF-8 sequence.'));
  }
  const bytes = body.bytes();
  const out: InflatedMessage = { bytes, length: body.total, truncated: body.truncated, violations };
  if (o.text && o.decodeText !== false) out.text = decodeUtf8(bytes);
  if (r.error !== null) out.error = r.error;
  return out;
}
