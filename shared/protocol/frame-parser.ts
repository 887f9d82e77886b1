import { ByteSlab } from './byte-slab.js';
import { parseClosePayload } from './close-payload.js';
import { EMPTY_BYTES, decodeHeader, firstTwoViolations, hasFatal, headerLengthFromFirstTwo, lengthUnfollowable, type HeaderContext } from './frame-header.js';
import { OPCODE_CLOSE, isControlOpcode } from './opcodes.js';
import type { DecodedFrame, FrameHeader, Peer, Violation } from './types.js';
import { copyUnmasked, type NativeUnmask } from './unmask.js';
import { violation } from './violations.js';

export interface FrameParserOptions {
  /** Who sent the bytes: decides which masking rule applies (§5.1). */
  from: Peer;
  /** Payload bytes kept per frame (Infinity: all); the rest is skipped but counted. Default 1 MiB. */
  payloadBudget?: number;
  /** True when permessage-deflate (or another RSV1 extension) was negotiated. */
  rsv1Allowed?: boolean;
  /** Frames declaring more than this get a 'payload-too-large' violation (they are still followed). */
  maxPayloadLength?: number;
  /**
   * Emit 'payload' events with the (unmasked) bytes of data frames beyond `payloadBudget`, so
   * inflation and UTF-8 validation can see a whole message while only a prefix is kept.
   */
  streamOverflow?: boolean;
  /** Emit 'header' events (default true); a consumer that ignores them saves an object per frame. */
  headerEvents?: boolean;
  /**
   * Allocates payload buffers above 1 KiB; every byte is written before it is read, so the
   * engine may inject one that skips zero-filling (Buffer.allocUnsafeSlow's memory).
   */
  allocate?: (size: number) => Uint8Array;
  /** A faster in-place unmask (the engine injects bufferutil's); the pure TypeScript one otherwise. */
  unmask?: NativeUnmask;
  /**
   * An unmasked payload that lies whole in one pushed chunk is handed over as a view of that chunk,
   * not copied: for a caller that never writes to a chunk once pushed (a relay forwards those very
   * bytes). A kept view keeps its whole chunk alive.
   */
  viewChunks?: boolean;
}

export type ParserEvent =
  /**
   * A header was fully read. `header` is the same object that the later 'frame'
   * event carries once its payload is complete (it is filled in then).
   */
  | { type: 'header'; header: FrameHeader }
  | { type: 'frame'; frame: DecodedFrame }
  /**
   * With `streamOverflow`: unmasked payload bytes of a data frame beyond what its `payload`
   * keeps, in order, before that frame's 'frame' event. `frame.payload` already holds the kept
   * prefix when the first one comes. `bytes` is the receiver's own copy.
   */
  | { type: 'payload'; frame: DecodedFrame; bytes: Uint8Array }
  /**
   * Bytes that cannot be decoded: after a fatal violation, or a header cut short by end()
   * (then with 'incomplete-frame' and whatever its first two bytes already broke).
   */
  | { type: 'undecodable'; offset: number; length: number; violations?: Violation[] };

export const DEFAULT_PAYLOAD_BUDGET = 1024 * 1024;

// States, after ws's receiver (GET_INFO → LENGTH → MASK → DATA). The length and
// mask steps are one state here: after the first two bytes the header's full
// length is known, so the parser only waits for that many bytes.
const HEADER = 0;
const DATA = 1;
const STOPPED = 2;

/** Longest possible header: 2 + 8 (64-bit length) + 4 (masking key). */
const MAX_HEADER = 14;

/** Largest payload taken from the shared slab (ByteSlab's default maxItem). */
const SLAB_ITEM = 1024;

/** Payload bytes reserved before any arrive; larger payloads grow as they come. */
const INITIAL_RESERVE = 64 * 1024;

/**
 * Incremental decoder for one direction of a WebSocket stream (RFC 6455 §5.2).
 * Feed chunks of any size; each chunk is read in place (no concatenation, the
 * input is never modified) and payloads are unmasked into their own buffers (with
 * viewChunks, an unmasked one whole in its chunk is a view of it), at
 * most `payloadBudget` bytes per frame, so a 4 GiB frame costs bounded memory.
 * Header bytes, mask keys and payloads up to 1 KiB are views into shared 64 KiB
 * slabs: use the views, not their `.buffer`, and `slice()` any you keep alone.
 * Never throws on input bytes: problems come out as violations.
 */
export class FrameParser {
  private readonly budget: number;

  private state = HEADER;
  private consumed = 0;
  private readonly hdr = new Uint8Array(MAX_HEADER);
  /** Header bytes, mask keys and small payloads are views into shared slabs (see ByteSlab). */
  private readonly slab = new ByteSlab();
  private hdrLen = 0;
  private hdrNeed = 2;
  private frameStart = 0;

  private frame: DecodedFrame | null = null;
  private buffer: Uint8Array = EMPTY_BYTES;
  private keepLimit = 0;
  private kept = 0;
  private payloadRead = 0;
  private remaining = 0;
  /** The frame being read has a fatal violation: after its payload, decoding stops. */
  private stopAfter = false;
  /** `buffer` is a view of the pushed chunk that holds the whole payload already (viewChunks). */
  private viewed = false;
  private readonly streamOverflow: boolean;
  private readonly headerEvents: boolean;
  private readonly allocate: (size: number) => Uint8Array;
  private readonly unmask: NativeUnmask | undefined;
  private readonly viewChunks: boolean;
  /** Passed to decodeHeader for every frame; one object, updated in place. */
  private readonly ctx: HeaderContext;

  constructor(options: FrameParserOptions) {
    const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    // Infinity is allowed (keep everything); nonsense falls back to the default.
    this.budget = budget >= 0 ? Math.floor(budget) : DEFAULT_PAYLOAD_BUDGET;
    this.streamOverflow = options.streamOverflow ?? false;
    this.headerEvents = options.headerEvents ?? true;
    this.allocate = options.allocate ?? ((size) => new Uint8Array(size));
    this.unmask = options.unmask;
    this.viewChunks = options.viewChunks ?? false;
    this.ctx = {
      from: options.from,
      rsv1Allowed: options.rsv1Allowed ?? false,
      maxPayloadLength: options.maxPayloadLength ?? Number.POSITIVE_INFINITY,
      closeSeen: false,
    };
  }

  /** Total stream bytes consumed so far (= stream offset of the next byte pushed). */
  get offset(): number {
    return this.consumed;
  }

  /** True when the next byte pushed would be the first byte of a frame. */
  get atFrameBoundary(): boolean {
    return this.state === HEADER && this.hdrLen === 0;
  }

  /** True after a fatal violation or end(): all further bytes are undecodable. */
  get stopped(): boolean {
    return this.state === STOPPED;
  }

  /**
   * Stream offset of the first byte after the frame now being read:
   * - at a frame boundary: `offset` itself;
   * - while reading a payload: `offset` + payload bytes still expected;
   * - while a header is incomplete (its length is not known yet) or after the
   *   parser stopped: -1, meaning no boundary can be promised.
   * A relay that wants to inject bytes between frames forwards exactly
   * `nextBoundary() - offset` more bytes first (then asks again).
   */
  nextBoundary(): number {
    if (this.state === DATA) return this.stopAfter ? -1 : this.consumed + this.remaining;
    if (this.state === HEADER && this.hdrLen === 0) return this.consumed;
    return -1;
  }

  push(chunk: Uint8Array): ParserEvent[] {
    const events: ParserEvent[] = [];
    const n = chunk.length;
    let pos = 0;
    while (pos < n) {
      if (this.state === DATA) {
        const take = Math.min(this.remaining, n - pos);
        const frame = this.frame as DecodedFrame;
        let k = 0;
        if (this.kept < this.keepLimit) {
          k = Math.min(take, this.keepLimit - this.kept);
          if (!this.viewed) {
            if (this.kept + k > this.buffer.length) this.grow(this.kept + k);
            copyUnmasked(this.buffer, this.kept, chunk, pos, pos + k, frame.maskKey, this.payloadRead & 3, this.unmask);
          }
          this.kept += k;
        }
        if (k < take && this.streamOverflow && !isControlOpcode(frame.opcode)) this.overflow(events, chunk, pos + k, pos + take, (this.payloadRead + k) & 3);
        this.payloadRead += take;
        this.remaining -= take;
        pos += take;
        this.consumed += take;
        if (this.remaining === 0) this.finishFrame(events);
      } else if (this.state === HEADER) {
        // Copy header bytes into the 14-byte scratch; cheap and chunk-split proof.
        const hdr = this.hdr;
        while (pos < n && this.hdrLen < this.hdrNeed) hdr[this.hdrLen++] = chunk[pos++] as number;
        if (this.hdrLen >= 2 && this.hdrNeed === 2) this.hdrNeed = headerLengthFromFirstTwo(hdr[1] as number);
        this.consumed = this.frameStart + this.hdrLen;
        if (this.hdrLen === this.hdrNeed) this.startFrame(events, chunk, pos);
      } else {
        events.push({ type: 'undecodable', offset: this.consumed, length: n - pos });
        this.consumed += n - pos;
        pos = n;
      }
    }
    return events;
  }

  /**
   * The stream closed. A frame cut short is emitted with complete:false and an
   * 'incomplete-frame' violation; a header cut short is reported as undecodable.
   */
  end(): ParserEvent[] {
    const events: ParserEvent[] = [];
    if (this.state === HEADER && this.hdrLen > 0) {
      // What the first two bytes already break is reported too (a reserved opcode, say).
      const violations: Violation[] = [];
      if (this.hdrLen >= 2) firstTwoViolations(this.hdr[0] as number, this.hdr[1] as number, this.frameStart, this.ctx, violations);
      violations.push(violation('incomplete-frame', this.consumed, 'The connection ended in the middle of a frame header.'));
      events.push({ type: 'undecodable', offset: this.frameStart, length: this.hdrLen, violations });
    } else if (this.state === DATA) {
      const frame = this.frame as DecodedFrame;
      frame.violations.push(violation('incomplete-frame', this.consumed));
      frame.payload = this.kept === this.buffer.length ? this.buffer : this.buffer.subarray(0, this.kept);
      frame.truncated = true;
      frame.complete = false;
      events.push({ type: 'frame', frame });
    }
    this.releaseFrame();
    this.state = STOPPED;
    return events;
  }

  /** The header is whole; its payload starts at chunk[pos] (or in a later chunk). */
  private startFrame(events: ParserEvent[], chunk: Uint8Array, pos: number): void {
    const frame = decodeHeader(this.hdr, this.hdrLen, this.frameStart, this.ctx, this.slab);
    if (this.headerEvents) events.push({ type: 'header', header: frame });
    // Don't guess what follows a frame we cannot interpret: decoding stops after it. Its own
    // payload is still read (and shown whole) unless the length itself is beyond belief.
    this.stopAfter = hasFatal(frame.violations);
    if (this.stopAfter && lengthUnfollowable(frame.violations)) {
      frame.truncated = frame.payloadLength > 0;
      events.push({ type: 'frame', frame });
      this.state = STOPPED;
      return;
    }
    this.frame = frame;
    this.payloadRead = 0;
    this.kept = 0;
    this.remaining = frame.payloadLength;
    this.keepLimit = Math.min(frame.payloadLength, this.budget);
    const length = frame.payloadLength;
    this.viewed = this.viewChunks && frame.maskKey === null && length > 0 && this.keepLimit === length && length <= chunk.length - pos;
    if (this.viewed) this.buffer = chunk.subarray(pos, pos + length);
    else {
      // The declared length is only a claim: reserve at most INITIAL_RESERVE up
      // front and grow with the bytes that really arrive (see grow()).
      const reserve = Math.min(this.keepLimit, INITIAL_RESERVE);
      this.buffer = reserve === 0 ? EMPTY_BYTES : reserve <= SLAB_ITEM ? this.slab.alloc(reserve) : this.allocate(reserve);
    }
    if (this.remaining === 0) this.finishFrame(events);
    else this.state = DATA;
  }

  /** Unmasks chunk[start, end) of the current frame's payload into a fresh array and emits it. */
  private overflow(events: ParserEvent[], chunk: Uint8Array, start: number, end: number, phase: number): void {
    const frame = this.frame as DecodedFrame;
    if (frame.payload.length !== this.kept) frame.payload = this.kept === this.buffer.length ? this.buffer : this.buffer.subarray(0, this.kept);
    const bytes = this.allocate(end - start);
    copyUnmasked(bytes, 0, chunk, start, end, frame.maskKey, phase, this.unmask);
    events.push({ type: 'payload', frame, bytes });
  }

  /**
   * Grows the payload buffer past INITIAL_RESERVE straight to keepLimit: by then the peer has sent
   * real bytes, not just a claimed length, and one copy of the first 64 KiB replaces the doubling's
   * copies of nearly the whole payload (each into memory the process has never touched).
   */
  private grow(needed: number): void {
    const capacity = this.buffer.length < INITIAL_RESERVE ? Math.max(INITIAL_RESERVE, needed) : this.keepLimit;
    const next = this.allocate(Math.min(capacity, this.keepLimit));
    next.set(this.buffer.subarray(0, this.kept));
    this.buffer = next;
  }

  private finishFrame(events: ParserEvent[]): void {
    const frame = this.frame as DecodedFrame;
    frame.payload = this.kept === this.buffer.length ? this.buffer : this.buffer.subarray(0, this.kept);
    frame.truncated = this.kept < frame.payloadLength;
    frame.complete = true;
    if (frame.opcode === OPCODE_CLOSE) {
      if (!frame.truncated) {
        const close = parseClosePayload(frame.payload, frame.offset + frame.headerLength);
        for (const v of close.violations) frame.violations.push(v);
      }
      this.ctx.closeSeen = true;
    }
    events.push({ type: 'frame', frame });
    this.releaseFrame();
    if (this.stopAfter) {
      this.state = STOPPED;
      return;
    }
    this.state = HEADER;
    this.hdrLen = 0;
    this.hdrNeed = 2;
    this.frameStart = this.consumed;
  }

  private releaseFrame(): void {
    this.frame = null;
    this.buffer = EMPTY_BYTES;
    this.viewed = false;
  }
}
