// One client connection through the relay, from its first byte to its close. It starts as HTTP
// (HttpTracker), may become a WebSocket after a 101, or a tunnel after CONNECT; every byte is
// relayed unchanged as it arrives and decoded beside. Faults answer the client in words (400, 408,
// 502, 504), mark the connection failed with the reason, and never drop what was already recorded.
// The session owns its phase; the capture store owns the connection's state (its transitions).
import type { Socket } from 'node:net';
import { FramescopeError } from '../../../shared/api/errors';
import type { ConnectionSource, HttpExchange, Peer } from '../../../shared/model';
import type { HttpHead } from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from '../capture/capture-store';
import { nowMicros } from '../capture/clock';
import type { ConnectPolicy } from './connect-policy';
import type { Interceptor } from '../tls/interceptor';
import { interceptIfWanted, type RawBridge } from '../tls/intercept';
import type { UpstreamTrust } from '../tls/upstream-trust';
import { forwardRoute, isWebSocketUpgrade, looksLikeHttp, type Authority } from './http-rules';
import { exchangeUrl } from './target-url';
import { HttpTracker, type TrackerHost, type Verdict } from './http-tracker';
import { WebSocketLeg } from './session-websocket';
import { SessionSockets } from './session-sockets';
import { switchProtocols, refuseUpgrade } from './session-upgrade';
import { toOriginForm } from './origin-form';
import { answer, badResponse, openTunnel, routeTo, timeOut } from './session-routing';
import { targetName, type UpstreamTarget } from './upstream';

export type SessionRoute = { kind: 'reverse'; target: UpstreamTarget } | { kind: 'forward' };

export interface SessionOptions {
  store: CaptureStore;
  route: SessionRoute;
  source: ConnectionSource;
  controllable: boolean;
  handshakeTimeoutMs: number;
  /** Forward mode: which ports CONNECT may reach (connect-policy.ts). */
  connectPolicy: ConnectPolicy;
  /** How servers' certificates are checked when the relay speaks TLS to them. */
  trust?: UpstreamTrust;
  /** Terminates TLS inside CONNECT tunnels (forward mode); absent: TLS tunnels pass through. */
  interceptor?: Interceptor | null;
  /** The record to continue (an intercepted tunnel's inner session); absent: a new connection. */
  record?: ConnectionRecord;
  /** Starts another session on the same proxy (the TLS inside an intercepted tunnel). */
  spawn?(client: Socket, overrides: Partial<SessionOptions>): ProxySession;
  notice(message: string, connectionId: number): void;
  onEnd(session: ProxySession): void;
}

type Phase = 'http' | 'sniff' | 'websocket' | 'tunnel' | 'intercept' | 'closed';

export class ProxySession implements TrackerHost {
  readonly record: ConnectionRecord;
  readonly store: CaptureStore;
  readonly io: SessionSockets;
  private current: Phase = 'http';
  private ws: WebSocketLeg | null = null;
  tracker: HttpTracker;
  authority: Authority | null = null;
  /** Inside a CONNECT tunnel the upstream is fixed. */
  tunnelled = false;
  private classified = false;
  private timer: NodeJS.Timeout | null = null;
  /** The TLS server socket's raw side, once this tunnel is intercepted (another session owns the record then). */
  private bridge: RawBridge | null = null;

  constructor(
    client: Socket,
    readonly options: SessionOptions,
  ) {
    this.store = options.store;
    this.record = options.record ?? this.store.addConnection({
      kind: 'http',
      source: options.source,
      url: '',
      client: { address: client.remoteAddress ?? '', port: client.remotePort ?? 0 },
      openedAt: nowMicros(),
      controllable: options.controllable,
    });
    this.tracker = new HttpTracker(this, (head) => this.urlOf(head));
    this.io = new SessionSockets(client, {
      // Once intercepted, the raw client bytes only feed the TLS socket of the session that took over.
      clientData: (chunk) => (this.bridge ? this.bridge.feed(chunk) : this.onClientData(chunk)),
      upstreamData: (chunk) => this.onUpstreamData(chunk),
      clientEnded: () => (this.bridge ? this.bridge.push(null) : this.onEnded('client')),
      upstreamEnded: () => this.onEnded('server'),
      error: (side, err) => (this.bridge ? this.bridge.destroy(err) : this.onSocketError(side, err)),
      closed: () => (this.bridge ? this.bridge.destroy() : this.onClosed()),
    });
    this.onWaiting(true); // a client that never sends a request times out too
  }

  get id(): number {
    return this.record.summary.id;
  }

  get phase(): Phase {
    return this.current;
  }

  /** Sends crafted frames into the live WebSocket at the next frame boundary of that direction. */
  inject(from: Peer, bytes: Uint8Array): Promise<number | null> {
    if (this.current === 'closed' || this.io.closed) return Promise.reject(new FramescopeError('invalid', 'connection is closed'));
    if (this.current !== 'websocket' || this.ws === null) {
      return Promise.reject(new FramescopeError('invalid', 'This connection is not an open WebSocket, so frames cannot be injected into it.'));
    }
    if (this.io.ended(from === 'client' ? 'server' : 'client')) {
      return Promise.reject(new FramescopeError('invalid', `connection is closed towards the ${from === 'client' ? 'server' : 'client'}`));
    }
    return this.ws.inject(from, bytes, nowMicros());
  }

  close(): void {
    this.io.destroyBoth();
  }

  // ── bytes ────────────────────────────────────────────────────────────────────────────────────

  private onClientData(chunk: Uint8Array): void {
    const time = nowMicros();
    switch (this.current) {
      case 'http':
        this.store.countBytes(this.record, 'client', chunk.length);
        this.tracker.pushRequest(chunk, time);
        break;
      case 'sniff':
        this.sniff(chunk);
        break;
      case 'websocket':
        (this.ws as WebSocketLeg).relay('client', chunk, time);
        break;
      case 'tunnel':
        this.store.countBytes(this.record, 'client', chunk.length);
        this.io.writeUpstream(chunk);
        break;
      default:
        break;
    }
  }

  private onUpstreamData(chunk: Uint8Array): void {
    const time = nowMicros();
    if (this.current === 'websocket') {
      (this.ws as WebSocketLeg).relay('server', chunk, time);
      return;
    }
    if (this.current === 'closed') return; // a connection we stopped relaying: its late bytes go nowhere
    this.store.countBytes(this.record, 'server', chunk.length);
    if (this.current === 'http') this.tracker.pushResponse(chunk, time); // relays what is HTTP
    else this.io.writeClient(chunk);
  }

  /**
   * First bytes inside a CONNECT tunnel: an HTTP request line (RFC 9112 §3) is followed as HTTP; a
   * TLS record (RFC 8446 §5.1) is intercepted unless its host passes through; anything else (SSH,
   * an excluded host's TLS, …) stays an opaque tunnel.
   */
  private sniff(chunk: Uint8Array): void {
    this.bridge = interceptIfWanted(this, chunk);
    if (this.bridge !== null) {
      this.current = 'intercept';
      return;
    }
    if (!looksLikeHttp(chunk)) {
      this.store.tunnelled(this.record, false);
      this.current = 'tunnel';
      this.onClientData(chunk);
      return;
    }
    this.current = 'http';
    this.classified = false;
    this.tracker = new HttpTracker(this, (head) => this.urlOf(head));
    this.onWaiting(true);
    this.onClientData(chunk);
  }

  // ── TrackerHost ──────────────────────────────────────────────────────────────────────────────

  writeUpstream = (bytes: Uint8Array): void => this.io.writeUpstream(bytes);
  writeClient = (bytes: Uint8Array): void => this.io.writeClient(bytes);

  requestBytes(head: HttpHead): Uint8Array {
    return this.options.route.kind === 'forward' && !this.tunnelled ? toOriginForm(head) : head.raw;
  }

  pauseClient(reason: string): void {
    this.io.hold('client', reason);
  }

  resumeClient(reason: string): void {
    this.io.release('client', reason);
  }

  onRequestHead(head: HttpHead, exchange: Readonly<HttpExchange>): Verdict | Promise<Verdict> {
    if (!this.classified) {
      this.classified = true;
      this.store.classified(this.record, { kind: isWebSocketUpgrade(head) ? 'websocket' : 'http', url: exchange.url });
    }
    return this.settle(this.route(head, exchange));
  }

  private route(head: HttpHead, exchange: Readonly<HttpExchange>): Verdict | Promise<Verdict> {
    if (this.options.route.kind === 'reverse') return routeTo(this, this.options.route.target, exchange);
    if (this.tunnelled) return 'relay';
    const route = forwardRoute(head);
    if ('error' in route) return answer(this, 400, route.error, exchange, `The client's request cannot be relayed: ${route.error}.`);
    const target = { host: route.host, port: route.port, tls: false };
    if (!route.connect) return routeTo(this, target, exchange);
    this.store.classified(this.record, { url: `${route.host}:${route.port}` });
    return openTunnel(this, target, exchange);
  }

  /** 'stop' from a routing helper: the session is over (only the session changes its phase). */
  private settle(verdict: Verdict | Promise<Verdict>): Verdict | Promise<Verdict> {
    if (typeof verdict !== 'string') return verdict.then((v) => this.settle(v));
    if (verdict === 'stop') this.current = 'closed';
    return verdict;
  }

  onTakeover(held: Uint8Array[]): void {
    this.current = 'sniff';
    for (const chunk of held) if (chunk.length > 0 && !this.io.closed) this.onClientData(chunk);
  }

  onSwitched(request: HttpHead, response: HttpHead, clientBytes: Uint8Array[], serverRest: Uint8Array, time: number): void {
    this.onWaiting(false);
    const result = switchProtocols(this.store, this.record, this.io, request, response, clientBytes, serverRest, time);
    if (result.phase === 'websocket') this.ws = new WebSocketLeg(result.recorders, result.pumps);
    this.current = result.phase;
  }

  onUpgradeRefused(request: HttpHead, response: HttpHead): void {
    const notice = refuseUpgrade(this.store, this.record, request, response);
    if (notice !== null) this.options.notice(notice, this.id);
  }

  onBadRequest(reason: string): void {
    this.settle(answer(this, 400, reason, null, `The client sent something that is not a valid HTTP request: ${reason}.`));
  }

  onBadResponse(reason: string, answerable: boolean): void {
    this.settle(badResponse(this, reason, answerable));
  }

  onWaiting(waiting: boolean): void {
    if (waiting && this.timer) return; // already counting since the wait began
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!waiting) return;
    this.timer = setTimeout(() => this.onTimeout(), this.options.handshakeTimeoutMs);
    this.timer.unref();
  }

  // ── routing and faults ───────────────────────────────────────────────────────────────────────

  private onTimeout(): void {
    this.timer = null;
    if (this.current === 'http' || this.current === 'sniff') this.settle(timeOut(this));
  }

  private onEnded(side: Peer): void {
    if (this.current === 'websocket' && this.ws !== null) {
      if (this.ws.ended(side)) {
        // RFC 6455 §5.2: the receiver can never get the rest of this frame; close its side too.
        this.store.noted(this.record, `The ${side} closed the connection in the middle of a frame.`);
        this.io.endBoth();
        return;
      }
    } else if (side === 'server' && this.current === 'http') {
      this.tracker.endResponse(nowMicros());
    }
    this.io.mirrorEnd(side);
  }

  private onSocketError(side: Peer, err: NodeJS.ErrnoException): void {
    const s = this.record.summary;
    if (s.state !== 'closed' && s.state !== 'failed' && !(s.state === 'closing' && err.code === 'ECONNRESET')) {
      const what = err.code === 'ECONNRESET' ? 'reset the connection' : `failed (${err.message})`;
      this.store.noted(this.record, `The ${side} ${what}${this.current === 'websocket' && this.ws?.midFrame(side) ? ' in the middle of a frame' : ''}.`);
    }
    this.ws?.failed(side);
  }

  private onClosed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const time = nowMicros();
    this.ws?.closed();
    if (this.current === 'http') this.tracker.endResponse(time);
    this.current = 'closed';
    this.store.closed(this.record, time);
    this.options.onEnd(this);
  }

  private urlOf(head: HttpHead): string {
    const secure = this.options.route.kind === 'reverse' && this.options.route.target.tls;
    return exchangeUrl(head, secure, this.authority ? targetName({ ...this.authority, tls: false }) : '');
  }
}
