// The capture side of the contract (CaptureApi): relays (reverse and forward proxies), the capture
// store, frame queries, the built-in client, and — for the crafter — injection into live
// connections and their permessage-deflate parameters.
import type {
  CaptureApi,
  CaptureExportOptions,
  CaptureImportResult,
  ClientCloseOptions,
  ClientPingOptions,
  ClientConnectOptions,
  ClientSendOptions,
  FrameQuery,
  PayloadChunk,
  PayloadRange,
  ProxyOptions,
  ProxyStatus,
} from '../../../shared/api/capture';
import type { InjectOptions } from '../../../shared/api/craft';
import { FramescopeError } from '../../../shared/api/errors';
import type {
  CaptureBudget,
  CaptureStats,
  ConnectionDetail,
  ConnectionSource,
  ConnectionSummary,
  FrameDetail,
  FrameFilter,
  FramePage,
  HttpExchange,
  Peer,
} from '../../../shared/model';
import { deflateFor } from '../../../shared/protocol/index';
import { BuiltinClients } from '../client/builtin-client';
import type { EventBus } from '../event-bus';
import { checkListenHost } from '../proxy/listen-policy';
import { ProxyServer, DEFAULT_HANDSHAKE_TIMEOUT_MS } from '../proxy/proxy-server';
import { Interceptor } from '../tls/interceptor';
import type { ProxySession } from '../proxy/proxy-session';
import { packageVersion } from '../version';
import { exportCaptureBytes, importCaptureBytes } from './capture-bytes';
import { CaptureStore } from './capture-store';
import type { CaptureFeedListener } from './capture-feed';
import { frameDetail, frameSummary } from './frame-detail';
import { readPayload } from './payload-reader';
import { exportHar } from './har-export';
import { proxyTls } from './proxy-tls';

export interface CaptureServiceDeps {
  bus: EventBus;
  dataDir: string;
  /** The capture budget to start with (default: DEFAULT_CAPTURE_BUDGET). */
  budget?: Partial<CaptureBudget>;
  /** How long a client may take to send its request, and a server to answer a handshake (default 30 s). */
  handshakeTimeoutMs?: number;
  /** Extra CA certificates (PEM) trusted when the relay speaks TLS to a wss:// target. */
  trustedCertificates?: readonly string[];
  /** Servers whose certificates are not checked (test servers; an explicit opt-in per host). */
  insecureUpstreamHosts?: readonly string[];
  /** The forward proxy opens CONNECT tunnels carrying TLS with this install's CA (default true). */
  interceptTls?: boolean;
  /** Hosts (or *.domain) whose TLS passes through the forward proxy untouched. */
  passThroughHosts?: readonly string[];
}

/** Rows returned by one queryFrames call at most. */
export const MAX_PAGE = 5000;

export class CaptureService implements CaptureApi {
  readonly store: CaptureStore;
  private readonly proxies = new Map<number, ProxyServer>();
  /** Hidden reverse proxies of the built-in client, one per target origin. */
  private readonly clientProxies = new Map<string, Promise<ProxyServer>>();
  private readonly sessions = new Map<number, ProxySession>();
  private readonly clients: BuiltinClients;
  private nextProxyId = 1;
  private readonly handshakeTimeoutMs: number;
  private readonly interceptor: Interceptor | null;

  constructor(private readonly deps: CaptureServiceDeps) {
    this.store = new CaptureStore({ bus: deps.bus, dataDir: deps.dataDir, ...(deps.budget ? { budget: deps.budget } : {}) });
    this.interceptor = deps.interceptTls === false ? null : new Interceptor(deps.dataDir, deps.passThroughHosts);
    this.handshakeTimeoutMs = deps.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
    this.clients = new BuiltinClients({
      store: this.store,
      handshakeTimeoutMs: this.handshakeTimeoutMs,
      proxyFor: (origin) => this.clientProxy(origin),
    });
  }

  // ── proxies ──────────────────────────────────────────────────────────────────────────────────

  async startProxy(options: ProxyOptions): Promise<ProxyStatus> {
    const proxy = await this.launch(options, options?.mode === 'forward' ? 'forward' : 'reverse');
    this.proxies.set(proxy.info.id, proxy);
    this.emitProxies();
    return proxy.info;
  }

  /**
   * For other engine services (the lab): a proxy whose connections carry `source`, not listed
   * among the user's proxies. Stop it with its own close().
   */
  async startInternalProxy(options: ProxyOptions, source: ConnectionSource): Promise<ProxyServer> {
    return this.launch(options, source);
  }

  /** The change feed, in process (lab meter, CLI, crafter): typed deltas as they are flushed; no polling. */
  subscribeCapture(listener: CaptureFeedListener): () => void {
    return this.store.subscribe(listener);
  }

  async stopProxy(id: number): Promise<void> {
    const proxy = this.proxies.get(id);
    if (!proxy) throw new FramescopeError('not-found', `No proxy ${id}.`);
    this.proxies.delete(id);
    await proxy.close();
    this.emitProxies();
  }

  async listProxies(): Promise<ProxyStatus[]> {
    return [...this.proxies.values()].map((p) => p.info);
  }

  private async launch(options: ProxyOptions, source: ConnectionSource): Promise<ProxyServer> {
    if (options === null || typeof options !== 'object') throw new FramescopeError('invalid', 'Proxy options are missing.');
    const port = options.listenPort ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FramescopeError('invalid', 'The listen port must be a whole number from 0 to 65535.');
    const timeout = options.handshakeTimeoutMs ?? this.handshakeTimeoutMs;
    if (!Number.isFinite(timeout) || timeout <= 0) throw new FramescopeError('invalid', 'The handshake timeout must be a positive number of milliseconds.');
    const listenHost = options.listenHost ?? '127.0.0.1';
    const listen = checkListenHost(listenHost, options.exposeToNetwork);
    const tls = proxyTls(options, { interceptor: this.interceptor, trustedCertificates: this.deps.trustedCertificates, insecureUpstreamHosts: this.deps.insecureUpstreamHosts });
    const proxy = await ProxyServer.start({
      id: this.nextProxyId++,
      mode: options.mode,
      listenHost,
      exposed: listen.exposed,
      connectPolicy: { ports: options.connectPorts ?? 'default', loopbackListener: !listen.exposed },
      listenPort: port,
      target: options.target ?? null,
      source,
      controllable: false,
      handshakeTimeoutMs: timeout,
      trust: tls.trust,
      interceptor: tls.interceptor,
      tlsStatus: tls.status,
      store: this.store,
      notice: (message, connectionId) => this.notice(message, connectionId),
      onSessionStart: (s) => this.sessions.set(s.id, s),
      onSessionEnd: (s) => this.sessions.delete(s.id),
    });
    if (listen.warning) this.notice(listen.warning);
    return proxy;
  }

  private clientProxy(origin: string): Promise<ProxyServer> {
    let proxy = this.clientProxies.get(origin);
    if (!proxy) {
      proxy = this.launch({ mode: 'reverse', target: origin }, 'client');
      proxy.catch(() => this.clientProxies.delete(origin));
      this.clientProxies.set(origin, proxy);
    }
    return proxy;
  }

  private emitProxies(): void {
    this.deps.bus.emit({ type: 'proxies', proxies: [...this.proxies.values()].map((p) => p.info) });
  }

  private notice(message: string, connectionId?: number): void {
    this.deps.bus.emit({ type: 'notice', level: 'error', message, ...(connectionId !== undefined ? { connectionId } : {}) });
  }

  // ── the capture ──────────────────────────────────────────────────────────────────────────────

  async getStats(): Promise<CaptureStats> {
    return this.store.stats();
  }

  async listConnections(): Promise<ConnectionSummary[]> {
    return [...this.store.connections.keys()].map((id) => this.store.snapshot(id) as ConnectionSummary);
  }

  async getConnection(id: number): Promise<ConnectionDetail> {
    const record = this.store.connections.get(id);
    const summary = this.store.snapshot(id);
    if (!record || !summary) throw new FramescopeError('not-found', `No connection ${id}.`);
    return { summary, handshake: record.handshake };
  }

  async queryFrames(query: FrameQuery): Promise<FramePage> {
    const start = Math.max(0, Math.floor(Number(query?.start) || 0));
    const count = Math.min(MAX_PAGE, Math.max(0, Math.floor(Number(query?.count) || 0)));
    const rows = this.store.filters.rows(query?.filter, { progressive: query?.progressive === true });
    const table = this.store.frames;
    const total = rows === null ? table.count : rows.length;
    const end = Math.min(total, start + count);
    const out = [];
    for (let i = start; i < end; i++) out.push(frameSummary(table, rows === null ? table.firstId + i : rows.at(i)));
    return { total, start, rows: out };
  }

  async getFrame(id: number): Promise<FrameDetail> {
    return frameDetail(this.store.frames, id);
  }

  async readPayload(range: PayloadRange): Promise<PayloadChunk> {
    return readPayload(this.store, range);
  }

  async locateFrame(query: { filter?: FrameFilter; frameId: number }): Promise<number> {
    const id = query?.frameId;
    if (!this.store.frames.has(id)) return -1;
    const rows = this.store.filters.rows(query.filter);
    return rows === null ? id - this.store.frames.firstId : rows.indexOf(id);
  }

  async listHttpExchanges(query: { connectionId?: number | null }): Promise<HttpExchange[]> {
    const only = query?.connectionId ?? null;
    const out: HttpExchange[] = [];
    for (const e of this.store.exchanges.values()) if (only === null || e.connectionId === only) out.push({ ...e });
    return out;
  }

  async clearCapture(): Promise<void> {
    this.store.clear();
  }

  async setCapturePaused(paused: boolean): Promise<void> {
    this.store.setPaused(paused === true);
  }

  async setCaptureBudget(budget: Partial<CaptureBudget>): Promise<CaptureStats> {
    return this.store.setBudget(budget);
  }

  async exportCapture(options: CaptureExportOptions): Promise<Uint8Array> {
    const connectionId = options?.connectionId ?? null;
    if (options?.format === 'har') return exportHar(this.store, connectionId, packageVersion());
    return exportCaptureBytes(this.store, connectionId);
  }

  async importCapture(options: { name: string; bytes: Uint8Array }): Promise<CaptureImportResult> {
    return importCaptureBytes(this.store, this.deps.dataDir, options?.name, options?.bytes);
  }

  // ── the built-in client ──────────────────────────────────────────────────────────────────────

  clientConnect(options: ClientConnectOptions): Promise<{ connectionId: number }> {
    return this.clients.connect(options);
  }

  clientSend(options: ClientSendOptions): Promise<void> {
    return this.clients.send(options);
  }

  clientPing(options: ClientPingOptions): Promise<void> {
    return this.clients.ping(options);
  }

  clientClose(options: ClientCloseOptions): Promise<void> {
    return this.clients.close(options);
  }

  // ── for the crafter ──────────────────────────────────────────────────────────────────────────

  /** Sends whole frames into a live connection at the next frame boundary of that direction. */
  async inject(options: InjectOptions): Promise<{ firstFrameId: number | null }> {
    const id = options?.connectionId;
    const from: Peer = options?.from === 'server' ? 'server' : 'client';
    if (!(options?.bytes instanceof Uint8Array)) throw new FramescopeError('invalid', 'The frames to inject must be bytes.');
    const session = this.sessions.get(id);
    if (!session) {
      if (this.store.connections.has(id)) throw new FramescopeError('invalid', 'connection is closed');
      throw new FramescopeError('not-found', `No connection ${id}.`);
    }
    const firstFrameId = await session.inject(from, options.bytes);
    return { firstFrameId: firstFrameId !== null && firstFrameId >= 0 ? firstFrameId : null };
  }

  /** The compressor settings `from` uses on a connection, or null without permessage-deflate. */
  deflateParams(connectionId: number, from: Peer): { noContextTakeover: boolean; windowBits: number } | null {
    const record = this.store.connections.get(connectionId);
    if (!record) throw new FramescopeError('not-found', `No connection ${connectionId}.`);
    return record.deflate === null ? null : deflateFor(from, record.deflate);
  }

  async close(): Promise<void> {
    this.clients.closeAll();
    const all = [...this.proxies.values()];
    for (const p of this.clientProxies.values()) all.push(await p.catch(() => null as never));
    this.proxies.clear();
    this.clientProxies.clear();
    await Promise.all(all.filter(Boolean).map((p) => p.close()));
    for (const s of this.sessions.values()) s.close();
    this.store.close();
  }
}
