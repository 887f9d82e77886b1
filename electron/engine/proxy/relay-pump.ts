// One direction of an open WebSocket: bytes go to the receiver as they arrive, untouched, and the
// same bytes go to the decoder after every socket read of this turn of the event loop has been
// relayed (setImmediate), so decoding — inflation above all — never delays a relayed byte. The
// backlog is bounded (DECODE_BACKLOG bytes; past it the pump decodes at once), and it is decoded
// first whenever the parser's state matters: before injecting, and before an end, an error or a
// close of either socket is handled (settleAll, called by SessionSockets).
// Injected frames wait for a frame boundary of this direction: a chunk that ends mid-frame is split
// exactly where the current frame ends (FrameParser.nextBoundary), the queued frames are written,
// then the rest of the chunk.
import { FramescopeError } from '../../../shared/api/errors';
import type { WsDirectionRecorder } from '../capture/ws-recorder';

interface Queued {
  bytes: Uint8Array;
  resolve(firstFrameId: number | null): void;
  reject(err: Error): void;
}

export type Write = (bytes: Uint8Array, done?: (err?: Error | null) => void) => void;

/** Relayed bytes that may wait for the decoder; past this the pump decodes before reading on. */
export const DECODE_BACKLOG = 256 * 1024;

/**
 * Pumps holding relayed bytes that their decoder may not have seen yet, in the order they first
 * got some this turn. One list and one setImmediate for all of them: a set that every pump joined
 * and left each turn cost V8 a new hash table per turn, and an immediate per pump an extra callback.
 */
const waiting: RelayPump[] = [];
let scheduled = false;
const settleWaiting = (): void => {
  scheduled = false;
  settleAll();
};

/**
 * Decodes every relayed byte still waiting, in every pump: called at the end of each turn that
 * relayed, and before an end, an error or a close is handled, since those read the decoder's state
 * (is the stream mid-frame?).
 */
export function settleAll(): void {
  // A pump leaves the list before it decodes: bytes it relays meanwhile list it again, further on.
  for (let i = 0; i < waiting.length; i++) {
    const pump = waiting[i] as RelayPump;
    pump.listed = false;
    pump.settle();
  }
  waiting.length = 0;
}

export class RelayPump {
  private readonly queue: Queued[] = [];
  /** Relayed chunks not decoded yet, with their arrival times (arrays reused, not reallocated). */
  private readonly backlog: Uint8Array[] = [];
  private readonly backlogTimes: number[] = [];
  private backlogBytes = 0;
  /** In `waiting` (settleAll will see it). */
  listed = false;

  constructor(
    private readonly recorder: WsDirectionRecorder,
    private readonly write: Write,
  ) {}

  relay(chunk: Uint8Array, time: number): void {
    if (this.queue.length === 0) {
      this.write(chunk);
      this.decodeLater(chunk, time);
      return;
    }
    this.settle(); // the split below needs the parser at this chunk's first byte
    const parser = this.recorder.parser;
    let rest = chunk;
    while (rest.length > 0) {
      if (this.queue.length === 0) {
        this.pass(rest, time);
        return;
      }
      if (parser.atFrameBoundary) {
        this.flush(time);
        continue;
      }
      if (parser.stopped) {
        this.failQueued(new FramescopeError('invalid', 'This direction can no longer be decoded (a fatal protocol violation), so there is no frame boundary to inject at.'));
        continue;
      }
      const boundary = parser.nextBoundary();
      // While a header is incomplete its length is unknown: feed it byte by byte (at most 14).
      const n = boundary >= 0 ? boundary - parser.offset : 1;
      const piece = rest.subarray(0, Math.min(n, rest.length));
      this.pass(piece, time);
      rest = rest.subarray(piece.length);
    }
    if (this.queue.length > 0 && parser.atFrameBoundary) this.flush(time);
  }

  /** Queues whole frames; they go out at the next frame boundary (now, if the direction is idle). */
  inject(bytes: Uint8Array, time: number): Promise<number | null> {
    this.settle();
    if (this.recorder.parser.stopped) {
      return Promise.reject(new FramescopeError('invalid', 'This direction can no longer be decoded (a fatal protocol violation), so there is no frame boundary to inject at.'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, resolve, reject });
      if (this.recorder.parser.atFrameBoundary) this.flush(time);
    });
  }

  /** Rejects what is still queued (the direction closed before reaching a boundary). */
  failQueued(err: Error): void {
    for (const q of this.queue.splice(0)) q.reject(err);
  }

  /** Decodes every relayed byte still waiting, so the parser stands at the end of the stream so far. */
  settle(): void {
    if (this.backlog.length === 0) return;
    const chunks = this.backlog;
    const times = this.backlogTimes;
    // The decoder never relays, so nothing is added to the backlog while it is being emptied.
    for (let i = 0; i < chunks.length; i++) this.recorder.push(chunks[i] as Uint8Array, times[i] as number);
    chunks.length = 0;
    times.length = 0;
    this.backlogBytes = 0;
  }

  private decodeLater(chunk: Uint8Array, time: number): void {
    this.backlog.push(chunk);
    this.backlogTimes.push(time);
    this.backlogBytes += chunk.length;
    if (this.backlogBytes > DECODE_BACKLOG) return this.settle();
    if (!this.listed) {
      this.listed = true;
      waiting.push(this);
    }
    if (!scheduled) {
      scheduled = true;
      setImmediate(settleWaiting);
    }
  }

  private pass(bytes: Uint8Array, time: number): void {
    this.write(bytes);
    this.recorder.push(bytes, time);
  }

  private flush(time: number): void {
    // Injected bytes that are not whole frames leave the parser mid-frame: the rest waits again.
    while (this.queue.length > 0 && this.recorder.parser.atFrameBoundary) {
      const q = this.queue.shift() as Queued;
      const injection = this.recorder.beginInjection(q.bytes.length);
      this.write(q.bytes, (err) => (err ? q.reject(new FramescopeError('invalid', `The frames could not be written: ${err.message}`)) : q.resolve(injection.firstFrameId)));
      this.recorder.push(q.bytes, time);
    }
  }
}
