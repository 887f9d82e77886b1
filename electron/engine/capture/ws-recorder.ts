// Decodes one direction of a live WebSocket beside the relay and records each frame. The decoder is
// fed exactly the bytes written to the receiving socket (relayed and injected alike), in order, so
// its offsets are the receiver's stream offsets and its frame boundaries are where injection may
// happen. Decoding continues while capture is paused: boundaries and the inflate window
// (RFC 7692 §7.2.2) must stay right for when recording resumes.
// Compressed messages inflate asynchronously (off the event loop); frames are still recorded in
// stream order: a frame that ends a compressed message waits for its inflation, and any frame
// after it waits behind it.
import {
  DirectionDecoder,
  OPCODE_CLOSE,
  deflateFor,
  isControlOpcode,
  isReservedOpcode,
  parseClosePayload,
  type AssemblerResult,
  type DecodedFrame,
  type DeflateParams,
  type InflatedMessage,
  type Peer,
} from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from './capture-store';
import type { FrameInput } from './frame-table';
import { createStreamInflater } from './inflater';
import { nativeParserHelpers } from './native-helpers';
import { recordQueueOf, type RecordQueue } from './record-queue';

/** Payload bytes kept per frame and per message by the capture's decoder. */
export const CAPTURE_FRAME_BUDGET = 1024 * 1024;

export interface Injection {
  start: number;
  end: number;
  firstFrameId: number | null;
}

/** A decoded frame waiting for its turn to be recorded. */
interface Row {
  frame: DecodedFrame;
  result: AssemblerResult;
  time: number;
  injected: boolean;
  /** Set once the message's inflation settled (only frames ending a compressed message wait). */
  inflated: InflatedMessage | null;
  messageEnd: boolean;
}

export class WsDirectionRecorder {
  private readonly decoder: DirectionDecoder;
  private headerTime = 0;
  /** Time of the chunk being decoded. */
  private time = 0;
  private pendingMessageId = -1;
  private lastInMessage = -1;
  private generation: number;
  private readonly injections: Injection[] = [];
  /** Shared by every recorder of the store, so ids stay in stream order while messages inflate. */
  private readonly queue: RecordQueue;
  private ended = false;

  constructor(
    private readonly store: CaptureStore,
    private readonly record: ConnectionRecord,
    readonly from: Peer,
    deflate: DeflateParams | null,
    frameBudget = CAPTURE_FRAME_BUDGET,
  ) {
    this.generation = store.generation;
    this.queue = recordQueueOf(store);
    const sender = deflate === null ? null : deflateFor(from, deflate);
    this.decoder = new DirectionDecoder(
      {
        from,
        payloadBudget: frameBudget,
        rsv1Allowed: deflate !== null,
        nextMessageId: () => store.nextMessageId(),
        ...nativeParserHelpers,
        // The store keeps the bytes; text is decoded when a view or an export asks for it.
        decodeText: false,
        // Every chunk pushed here is an array nobody writes to again (a socket read, injected
        // frames, an import's decoded bytes): an unmasked payload is taken as a view, not copied.
        viewChunks: true,
        ...(sender !== null ? { inflater: createStreamInflater(sender) } : {}),
      },
      {
        header: () => {
          this.headerTime = this.time;
        },
        frame: (frame, result) => this.onFrame(frame, result),
        undecodable: (_offset, _length, violations) => {
          if (violations !== undefined) this.store.countViolations(this.record, violations.length);
        },
      },
    );
  }

  get parser(): DirectionDecoder['parser'] {
    return this.decoder.parser;
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
    this.time = time;
    this.decoder.push(chunk);
  }

  /** The stream ended: a frame cut short is recorded as incomplete. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.decoder.end();
  }

  /** Bytes inflated so far on this direction (true sizes, kept or not): what a deflate bomb costs. */
  inflatedBytes = 0;
  /** Frames the store recorded from this direction. */
  recorded = 0;
  /**
   * Record whatever the pause says (an opened file is the user's own act). Per recorder, not per
   * call: a compressed message is recorded when its inflation settles, after the import's turn.
   */
  recordAnyway = false;

  /** Resolves once every frame decoded so far is recorded (compressed messages inflate asynchronously). */
  settled(): Promise<void> {
    return this.queue.settled();
  }

  private onFrame(frame: DecodedFrame, result: AssemblerResult): void {
    const control = isControlOpcode(frame.opcode) || isReservedOpcode(frame.opcode);
    const messageEnd = control || !this.decoder.assembler.inMessage || result.message !== null;
    const row: Row = { frame, result, time: this.headerTime, injected: this.isInjected(frame.offset), inflated: null, messageEnd };
    const inflation = result.message?.inflation;
    // Nearly every frame: nothing to inflate and nothing waiting, so no queue entry and no closure.
    if (inflation === undefined && this.queue.idle) return this.add(row);
    const queued = this.queue.add(inflation === undefined, () => this.add(row));
    if (inflation !== undefined) {
      void inflation.then((inflated) => {
        row.inflated = inflated;
        queued.resolve();
      });
    }
  }

  private add(row: Row): void {
    const { frame, result, inflated } = row;
    const summary = this.record.summary;
    const counters = summary.counters[this.from];
    if (this.store.generation !== this.generation) {
      this.generation = this.store.generation;
      this.lastInMessage = -1;
    }
    const op = frame.opcode;
    const control = isControlOpcode(op) || isReservedOpcode(op);
    const message = result.message;
    const continues = !control && result.messageId === this.pendingMessageId;
    const messageEnd = row.messageEnd;
    let violations = frame.violations;
    if (result.violations.length > 0 || (inflated !== null && inflated.violations.length > 0)) {
      violations = [...frame.violations, ...result.violations, ...(inflated?.violations ?? [])];
    }
    const input: FrameInput = {
      time: row.time,
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
      injected: row.injected,
      incomplete: !frame.complete,
      violations,
      messageEnd,
      compressed: message?.compressed ?? false,
      // What was not kept is Framescope's limit, reported with the true sizes (never a violation).
      messageTruncated: message !== null && (!message.complete || (inflated !== null ? inflated.truncated : message.truncated)),
    };
    if (inflated !== null) {
      input.inflated = inflated.bytes;
      input.inflatedLength = inflated.length;
      if (inflated.error !== undefined) input.inflateError = inflated.error;
      this.inflatedBytes += inflated.length;
    }
    const id = this.recordAnyway ? this.store.recordAnyway(() => this.store.addFrame(input)) : this.store.addFrame(input);
    if (id >= 0) this.recorded++;
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
