import { DEFAULT_PAYLOAD_BUDGET } from './frame-parser.js';
import { EMPTY_BYTES } from './frame-header.js';
import { OPCODE_CONTINUATION, OPCODE_TEXT, isControlOpcode, isReservedOpcode } from './opcodes.js';
import type { DecodedFrame, Violation } from './types.js';
import { Utf8Validator, decodeUtf8, findInvalidUtf8 } from './utf8.js';
import { violation } from './violations.js';

/** Synchronous inflater for one whole compressed message (RFC 7692 §7.2.2: the caller appends 00 00 ff ff). */
export type Inflate = (compressedMessage: Uint8Array) => Uint8Array | { error: string };

export interface MessageAssemblerOptions {
  /** Bytes of reassembled payload (and of inflated output) kept per message. Default 1 MiB. */
  payloadBudget?: number;
  /** Supplied by the engine when permessage-deflate was negotiated; called once per compressed message, in order. */
  inflate?: Inflate;
  /** Source of message ids (to share one sequence across directions). Default: 1, 2, 3… per assembler. */
  nextMessageId?: () => number;
}

export interface AssembledMessage {
  messageId: number;
  opcode: number;
  frameCount: number;
  /** Sum of the declared wire payload lengths of all its frames. */
  length: number;
  /** Stream offset of the message's first frame. */
  offset: number;
  /** RSV1 set on the first frame (RFC 7692 §6). */
  compressed: boolean;
  /** Reassembled wire payload (still compressed if `compressed`), at most the budget. */
  payload: Uint8Array;
  /** Inflated bytes of a compressed message, when an inflater was given and succeeded. */
  inflated?: Uint8Array;
  inflateError?: string;
  /** Decoded text of a text message (after inflation when compressed); invalid bytes show as U+FFFD. */
  text?: string;
  /** Some payload (or inflated output) was not kept. */
  truncated: boolean;
  /** False when the stream ended or another message interrupted this one. */
  complete: boolean;
}

export interface AssemblerResult {
  /** Message the pushed frame belongs to: fragments share one, control frames get their own. */
  messageId: number;
  violations: Violation[];
  /** Set when this frame finished a data message. */
  message: AssembledMessage | null;
  /** Id of an unfinished message this frame abandoned (§5.4 'message-interrupted'). */
  abandoned?: number;
}

interface Pending {
  id: number;
  opcode: number;
  offset: number;
  compressed: boolean;
  frameCount: number;
  length: number;
  parts: Uint8Array[];
  kept: number;
  truncated: boolean;
  complete: boolean;
  /** Null when not validating incrementally (binary, compressed, or a failure already reported). */
  utf8: Utf8Validator | null;
}

/**
 * Turns one direction's frames into messages (RFC 6455 §5.4): fragments are
 * joined, control frames may sit between them, and text is checked as UTF-8
 * (§8.1) fragment by fragment so the violation points at the offending byte.
 */
export class MessageAssembler {
  private readonly budget: number;
  private readonly inflate: Inflate | undefined;
  private readonly nextId: () => number;
  private pending: Pending | null = null;

  constructor(options: MessageAssemblerOptions = {}) {
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.inflate = options.inflate;
    let counter = 0;
    this.nextId = options.nextMessageId ?? (() => ++counter);
  }

  /** True while a fragmented message is waiting for more frames. */
  get inMessage(): boolean {
    return this.pending !== null;
  }

  push(frame: DecodedFrame): AssemblerResult {
    const op = frame.opcode;
    const violations: Violation[] = [];
    // Control frames (§5.5) and frames with reserved opcodes stand alone.
    if (isControlOpcode(op) || isReservedOpcode(op)) {
      return { messageId: this.nextId(), violations, message: null };
    }
    let abandoned: number | undefined;
    if (op === OPCODE_CONTINUATION) {
      if (this.pending === null) {
        violations.push(violation('unexpected-continuation', frame.offset));
        return { messageId: this.nextId(), violations, message: null };
      }
    } else {
      if (this.pending !== null) {
        violations.push(violation('message-interrupted', frame.offset));
        abandoned = this.pending.id;
      }
      this.pending = {
        id: this.nextId(),
        opcode: op,
        offset: frame.offset,
        compressed: frame.rsv1,
        frameCount: 0,
        length: 0,
        parts: [],
        kept: 0,
        truncated: false,
        complete: true,
        utf8: op === OPCODE_TEXT && !frame.rsv1 ? new Utf8Validator() : null,
      };
    }
    const pending = this.pending as Pending;
    this.append(pending, frame, violations);
    const result: AssemblerResult = { messageId: pending.id, violations, message: null };
    if (abandoned !== undefined) result.abandoned = abandoned;
    if (frame.fin || !frame.complete) {
      if (!frame.complete) pending.complete = false;
      this.pending = null;
      result.message = this.finish(pending, frame, violations);
    }
    return result;
  }

  private append(m: Pending, frame: DecodedFrame, violations: Violation[]): void {
    m.frameCount++;
    m.length += frame.payloadLength;
    if (m.truncated) return; // keep only a contiguous prefix
    let part = frame.payload;
    if (m.kept + part.length > this.budget) {
      part = part.subarray(0, this.budget - m.kept);
      m.truncated = true;
    }
    if (frame.truncated) m.truncated = true;
    if (part.length > 0) {
      m.parts.push(part);
      m.kept += part.length;
    }
    if (m.utf8 !== null) {
      const bad = m.utf8.push(part);
      if (bad >= 0) {
        violations.push(violation('invalid-utf8', frame.offset + frame.headerLength + bad, 'This text message is not valid UTF-8.'));
        m.utf8 = null;
      } else if (m.truncated) {
        m.utf8 = null; // the rest was not kept; cannot judge it
      }
    }
  }

  private finish(m: Pending, last: DecodedFrame, violations: Violation[]): AssembledMessage {
    const payload = concat(m.parts, m.kept);
    const message: AssembledMessage = {
      messageId: m.id,
      opcode: m.opcode,
      frameCount: m.frameCount,
      length: m.length,
      offset: m.offset,
      compressed: m.compressed,
      payload,
      truncated: m.truncated,
      complete: m.complete,
    };
    const isText = m.opcode === OPCODE_TEXT;
    if (!m.compressed) {
      // §8.1: a text message that ends inside a code point is invalid too.
      if (m.utf8 !== null && m.complete && !m.utf8.complete) {
        violations.push(violation('invalid-utf8', last.offset + last.headerLength + last.payloadLength, 'This text message ends in the middle of a UTF-8 sequence.'));
      }
      if (isText) message.text = decodeUtf8(payload);
      return message;
    }
    if (this.inflate === undefined) return message;
    if (m.truncated || !m.complete) {
      message.inflateError = 'The compressed message was not kept whole, so it was not inflated.';
      return message;
    }
    let out: Uint8Array | { error: string };
    try {
      out = this.inflate(payload);
    } catch (e) {
      out = { error: e instanceof Error ? e.message : String(e) };
    }
    if (!(out instanceof Uint8Array)) {
      message.inflateError = out.error;
      violations.push(violation('inflate-failed', m.offset, `The compressed message could not be inflated: ${out.error}`));
      return message;
    }
    if (out.length > this.budget) {
      out = out.subarray(0, this.budget);
      message.truncated = true;
    }
    message.inflated = out;
    if (isText) {
      const bad = message.truncated ? -1 : findInvalidUtf8(out);
      if (bad >= 0) {
        violations.push(violation('invalid-utf8', m.offset, `The inflated text is not valid UTF-8 (at byte ${bad} of the inflated message).`));
      }
      message.text = decodeUtf8(out);
    }
    return message;
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 0) return EMPTY_BYTES;
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
