// Text and regex matching against whole payloads: a data message reassembled across its frames and
// inflated when compressed, a control frame's payload. Payloads are read and decoded a piece at a
// time (a message of any size is never held whole), and a match may be resumed between pieces, so
// the scan that drives it can yield to the event loop inside a 20 MiB message. Regexes run on
// RE2JS, a linear-time engine in pure TypeScript: no pattern can make it backtrack forever.
import { RE2JS } from 're2js';
import { FramescopeError } from '../../../shared/api/errors';
import type { FrameFilter } from '../../../shared/model';
import { OPCODE_CLOSE, isControlOpcode } from '../../../shared/protocol/index';
import { messageCompressed } from './frame-preview';
import { R_MESSAGE_END } from './frame-table';
import { frameKept, messageSpan, readFrameRange, readMessageRange, type PayloadStore } from './payload-reader';

const MAX_PATTERN_LENGTH = 500;
/** Bytes read and tested per step. */
const PIECE = 1024 * 1024;
/** Characters of the previous piece kept in front of the next, so a regex match may span pieces. */
const REGEX_OVERLAP = 4096;

type Test = (text: string) => boolean;

export interface TextQuery {
  test: Test;
  /** Characters a match may span across a piece boundary. */
  overlap: number;
}

/** Compiles the filter's text (plain, case-insensitive; or an RE2 regex); null when there is none. */
export function textQuery(f: FrameFilter): TextQuery | null {
  const text = f.text ?? '';
  if (text === '') return null;
  if (text.length > MAX_PATTERN_LENGTH) throw new FramescopeError('invalid', `The filter text is longer than ${MAX_PATTERN_LENGTH} characters.`);
  if (!f.regex) {
    const needle = text.toLowerCase();
    return { test: (s) => s.toLowerCase().includes(needle), overlap: text.length - 1 };
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(text, RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    throw new FramescopeError('invalid', `The filter is not a valid regular expression: ${(err as Error).message}`);
  }
  return { test: (s) => re.test(s), overlap: REGEX_OVERLAP };
}

/** Reads `length` bytes of what a frame is matched against, from `offset`. */
type Reader = (offset: number, length: number) => Uint8Array;

/** A match in progress over one frame's payload or message: `step` until it returns a verdict. */
export class PayloadMatch {
  private offset = 0;
  private tail = '';
  private readonly decoder = new TextDecoder();

  private constructor(
    private readonly query: TextQuery,
    private readonly read: Reader,
    private readonly size: number,
    private readonly prefix: string,
  ) {}

  /** What frame `id` is matched against; null when it has no text to match (a compressed fragment). */
  static of(store: PayloadStore, query: TextQuery, id: number): PayloadMatch | null {
    const t = store.frames;
    const op = t.opcode(id);
    const view = store;
    if (isControlOpcode(op)) {
      const kept = frameKept(view, id);
      if (op !== OPCODE_CLOSE || kept < 2) return new PayloadMatch(query, (o, n) => readFrameRange(view, id, o, n), kept, '');
      // A Close payload is a 2-byte status code, then the UTF-8 reason (RFC 6455 §5.5.1).
      const code = readFrameRange(view, id, 0, 2);
      return new PayloadMatch(query, (o, n) => readFrameRange(view, id, 2 + o, n), kept - 2, `${((code[0] as number) << 8) | (code[1] as number)} `);
    }
    if (t.hasFlag(id, R_MESSAGE_END)) {
      const span = messageSpan(view, id);
      return new PayloadMatch(query, (o, n) => readMessageRange(view, span, o, n), span.kept, '');
    }
    // A fragment before its message's end: its own bytes, unless the message is compressed
    // (RFC 7692 §6: RSV1 on the first frame), where a fragment alone cannot be inflated.
    if (messageCompressed(t, id)) return null;
    return new PayloadMatch(query, (o, n) => readFrameRange(view, id, o, n), frameKept(view, id), '');
  }

  /** Tests the next piece: true or false once decided, null while there is more to read. */
  step(): boolean | null {
    const start = this.offset;
    const end = Math.min(this.size, start + PIECE);
    const bytes = this.read(start, end - start);
    this.offset = end;
    const last = end >= this.size;
    const text = (start === 0 ? this.prefix : '') + this.decoder.decode(bytes, { stream: !last });
    const window = this.tail + text;
    if (this.query.test(window)) return true;
    if (last || bytes.length === 0) return false;
    this.tail = this.query.overlap > 0 ? window.slice(-this.query.overlap) : '';
    return null;
  }

  /** Runs to a verdict (small payloads, tests). */
  run(): boolean {
    for (;;) {
      const verdict = this.step();
      if (verdict !== null) return verdict;
    }
  }
}
