// Follows HTTP/1.1 on one relayed connection and records each request/response pair as an
// HttpExchange: exact head bytes, body bytes on the wire, times, and server-sent events. Request
// heads are held until complete (so the session can route them), and so are response heads (see
// http-response-side.ts); bodies pass through as they arrive. One request at a time goes upstream:
// the next one waits until the previous response has ended, so each response is matched to its
// request without trusting the server to keep pipelined answers in order (RFC 9112 §9.3.2).
import type { HttpExchange } from '../../../shared/model';
import { HttpHeadParser, type HttpHead } from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from '../capture/capture-store';
import { BodyReader } from './body-reader';
import { isUpgradeRequest, requestBodyMode } from './http-rules';
import { ResponseSide, type Pending } from './http-response-side';

/** What the session does with a request: relay it, stop (it answered itself), or take the connection over (CONNECT). */
export type Verdict = 'relay' | 'stop' | 'takeover';

export interface TrackerHost {
  readonly store: CaptureStore;
  readonly record: ConnectionRecord;
  /** A whole request head arrived: route it (may connect upstream first). */
  onRequestHead(head: HttpHead, exchange: Readonly<HttpExchange>): Verdict | Promise<Verdict>;
  /** The head bytes the server gets (origin-form for a forward proxy, RFC 9112 §3.2.1). */
  requestBytes(head: HttpHead): Uint8Array;
  writeUpstream(bytes: Uint8Array): void;
  writeClient(bytes: Uint8Array): void;
  /** The connection stops being HTTP/1.1: `held` are client bytes not yet relayed. */
  onTakeover(held: Uint8Array[]): void;
  /** The server answered 101: from here on the bytes are another protocol. */
  onSwitched(request: HttpHead, response: HttpHead, clientBytes: Uint8Array[], serverRest: Uint8Array, time: number): void;
  /** A WebSocket upgrade was answered with something other than 101. */
  onUpgradeRefused(request: HttpHead, response: HttpHead): void;
  onBadRequest(reason: string): void;
  /** The server's bytes cannot be relayed as HTTP; `answerable`: the client has seen nothing of this response yet. */
  onBadResponse(reason: string, answerable: boolean): void;
  /** Timer hooks: a request head started / completed; an upgrade is waiting for its answer. */
  onWaiting(waiting: boolean): void;
  pauseClient(reason: string): void;
  resumeClient(reason: string): void;
}

const REQ_HEAD = 0;
const REQ_BODY = 1;
const REQ_UPGRADE = 2;
const REQ_DONE = 3;
/** Client bytes held while an upgrade waits for its answer, before the client is paused. */
const UPGRADE_STASH_LIMIT = 64 * 1024;

export class HttpTracker {
  private reqState = REQ_HEAD;
  private reqHead: HttpHeadParser | null = null;
  private reqStart = 0;
  private reqBody: BodyReader | null = null;
  private reqExchange: Readonly<HttpExchange> | null = null;
  /** Client bytes that arrived while the session routed a request. */
  private held: Uint8Array[] | null = null;
  /** The next request's bytes, waiting until the previous response has ended. */
  private queued: Uint8Array[] | null = null;
  private stash: Uint8Array[] = [];
  private stashBytes = 0;
  private readonly awaiting: Pending[] = [];
  private readonly response: ResponseSide;
  private upgradeHead: HttpHead | null = null;

  constructor(
    private readonly host: TrackerHost,
    /** Builds the exchange's url from the request head. */
    private readonly urlOf: (head: HttpHead) => string,
  ) {
    this.response = new ResponseSide(this.awaiting, {
      writeClient: (bytes) => host.writeClient(bytes),
      update: (exchange, change) => host.store.updateExchange(exchange, change),
      body: (exchange, bytes) => host.store.appendBody(exchange, 'response', bytes),
      switched: (_pending, head, rest, time) => {
        this.reqState = REQ_DONE;
        host.resumeClient('upgrade');
        host.onSwitched(this.upgradeHead as HttpHead, head, this.stash, rest, time);
        this.stash = [];
      },
      refused: (_pending, head) => {
        // A refused upgrade leaves the connection in HTTP (RFC 9110 §7.8).
        host.onUpgradeRefused(this.upgradeHead as HttpHead, head);
        host.onWaiting(false);
        this.reqState = REQ_HEAD;
        this.stash = [];
        this.stashBytes = 0;
        host.resumeClient('upgrade');
      },
      finished: (_pending, time) => this.releaseQueued(time),
      bad: (reason, answerable) => {
        this.reqState = REQ_DONE;
        host.onBadResponse(reason, answerable);
      },
    });
  }

  pushRequest(chunk: Uint8Array, time: number): void {
    if (this.held !== null) {
      this.held.push(chunk);
      return;
    }
    if (this.queued !== null) {
      this.queued.push(chunk);
      return;
    }
    let rest = chunk;
    while (rest.length > 0) {
      if (this.reqState === REQ_HEAD) {
        if (this.reqHead === null && this.awaiting.length > 0) {
          this.queued = [rest];
          this.host.pauseClient('one request at a time');
          return;
        }
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
        if (n > 0) {
          this.host.writeUpstream(rest.subarray(0, n));
          this.host.store.appendBody(this.reqExchange as Readonly<HttpExchange>, 'request', rest.subarray(0, n));
        }
        this.host.store.updateExchange(this.reqExchange as Readonly<HttpExchange>, { requestBodyBytes: body.wireBytes });
        if (body.failed) {
          this.reqState = REQ_DONE;
          this.host.onBadRequest(`the request body's framing cannot be read: ${body.error ?? ''}`);
          return;
        }
        rest = rest.subarray(n);
        if (body.done) this.reqState = REQ_HEAD;
        continue;
      }
      if (this.reqState === REQ_UPGRADE) {
        // Bytes sent before the answer to an upgrade: relayed now, decoded once we know the protocol.
        this.host.writeUpstream(rest);
        this.stash.push(rest);
        this.stashBytes += rest.length;
        if (this.stashBytes > UPGRADE_STASH_LIMIT) this.host.pauseClient('upgrade');
        return;
      }
      return; // REQ_DONE: the connection is no longer HTTP
    }
  }

  private releaseQueued(time: number): void {
    const queued = this.queued;
    if (queued === null || this.reqState !== REQ_HEAD) return;
    this.queued = null;
    this.host.resumeClient('one request at a time');
    for (const chunk of queued) this.pushRequest(chunk, time);
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
        this.host.onTakeover(held);
        return;
      }
      if (!upgrade) this.host.onWaiting(false);
      this.awaiting.push({ exchange, method: request.method, upgrade });
      this.reqExchange = exchange;
      this.host.writeUpstream(this.host.requestBytes(head));
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

  /** Bytes from the server, not yet relayed: the tracker relays what is HTTP. */
  pushResponse(chunk: Uint8Array, time: number): void {
    this.response.push(chunk, time);
  }

  /** The server closed its side: a body "until close" ends here; unanswered requests end unanswered. */
  endResponse(time: number): void {
    this.response.end(time);
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
