// One direction of an open WebSocket: bytes go to the receiver as they arrive, untouched, and the
// same bytes go to the decoder right after. Injected frames wait for a frame boundary of this
// direction: a chunk that ends mid-frame is split exactly where the current frame ends
// (FrameParser.nextBoundary), the queued frames are written, then the rest of the chunk.
import { FramescopeError } from '../../../shared/api/errors';
import type { WsDirectionRecorder } from '../capture/ws-recorder';

interface Queued {
  bytes: Uint8Array;
  resolve(firstFrameId: number | null): void;
  reject(err: Error): void;
}

export type Write = (bytes: Uint8Array, done?: (err?: Error | null) => void) => void;

export class RelayPump {
  private readonly queue: Queued[] = [];

  constructor(
    private readonly recorder: WsDirectionRecorder,
    private readonly write: Write,
  ) {}

  relay(chunk: Uint8Array, time: number): void {
    if (this.queue.length === 0) {
      this.pass(chunk, time);
      return;
    }
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
