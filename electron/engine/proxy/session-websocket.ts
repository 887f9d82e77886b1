// The WebSocket phase of a relayed connection (after a 101, RFC 6455 §4.1): one relay pump and one
// frame recorder per direction. Bytes are relayed as they arrive; crafted frames wait for the next
// frame boundary of their direction; a side that ends in the middle of a frame is reported so the
// session can close the other side too (§5.2: the rest of that frame can never arrive).
import { FramescopeError } from '../../../shared/api/errors';
import type { Peer } from '../../../shared/model';
import type { WsDirectionRecorder } from '../capture/ws-recorder';
import type { RelayPump } from './relay-pump';

const closedError = (): FramescopeError => new FramescopeError('invalid', 'connection is closed');

export class WebSocketLeg {
  constructor(
    private readonly recorders: Record<Peer, WsDirectionRecorder>,
    private readonly pumps: Record<Peer, RelayPump>,
  ) {}

  relay(from: Peer, chunk: Uint8Array, time: number): void {
    this.pumps[from].relay(chunk, time);
  }

  inject(from: Peer, bytes: Uint8Array, time: number): Promise<number | null> {
    return this.pumps[from].inject(bytes, time);
  }

  /** True when `side`'s stream stopped between two bytes of one frame. */
  midFrame(side: Peer): boolean {
    return !this.recorders[side].parser.atFrameBoundary;
  }

  /** `side` closed its sending half; returns true when it did so in the middle of a frame it was still reading. */
  ended(side: Peer): boolean {
    const parser = this.recorders[side].parser;
    const midFrame = !parser.atFrameBoundary && !parser.stopped;
    this.recorders[side].end();
    this.pumps[side].failQueued(closedError());
    return midFrame;
  }

  /** A socket error on `side`: what it sent so far is all there will be. */
  failed(side: Peer): void {
    this.recorders[side].end();
  }

  /** Both sockets are gone: recorders finish, queued injections fail. */
  closed(): void {
    this.recorders.client.end();
    this.recorders.server.end();
    this.pumps.client.failQueued(closedError());
    this.pumps.server.failQueued(closedError());
  }
}
