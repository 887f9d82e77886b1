// Decodes one direction of a live WebSocket beside the relay and records each frame. The parser is
// fed exactly the bytes written to the receiving socket (relayed and injected alike), in order, so
// its offsets are the receiver's stream offsets and its frame boundaries are where injection may
// happen. Decoding continues while capture is paused: boundaries and the inflate context
// (RFC 7692 §7.2.2) must stay right for when recording resumes.
import {
  FrameParser,
  MessageAssembler,
  OPCODE_CLOSE,
  deflateFor,
  isControlOpcode,
  isReservedOpcode,
  parseClosePayload,
  type DecodedFrame,
  type DeflateParams,
  type Peer,
} from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from './capture-store';
import { createInflater, type CaptureInflater } from './inflater';

/** Payload bytes kept per frame and per message by the capture's decoder. */
export const CAPTURE_FRAME_BUDGET = 1024 * 1024;

export interface Injection {
  start: number;
  end: number;
  firstFrameId: number | null;
}

export class WsDirectionRecorder {
  readonly parser: FrameParser;
  private readonly assembler: MessageAssembler;
  private readonly inflater: CaptureInflater | null;
  private headerTime = 0;
  private pendingMessageId = -1;
  private lastInMessage = -1;
  private generation: number;
  private readonly injections: Injection[] = [];
  private ended = false;

  constructor(
    private readonly store: CaptureStore,
    private readonly record: ConnectionRecord,
    readonly from: Peer,
    deflate: DeflateParams | null,
    frameBudget = CAPTURE_FRAME_BUDGET,
  ) {
    this.generation = store.generation;
    this.parser = new FrameParser({ from, payloadBudget: frameBudget, rsv1Allowed: deflate !== null });
    this.inflater = deflate === null ? null : createInflater({ noContextTakeover: deflateFor(from, deflate).noContextTakeover });
    this.assembler = new MessageAssembler({
      payloadBudget: frameBudget,
      nextMessageId: () => store.nextMessageId(),
      ...(this.inflater ? { inflate: this.inflater.inflate } : {}),
    });
  }

  /** Declares that the next `length` bytes pushed are injected; frames starting in them are marked. */
  beginInjection(length: number): Injection {
    const start = this.parser.offset;
    const injection: Injection = { start, end: start + length, firstFrameId: null };
    this.injections.push(injection);
    return injection;
  }

  push(chunk: Uint8Array, time: number): void {
    if (this.ended) return;
    this.store.countBytes(this.record, this.from, chunk.length);
    const events = this.parser.push(chunk);
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.type === 'header') this.headerTime = time;
      else if (e.type === 'frame') this.onFrame(e.frame);
      else if (e.violation) this.store.countViolations(this.record, 1);
    }
  }

  /** The stream ended: a frame cut short is recorded as incomplete. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const e of this.parser.end()) {
      if (e.type === 'frame') this.onFrame(e.frame);
      else if (e.type === 'undecodable' && e.violation) this.store.countViolations(this.record, 1);
    }
  }

  private onFrame(frame: DecodedFrame): void {
    const summary = this.record.summary;
    const counters = summary.counters[this.from];
    if (this.store.generation !== this.generation) {
      this.generation = this.store.generation;
      this.lastInMessage = -1;
    }
    const result = this.assembler.push(frame);
    const op = frame.opcode;
    const control = isControlOpcode(op) || isReservedOpcode(op);
    const continues = !control && result.messageId === this.pendingMessageId;
    const messageEnd = control || !this.assembler.inMessage || result.message !== null;
    const message = result.message;
    if (message?.compressed && message.inflated === undefined && message.inflateError !== undefined) this.inflater?.lose(message.inflateError);
    const violations = result.violations.length > 0 ? [...frame.violations, ...result.violations] : frame.violations;
    const id = this.store.addFrame({
      time: this.headerTime,
      connectionId: summary.id,
      from: this.from,
      index: counters.frames,
      offset: frame.offset,
      fin: frame.fin,
      rsv1: frame.rsv1,
      rsv2: frame.rsv2,
      rsv3: frame.rsv3,
      opcode: op,
      masked: frame.masked,
      lengthEncoding: frame.lengthEncoding,
      payloadLength: frame.payloadLength,
      headerBytes: frame.headerBytes,
      payload: frame.payload,
      messageId: result.messageId,
      prevInMessage: continues ? this.lastInMessage : -1,
      injected: this.isInjected(frame.offset),
      incomplete: !frame.complete,
      violations,
      messageEnd,
      compressed: message?.compressed ?? false,
      messageTruncated: message !== null && (message.truncated || !message.complete),
      ...(message?.inflated !== undefined ? { inflated: message.inflated } : {}),
      ...(message?.inflateError !== undefined ? { inflateError: message.inflateError } : {}),
    });
    if (!control) {
      if (messageEnd) this.pendingMessageId = -1;
      else {
        this.pendingMessageId = result.messageId;
        this.lastInMessage = id;
      }
    }
    // addFrame counted the frame, its message end and its violations on the connection.
    if (op === OPCODE_CLOSE && frame.complete) this.onClose(frame);
    this.noteInjected(frame.offset, id);
  }

  private onClose(frame: DecodedFrame): void {
    const close = frame.truncated ? null : parseClosePayload(frame.payload);
    this.store.closing(this.record, close === null ? null : { code: close.code, reason: close.reason });
  }

  private isInjected(offset: number): boolean {
    for (const inj of this.injections) if (offset >= inj.start && offset < inj.end) return true;
    return false;
  }

  private noteInjected(offset: number, id: number): void {
    while (this.injections.length > 0 && (this.injections[0] as Injection).end <= offset) this.injections.shift();
    const first = this.injections[0];
    if (first !== undefined && offset >= first.start && offset < first.end && first.firstFrameId === null && id >= 0) first.firstFrameId = id;
  }
}
