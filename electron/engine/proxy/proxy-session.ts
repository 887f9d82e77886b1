// One client connection through the relay, from its first byte to its close. It starts as HTTP
// (HttpTracker), may become a WebSocket after a 101, or a tunnel after CONNECT; every byte is
// relayed unchanged as it arrives and decoded beside. Faults answer the client in words (400, 408,
// 502, 504), mark the connection failed with the reason, and never drop what was already recorded.
import type { Socket } from 'node:net';
import { FramescopeError } from '../../../shared/api/errors';
import type { ConnectionSource, HttpExchange, Peer } from '../../../shared/model';
import type { HttpHead } from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from '../capture/capture-store';
import { nowMicros } from '../capture/clock';
import type { WsDirectionRecorder } from '../capture/ws-recorder';
import type { ConnectPolicy } from './connect-policy';
import type { Interceptor } from '../tls/interceptor';
import { interceptIfWanted, type RawBridge } from '../tls/intercept';
import type { UpstreamTrust } from '../tls/upstream-trust';
import { forwardRoute, isWebSocketUpgrade, looksLikeHttp, type Authority } from './http-rules';
import { exchangeUrl } from './target-url';
import { HttpTracker, type TrackerHost, type Verdict } from './http-tracker';
import type { RelayPump } from './relay-pump';
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
  phase: Phase = 'http';
  pumps: Record<Peer, RelayPump> | null = null;
  recorders: Record<Peer, WsDirectionRecorder> | null = null;
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

  /** Sends crafted frames into the live WebSocket at the next frame boundary of that direction. */
  inject(from: Peer, bytes: Uint8Array): Promise<number | null> {
    if (this.phase === 'closed' || this.io.closed) return Promise.reject(new FramescopeError('invalid', 'connection is closed'));
    if (this.phase !== 'websocket' || this.pumps === null) {
      return Promise.reject(new FramescopeError('invalid', 'This connection is not an open WebSocket, so frames cannot be injected into it.'));
    }
    if (this.io.ended(from === 'client' ? 'server' : 'client')) {
      return Promise.reject(new FramescopeError('invalid', `connection is closed towards the ${from === 'client' ? 'server' : 'client'}`));
    }
    return this.pumps[from].inject(bytes, nowMicros());
  }

  close(): void {
    this.io.destroyBoth();
  }

  // ── bytes ────────────────────────────────────────────────────────────────────────────────────

  private onClientData(chunk: Uint8Array): void {
    const time = nowMicros();
    const counters = this.record.summary.counters.client;
    switch (this.phase) {
      case 'http':
        counters.bytes += chunk.length;
        this.tracker.pushRequest(chunk, time);
        break;
      case 'sniff':
        this.sniff(chunk);
        break;
      case 'websocket':
        (this.pumps as Record<Peer, RelayPump>).client.relay(chunk, time);
        break;
      case 'tunnel':
        counters.bytes += chunk.length;
        this.io.writeUpstream(chunk);
        this.store.touch(this.record);
        break;
      default:
        break;
    }
  }

  private onUpstreamData(chunk: Uint8Array): void {
    const time = nowMicros();
    if (this.phase === 'websocket') {
      (this.pumps as Record<Peer, RelayPump>).server.relay(chunk, time);
      return;
    }
    if (this.phase === 'closed') return; // a connection we stopped relaying: its late bytes go nowhere
    this.record.summary.counters.server.bytes += chunk.length;
    if (this.phase === 'http') this.tracker.pushResponse(chunk, time); // relays what is HTTP
    else this.io.writeClient(chunk);
    this.store.touch(this.record);
  }

  /**
   * First bytes inside a CONNECT tunnel: an HTTP request line (RFC 9112 §3) is followed as HTTP; a
   * TLS record (RFC 8446 §5.1) is intercepted unless its host passes through; anything else (SSH,
   * an excluded host's TLS, …) stays an opaque tunnel.
   */
  private sniff(chunk: Uint8Array): void {
    this.bridge = interceptIfWanted(this, chunk);
    if (this.bridge !== null) return;
    if (!looksLikeHttp(chunk)) {
      const s = this.record.summary;
      s.kind = 'tunnel';
      this.phase = 'tunnel';
      this.onClientData(chunk);
      return;
    }
    this.phase = 'http';
    this.classified = false;
    this.tracker = new HttpTracker(this, (head) => this.urlOf(head));
    this.onWaiting(true);
    this.onClientData(chunk);
  }

  // ── TrackerHost ──────────────────────────────────────────────────────────────────────────────

  writeUpstream(bytes: Uint8Array): void {
    this.io.writeUpstream(bytes);
  }

  writeClient(bytes: Uint8Array): void {
    this.io.writeClient(bytes);
  }

  requestBytes(head: HttpHead): Uint8Array {
    return this.options.route.kind === 'forward' && !this.tunnelled ? toOriginForm(head) : head.raw;
  }

  pauseClient(reason: string): void {
    this.io.hold('client', reason);
  }

  resumeClient(reason: string): void {
    this.io.release('client', reason);
  }

  onRequestHead(head: HttpHead, exchange: HttpExchange): Verdict | Promise<Verdict> {
    const s = this.record.summary;
    if (!this.classified) {
      this.classified = true;
      s.kind = isWebSocketUpgrade(head) ? 'websocket' : 'http';
      s.url = exchange.url;
      this.store.touch(this.record);
    }
    if (this.options.route.kind === 'reverse') return routeTo(this, this.options.route.target, exchange);
    if (this.tunnelled) return 'relay';
    const route = forwardRoute(head);
    if ('error' in route) return answer(this, 400, route.error, exchange, `The client's request cannot be relayed: ${route.error}.`);
    const target = { host: route.host, port: route.port, tls: false };
    if (!route.connect) return routeTo(this, target, exchange);
    s.url = `${route.host}:${route.port}`;
    return openTunnel(this, target, exchange);
  }

  onTakeover(held: Uint8Array[]): void {
    this.phase = 'sniff';
    for (const chunk of held) if (chunk.length > 0 && !this.io.closed) this.onClientData(chunk);
  }

  onSwitched(request: HttpHead, response: HttpHead, clientBytes: Uint8Array[], serverRest: Uint8Array, time: number): void {
    this.onWaiting(false);
    switchProtocols(this, request, response, clientBytes, serverRest, time);
  }

  onUpgradeRefused(request: HttpHead, response: HttpHead): void {
    refuseUpgrade(this, request, response, (message) => this.options.notice(message, this.id));
  }

  onBadRequest(reason: string): void {
    answer(this, 400, reason, null, `The client sent something that is not a valid HTTP request: ${reason}.`);
  }

  onBadResponse(reason: string, answerable: boolean): void {
    badResponse(this, reason, answerable);
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
    if (this.phase === 'http' || this.phase === 'sniff') timeOut(this);
  }

  private onEnded(side: Peer): void {
    if (this.phase === 'websocket' && this.recorders !== null) {
      const recorder = this.recorders[side];
      const midFrame = !recorder.parser.atFrameBoundary && !recorder.parser.stopped;
      recorder.end();
      this.pumps?.[side].failQueued(new FramescopeError('invalid', 'connection is closed'));
      if (midFrame) {
        // RFC 6455 §5.2: the receiver can never get the rest of this frame; close its side too.
        this.record.summary.error ??= `The ${side} closed the connection in the middle of a frame.`;
        this.io.endBoth();
        return;
      }
    } else if (side === 'server' && this.phase === 'http') {
      this.tracker.endResponse(nowMicros());
    }
    this.io.mirrorEnd(side);
  }

  private onSocketError(side: Peer, err: NodeJS.ErrnoException): void {
    const s = this.record.summary;
    if (s.state !== 'closed' && s.state !== 'failed' && !(s.state === 'closing' && err.code === 'ECONNRESET')) {
      const what = err.code === 'ECONNRESET' ? 'reset the connection' : `failed (${err.message})`;
      s.error ??= `The ${side} ${what}${this.phase === 'websocket' && this.recorders && !this.recorders[side].parser.atFrameBoundary ? ' in the middle of a frame' : ''}.`;
    }
    this.recorders?.[side].end();
    this.store.touch(this.record);
  }

  private onClosed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const time = nowMicros();
    if (this.recorders) {
      this.recorders.client.end();
      this.recorders.server.end();
    }
    if (this.phase === 'http') this.tracker.endResponse(time);
    const closedError = new FramescopeError('invalid', 'connection is closed');
    this.pumps?.client.failQueued(closedError);
    this.pumps?.server.failQueued(closedError);
    this.phase = 'closed';
    const s = this.record.summary;
    if (s.state !== 'failed') s.state = 'closed';
    s.closedAt = time;
    this.store.touch(this.record);
    this.options.onEnd(this);
  }

  private urlOf(head: HttpHead): string {
    const secure = this.options.route.kind === 'reverse' && this.options.route.target.tls;
    return exchangeUrl(head, secure, this.authority ? targetName({ ...this.authority, tls: false }) : '');
  }
}
