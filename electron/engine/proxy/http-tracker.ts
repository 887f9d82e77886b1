// Follows HTTP/1.1 on one relayed connection and records each request/response pair as an
// HttpExchange: exact head bytes, body bytes on the wire, times, and server-sent events. Request
// heads are held until complete (so the session can route them); everything else passes through
// as it arrives. Pipelined requests are matched to responses in order (RFC 7230 §6.3.2).
import type { HttpExchange } from '../../../shared/model';
import { HttpHeadParser, type HttpHead } from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from '../capture/capture-store';
import { BodyReader } from './body-reader';
import { isEventStream, isUpgradeRequest, requestBodyMode, responseBodyMode } from './http-rules';
import { SseCounter } from './sse-counter';

/** What the session does with a request: relay it, stop (it answered itself), or take the connection over (CONNECT). */
export type Verdict = 'relay' | 'stop' | 'takeover';

export interface TrackerHost {
  readonly store: CaptureStore;
  readonly record: ConnectionRecord;
  /** A whole request head arrived: route it (may connect upstream first). */
  onRequestHead(head: HttpHead, exchange: Readonly<HttpExchange>): Verdict | Promise<Verdict>;
  writeUpstream(bytes: Uint8Array): void;
  /** The connection stops being HTTP/1.1: `held` are client bytes not yet relayed. */
  onTakeover(held: Uint8Array[]): void;
  /** The server answered 101: from here on the bytes are another protocol. */
  onSwitched(request: HttpHead, response: HttpHead, clientBytes: Uint8Array[], serverRest: Uint8Array, time: number): void;
  /** A WebSocket upgrade was answered with something other than 101. */
  onUpgradeRefused(request: HttpHead, response: HttpHead): void;
  onBadRequest(reason: string): void;
  onBadResponse(reason: string): void;
  /** Timer hooks: a request head started / completed; an upgrade is waiting for its answer. */
  onWaiting(waiting: boolean): void;
  pauseClient(): void;
  resumeClient(): void;
}

interface Pending {
  exchange: Readonly<HttpExchange>;
  method: string;
  upgrade: boolean;
}

const REQ_HEAD = 0;
const REQ_BODY = 1;
const REQ_UPGRADE = 2;
const REQ_DONE = 3;
const RES_HEAD = 0;
const RES_BODY = 1;
const RES_DONE = 2;
/** Client bytes held while an upgrade waits for its answer, before the client is paused. */
const UPGRADE_STASH_LIMIT = 64 * 1024;

export class HttpTracker {
  private reqState = REQ_HEAD;
  private reqHead: HttpHeadParser | null = null;
  private reqStart = 0;
  private reqBody: BodyReader | null = null;
  private reqExchange: Readonly<HttpExchange> | null = null;
  private held: Uint8Array[] | null = null;
  private stash: Uint8Array[] = [];
  private stashBytes = 0;
  private resState = RES_HEAD;
  private resHead: HttpHeadParser | null = null;
  private resBody: BodyReader | null = null;
  private sse: SseCounter | null = null;
  private readonly awaiting: Pending[] = [];
  private current: Pending | null = null;
  private upgradeHead: HttpHead | null = null;

  constructor(
    private readonly host: TrackerHost,
    /** Builds the exchange's url from the request head. */
    private readonly urlOf: (head: HttpHead) => string,
  ) {}

  pushRequest(chunk: Uint8Array, time: number): void {
    if (this.held !== null) {
      this.held.push(chunk);
      return;
    }
    let rest = chunk;
    while (rest.length > 0) {
      if (this.reqState === REQ_HEAD) {
        if (this.reqHead === null) {
          this.reqHead = new HttpHeadParser();
          this.reqStart = time;
          this.host.onWaiting(true);
        }
        const r = this.reqHead.push(rest);
        if (r.error !== undefined) {
          this.reqState = REQ_DONE;
          this.host.onBadRequest(r.error === 'header too large' ? 'the request head is larger than 64 KiB' : `this is not an HTTP request (${r.error})`);
          return;
        }
        if (!r.done) return;
        this.reqHead = null;
        this.onRequestHead(r.head as HttpHead, r.rest as Uint8Array, time);
        return;
      }
      if (this.reqState === REQ_BODY) {
        const body = this.reqBody as BodyReader;
        const n = body.push(rest);
        this.host.writeUpstream(rest.subarray(0, n));
        this.host.store.updateExchange(this.reqExchange as Readonly<HttpExchange>, { requestBodyBytes: body.wireBytes });
        rest = rest.subarray(n);
        if (body.done) this.reqState = REQ_HEAD;
        continue;
      }
      if (this.reqState === REQ_UPGRADE) {
        // Bytes sent before the answer to an upgrade: relayed now, decoded once we know the protocol.
        this.host.writeUpstream(rest);
        this.stash.push(rest);
        this.stashBytes += rest.length;
        if (this.stashBytes > UPGRADE_STASH_LIMIT) this.host.pauseClient();
        return;
      }
      return; // REQ_DONE: the connection is no longer HTTP
    }
  }

  private onRequestHead(head: HttpHead, rest: Uint8Array, time: number): void {
    const request = head.request;
    if (request === null) {
      this.reqState = REQ_DONE;
      this.host.onBadRequest('the client sent an HTTP response where a request belongs');
      return;
    }
    const bodyMode = requestBodyMode(head);
    if ('error' in bodyMode) {
      this.reqState = REQ_DONE;
      this.host.onBadRequest(bodyMode.error);
      return;
    }
    const exchange = this.host.store.addExchange({
      connectionId: this.host.record.summary.id,
      method: request.method,
      url: this.urlOf(head),
      status: null,
      requestHead: head.raw,
      responseHead: null,
      requestBodyBytes: 0,
      responseBodyBytes: 0,
      startedAt: this.reqStart,
      endedAt: null,
      sseEvents: 0,
    });
    const upgrade = isUpgradeRequest(head);
    this.held = [rest];
    const proceed = (verdict: Verdict): void => {
      const held = this.held ?? [];
      this.held = null;
      if (verdict === 'stop') {
        this.reqState = REQ_DONE;
        return;
      }
      if (verdict === 'takeover') {
        this.reqState = REQ_DONE;
        this.resState = RES_DONE;
        this.host.onTakeover(held);
        return;
      }
      if (!upgrade) this.host.onWaiting(false);
      this.awaiting.push({ exchange, method: request.method, upgrade });
      this.reqExchange = exchange;
      this.host.writeUpstream(head.raw);
      if (upgrade) {
        this.reqState = REQ_UPGRADE;
        this.upgradeHead = head;
      } else {
        this.reqBody = new BodyReader(bodyMode);
        this.reqState = this.reqBody.done ? REQ_HEAD : REQ_BODY;
      }
      for (const chunk of held) if (chunk.length > 0) this.pushRequest(chunk, time);
    };
    const verdict = this.host.onRequestHead(head, exchange);
    if (typeof verdict === 'string') proceed(verdict);
    else verdict.then(proceed, () => proceed('stop'));
  }

  /** Bytes from the server, already relayed to the client. */
  pushResponse(chunk: Uint8Array, time: number): void {
    let rest = chunk;
    while (rest.length > 0 && this.resState !== RES_DONE) {
      if (this.resState === RES_HEAD) {
        this.resHead ??= new HttpHeadParser();
        const r = this.resHead.push(rest);
        if (r.error !== undefined) {
          this.resState = RES_DONE;
          this.host.onBadResponse(`the server's answer is not HTTP (${r.error})`);
          return;
        }
        if (!r.done) return;
        this.resHead = null;
        rest = r.rest as Uint8Array;
        if (!this.onResponseHead(r.head as HttpHead, rest, time)) return;
        continue;
      }
      const body = this.resBody as BodyReader;
      const n = body.push(rest);
      rest = rest.subarray(n);
      const current = this.current as Pending;
      this.host.store.updateExchange(current.exchange, { responseBodyBytes: body.wireBytes, ...(this.sse ? { sseEvents: this.sse.events } : {}) });
      if (body.done) this.finishResponse(time);
    }
  }

  /** Returns false when the bytes after the head are no longer HTTP. */
  private onResponseHead(head: HttpHead, rest: Uint8Array, time: number): boolean {
    const pending = this.awaiting[0];
    const status = head.response?.status;
    if (pending === undefined || status === undefined) {
      this.resState = RES_DONE;
      this.host.onBadResponse(pending === undefined ? 'the server sent a response to a request that was never made' : 'the server sent a request instead of a response');
      return false;
    }
    // 1xx other than 101 are interim (RFC 7231 §6.2): the real answer follows.
    if (status >= 100 && status < 200 && status !== 101) return true;
    const exchange = pending.exchange;
    this.host.store.updateExchange(exchange, { status, responseHead: head.raw });
    if (status === 101 && pending.upgrade) {
      this.host.store.updateExchange(exchange, { endedAt: time });
      this.awaiting.shift();
      this.reqState = REQ_DONE;
      this.resState = RES_DONE;
      this.host.resumeClient();
      this.host.onSwitched(this.upgradeHead as HttpHead, head, this.stash, rest, time);
      this.stash = [];
      return false;
    }
    if (pending.upgrade) {
      // Refused upgrade: the connection stays HTTP (RFC 7230 §6.7).
      this.host.onUpgradeRefused(this.upgradeHead as HttpHead, head);
      this.host.onWaiting(false);
      this.reqState = REQ_HEAD;
      this.stash = [];
      this.stashBytes = 0;
      this.host.resumeClient();
    }
    this.current = pending;
    this.sse = isEventStream(head) ? new SseCounter() : null;
    const sse = this.sse;
    this.resBody = new BodyReader(responseBodyMode(head, pending.method), sse ? (data) => sse.push(data) : undefined);
    if (this.resBody.done) this.finishResponse(time);
    else this.resState = RES_BODY;
    return true;
  }

  private finishResponse(time: number): void {
    const current = this.current as Pending;
    this.host.store.updateExchange(current.exchange, { endedAt: time });
    this.awaiting.shift();
    this.current = null;
    this.resBody = null;
    this.sse = null;
    this.resState = RES_HEAD;
  }

  /** The server closed its side: a body "until close" ends here; unanswered requests end unanswered. */
  endResponse(time: number): void {
    if (this.resState === RES_BODY && this.current !== null) this.finishResponse(time);
    for (const p of this.awaiting.splice(0)) {
      if (p.exchange.endedAt === null) this.host.store.updateExchange(p.exchange, { endedAt: time });
    }
    this.resState = RES_DONE;
  }

  /** True while a relayed request still waits for (the end of) its response. */
  get busy(): boolean {
    return this.awaiting.length > 0;
  }

  /** The oldest relayed request still waiting for its response. */
  get pendingExchange(): Readonly<HttpExchange> | null {
    return this.awaiting[0]?.exchange ?? null;
  }

  /** True while an upgrade request waits for its answer. */
  get upgrading(): boolean {
    return this.reqState === REQ_UPGRADE;
  }
}
