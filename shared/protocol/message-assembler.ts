import { DEFAULT_PAYLOAD_BUDGET } from './frame-parser.js';
import type { StreamInflater } from './inflate-stream.js';
import { KeptBytes } from './kept-bytes.js';
import { inflateInto, type InflatedMessage } from './message-inflation.js';
import { OPCODE_BINARY, OPCODE_CONTINUATION, OPCODE_TEXT, isControlOpcode, isReservedOpcode } from './opcodes.js';
import type { DecodedFrame, Violation } from './types.js';
import { decodeUtf8, findInvalidUtf8, type Utf8Check } from './utf8.js';
import { violation } from './violations.js';

export interface MessageAssemblerOptions {
  /** Bytes of reassembled payload (and of inflated output) kept per message. Default 1 MiB. */
  payloadBudget?: number;
  /** Supplied by the engine when permessage-deflate was negotiated: this direction's one inflate stream. */
  inflater?: StreamInflater;
  /** Source of message ids (to share one sequence across directions). Default: 1, 2, 3… per assembler. */
  nextMessageId?: () => number;
  /**
   * False: text messages are validated but not decoded into `text` (a relay keeps the bytes and
   * decodes them only when shown; decoding every message cost a recording relay more than the rest
   * of a 1 KiB text frame's work). Default true.
   */
  decodeText?: boolean;
  /** A native whole-range UTF-8 check to speed validation up (see utf8.ts Utf8Check). */
  utf8Check?: Utf8Check;
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
  /** Decoded text of an uncompressed text message (of the kept part; not with decodeText false); invalid bytes show as U+FFFD. */
  text?: string;
  /** Some wire payload was not kept (a Framescope limit, not a violation). */
  truncated: boolean;
  /** False when the stream ended or another message interrupted this one. */
  complete: boolean;
  /** A compressed message, when an inflater was given: settles (never rejects) once inflated. */
  inflation?: Promise<InflatedMessage>;
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
  /** The wire payload; validated as UTF-8 when it is uncompressed text. */
  wire: KeptBytes;
  complete: boolean;
  inflation: Promise<InflatedMessage> | null;
  /** The inflater is still being fed this message (false once it ended or was abandoned). */
  inflating: boolean;
}

/**
 * Turns one direction's frames into messages (RFC 6455 §5.4): fragments are joined, control
 * frames may sit between them, text is checked as UTF-8 (§8.1) over the WHOLE message, streaming,
 * while only a budgeted prefix is kept, and compressed messages are streamed through the
 * direction's one inflater (RFC 7692 §7.2.2), so what is kept never changes what is decoded.
 * Payload beyond the parser's per-frame budget arrives through overflow() before the frame.
 */
export class MessageAssembler {
  private readonly budget: number;
  private readonly inflater: StreamInflater | undefined;
  private readonly nextId: () => number;
  private readonly decodeText: boolean;
  private readonly utf8Check: Utf8Check | undefined;
  private pending: Pending | null = null;
  /** The frame whose payload overflow() already started, with what its start produced. */
  private begun: DecodedFrame | null = null;
  private begunResult: AssemblerResult | null = null;
  /** Payload bytes of the current frame fed so far (to point UTF-8 violations into the stream). */
  private frameFed = 0;

  constructor(options: MessageAssemblerOptions = {}) {
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.inflater = options.inflater;
    let counter = 0;
    this.nextId = options.nextMessageId ?? (() => ++counter);
    this.decodeText = options.decodeText ?? true;
    this.utf8Check = options.utf8Check;
  }

  /** True while a fragmented message is waiting for more frames. */
  get inMessage(): boolean {
    return this.pending !== null;
  }

  /** Payload bytes of `frame` beyond its kept `payload` (parser option streamOverflow), in order. */
  overflow(frame: DecodedFrame, bytes: Uint8Array): void {
    if (this.begun !== frame) {
      this.begunResult = this.start(frame);
      this.begun = frame;
    }
    const m = this.pending;
    if (m !== null && m.id === this.begunResult?.messageId) this.feed(m, frame, bytes, false, this.begunResult.violations);
  }

  push(frame: DecodedFrame): AssemblerResult {
    // The common case: a whole single-frame message, nothing open, nothing to inflate.
    if (frame.fin && this.pending === null && this.begun === null && (frame.opcode === OPCODE_TEXT || frame.opcode === OPCODE_BINARY) && frame.complete && !(frame.rsv1 && this.inflater !== undefined) && !frame.truncated) {
      return this.single(frame);
    }
    let result: AssemblerResult;
    if (this.begun === frame && this.begunResult !== null) result = this.begunResult;
    else result = this.start(frame);
    this.begun = null;
    this.begunResult = null;
    const m = this.pending;
    if (m === null || m.id !== result.messageId) return result; // a control frame or a stray continuation
    if (frame.complete && this.frameFed < frame.payloadLength) this.missed(m);
    if (frame.fin || !frame.complete) {
      if (!frame.complete) m.complete = false;
      this.pending = null;
      result.message = this.finish(m, frame, result.violations);
    }
    return result;
  }

  private single(frame: DecodedFrame): AssemblerResult {
    const payload = frame.payload;
    const message: AssembledMessage = {
      messageId: this.nextId(),
      opcode: frame.opcode,
      frameCount: 1,
      length: frame.payloadLength,
      offset: frame.offset,
      compressed: frame.rsv1,
      payload,
      truncated: payload.length > this.budget,
      complete: true,
    };
    let violations: Violation[] = [];
    if (frame.opcode === OPCODE_TEXT && !frame.rsv1) {
      const bad = findInvalidUtf8(payload, 0, payload.length, this.utf8Check);
      if (bad >= 0) {
        violations = [
          bad === payload.length
            ? violation('invalid-utf8', frame.offset + frame.headerLength + bad, 'This text message ends in the middle of a UTF-8 sequence.')
            : violation('invalid-utf8', frame.offset + frame.headerLength + bad, 'This text message is not valid UTF-8.'),
        ];
      }
      if (this.decodeText) message.text = decodeUtf8(message.truncated ? payload.subarray(0, this.budget) : payload);
    }
    if (message.truncated) message.payload = payload.subarray(0, this.budget);
    return { messageId: message.messageId, violations, message };
  }

  /** The stream ended between frames: a fragmented message left open is given up. */
  end(): void {
    if (this.pending !== null) this.abandon(this.pending, 'The connection ended before the compressed message did.');
    this.pending = null;
  }

  /** Opens the frame: message bookkeeping, §5.4 ordering rules, then its kept payload. */
  private start(frame: DecodedFrame): AssemblerResult {
    const op = frame.opcode;
    const violations: Violation[] = [];
    // Control frames (§5.5) and frames with reserved opcodes stand alone.
    if (isControlOpcode(op) || isReservedOpcode(op)) return { messageId: this.nextId(), violations, message: null };
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
        this.abandon(this.pending, 'Another message started before this compressed message ended.');
      }
      this.pending = this.open(frame);
    }
    const m = this.pending as Pending;
    m.frameCount++;
    m.length += frame.payloadLength;
    this.frameFed = 0;
    this.feed(m, frame, frame.payload, true, violations);
    const result: AssemblerResult = { messageId: m.id, violations, message: null };
    if (abandoned !== undefined) result.abandoned = abandoned;
    return result;
  }

  private open(frame: DecodedFrame): Pending {
    const compressed = frame.rsv1;
    const text = frame.opcode === OPCODE_TEXT;
    const m: Pending = {
      id: this.nextId(),
      opcode: frame.opcode,
      offset: frame.offset,
      compressed,
      frameCount: 0,
      length: 0,
      wire: new KeptBytes(this.budget, text && !compressed, this.utf8Check),
      complete: true,
      inflation: null,
      inflating: false,
    };
    if (compressed && this.inflater !== undefined) {
      m.inflation = inflateInto(this.inflater, { budget: this.budget, text, offset: frame.offset, decodeText: this.decodeText, ...(this.utf8Check !== undefined ? { utf8Check: this.utf8Check } : {}) });
      m.inflating = true;
    }
    return m;
  }

  private feed(m: Pending, frame: DecodedFrame, bytes: Uint8Array, keep: boolean, violations: Violation[]): void {
    const bad = m.wire.push(bytes, keep);
    if (bad >= 0) {
      violations.push(violation('invalid-utf8', frame.offset + frame.headerLength + this.frameFed + bad, 'This text message is not valid UTF-8.'));
    }
    this.frameFed += bytes.length;
    if (m.inflating && bytes.length > 0) this.inflater?.write(bytes);
  }

  /** Part of a frame's payload was never fed (no streamOverflow): the rest cannot be judged or inflated. */
  private missed(m: Pending): void {
    m.wire.blind();
    this.abandon(m, 'Not every compressed byte reached the decoder, so the message was not inflated.');
  }

  private abandon(m: Pending, reason: string): void {
    if (!m.inflating) return;
    m.inflating = false;
    this.inflater?.abandon(reason);
  }

  private finish(m: Pending, last: DecodedFrame, violations: Violation[]): AssembledMessage {
    const payload = m.wire.bytes();
    const message: AssembledMessage = {
      messageId: m.id,
      opcode: m.opcode,
      frameCount: m.frameCount,
      length: m.length,
      offset: m.offset,
      compressed: m.compressed,
      payload,
      truncated: m.wire.total < m.length || m.wire.truncated,
      complete: m.complete,
    };
    if (m.compressed) {
      if (m.inflation !== null) {
        if (!m.complete) this.abandon(m, 'The message was cut short, so it was not inflated whole.');
        else if (m.inflating) {
          m.inflating = false;
          this.inflater?.end();
        }
        message.inflation = m.inflation;
      }
      return message;
    }
    // §8.1: a text message that ends inside a code point is invalid too.
    if (m.complete && m.wire.total === m.length && m.wire.endsMidCodePoint) {
      violations.push(violation('invalid-utf8', last.offset + last.headerLength + last.payloadLength, 'This text message ends in the middle of a UTF-8 sequence.'));
    }
    if (m.opcode === OPCODE_TEXT && this.decodeText) message.text = decodeUtf8(payload);
    return message;
  }
}
