// The server's half of an HTTP/1.1 connection through the relay. Response heads are held until
// complete and checked before a byte of them is relayed, so a response whose framing is faulty can
// still be answered with a 502 (RFC 9112 §6.3 item 5); body bytes are relayed as they arrive, only
// as far as the framing says they belong to the body. Bytes nobody asked for, and framing that
// cannot be read, stop the connection: the relay never falls back to passing bytes blindly, which
// would hand the client's next request (for another site) to this server.
import type { HttpExchange } from '../../../shared/model';
import { HttpHeadParser, type HttpHead } from '../../../shared/protocol/index';
import { BodyReader } from './body-reader';
import { isEventStream, responseBodyMode } from './http-rules';
import { SseCounter } from './sse-counter';

export interface Pending {
  exchange: Readonly<HttpExchange>;
  method: string;
  upgrade: boolean;
}

export interface ResponseEvents {
  writeClient(bytes: Uint8Array): void;
  /** The capture store's transition for an exchange (the store is its only writer). */
  update(exchange: Readonly<HttpExchange>, change: Partial<Omit<HttpExchange, 'id' | 'connectionId'>>): void;
  /** Body bytes of the response, as relayed (the store keeps them within the capture budget). */
  body(exchange: Readonly<HttpExchange>, bytes: Uint8Array): void;
  /** A 101 answered an upgrade: `rest` are the first bytes of the new protocol. */
  switched(pending: Pending, head: HttpHead, rest: Uint8Array, time: number): void;
  /** An upgrade was answered with a final status other than 101 (the head is already relayed). */
  refused(pending: Pending, head: HttpHead): void;
  /** A response (or the next body byte) ended the exchange at the front of the queue. */
  finished(pending: Pending, time: number): void;
  /** The response cannot be relayed; `answerable`: nothing of it reached the client yet. */
  bad(reason: string, answerable: boolean): void;
}

export class ResponseSide {
  private head: HttpHeadParser | null = null;
  private body: BodyReader | null = null;
  private sse: SseCounter | null = null;
  private current: Pending | null = null;
  private stopped = false;
  /** Some bytes answering the front request (an interim 1xx) already went to the client. */
  private started = false;

  constructor(
    private readonly awaiting: Pending[],
    private readonly ev: ResponseEvents,
  ) {}

  get inBody(): boolean {
    return this.current !== null;
  }

  /** Bytes from the server, not yet relayed: this relays what belongs to a response. */
  push(chunk: Uint8Array, time: number): void {
    let rest = chunk;
    while (rest.length > 0 && !this.stopped) {
      if (this.current === null) {
        if (this.awaiting.length === 0) return this.stop('the server sent a response to a request that was never made (RFC 9112 §9.3)', false);
        this.head ??= new HttpHeadParser();
        const r = this.head.push(rest);
        if (r.error !== undefined) return this.stop(`the server's answer is not HTTP (${r.error})`, true);
        if (!r.done) return;
        this.head = null;
        rest = r.rest as Uint8Array;
        if (!this.onHead(r.head as HttpHead, rest, time)) return;
        continue;
      }
      const body = this.body as BodyReader;
      const n = body.push(rest);
      const current = this.current;
      if (n > 0) {
        this.ev.writeClient(rest.subarray(0, n));
        this.ev.body(current.exchange, rest.subarray(0, n));
      }
      rest = rest.subarray(n);
      this.ev.update(current.exchange, { responseBodyBytes: body.wireBytes, ...(this.sse ? { sseEvents: this.sse.events } : {}) });
      if (body.failed) return this.stop(`the response body's framing cannot be read: ${body.error ?? ''}`, false);
      if (body.done) this.finish(time);
    }
  }

  /** Returns false when the bytes after the head are no longer this side's to read. */
  private onHead(head: HttpHead, rest: Uint8Array, time: number): boolean {
    const pending = this.awaiting[0] as Pending;
    const status = head.response?.status;
    if (status === undefined) {
      this.stop('the server sent a request instead of a response', true);
      return false;
    }
    const mode = responseBodyMode(head, pending.method);
    if ('error' in mode) {
      this.stop(mode.error, true);
      return false;
    }
    this.ev.writeClient(head.raw);
    this.started = true;
    // RFC 9110 §15.2: 1xx other than 101 are interim; the final answer follows.
    if (status >= 100 && status < 200 && status !== 101) return true;
    const exchange = pending.exchange;
    this.ev.update(exchange, { status, responseHead: head.raw });
    if (status === 101 && pending.upgrade) {
      this.stopped = true;
      this.awaiting.shift();
      this.ev.update(exchange, { endedAt: time });
      if (rest.length > 0) this.ev.writeClient(rest);
      this.ev.switched(pending, head, rest, time);
      return false;
    }
    if (pending.upgrade) this.ev.refused(pending, head);
    this.current = pending;
    const sse = isEventStream(head) ? new SseCounter() : null;
    this.sse = sse;
    this.body = new BodyReader(mode, sse ? (data) => sse.push(data) : undefined);
    if (this.body.done) this.finish(time);
    return true;
  }

  private finish(time: number): void {
    const current = this.current as Pending;
    this.ev.update(current.exchange, { endedAt: time });
    this.awaiting.shift();
    this.started = false;
    this.current = null;
    this.body = null;
    this.sse = null;
    this.ev.finished(current, time);
  }

  private stop(reason: string, answerable: boolean): void {
    this.stopped = true;
    this.ev.bad(reason, answerable && !this.started);
  }

  /** The server closed its side: a body "until close" ends here; unanswered requests end unanswered. */
  end(time: number): void {
    if (this.current !== null && !this.stopped) this.finish(time);
    for (const p of this.awaiting.splice(0)) {
      if (p.exchange.endedAt === null) this.ev.update(p.exchange, { endedAt: time });
    }
    this.stopped = true;
  }
}
