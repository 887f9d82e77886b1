// A listening relay: reverse (every connection goes to one target) or forward (an HTTP proxy:
// absolute-form requests and CONNECT tunnels). Each accepted socket becomes a ProxySession.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { ProxyMode, ProxyStatus } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import type { ConnectionSource } from '../../../shared/model';
import type { CaptureStore } from '../capture/capture-store';
import { LOOPBACK_DEFAULT_POLICY, type ConnectPolicy } from './connect-policy';
import { ProxySession, type SessionOptions } from './proxy-session';
import type { Interceptor } from '../tls/interceptor';
import type { UpstreamTrust } from '../tls/upstream-trust';
import { parseTargetUrl, type ReverseTarget } from './target-url';

export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 30_000;

export interface ProxyServerOptions {
  id: number;
  mode: ProxyMode;
  listenHost: string;
  listenPort: number;
  /** Listening beyond loopback, confirmed by the user (listen-policy.ts). */
  exposed?: boolean;
  /** Forward mode: where CONNECT may go (connect-policy.ts). */
  connectPolicy?: ConnectPolicy;
  target: string | null;
  source: ConnectionSource;
  controllable: boolean;
  handshakeTimeoutMs: number;
  trust?: UpstreamTrust;
  interceptor?: Interceptor | null;
  /** The proxy's own TLS choices, as listProxies reports them (capture/proxy-tls.ts). */
  tlsStatus?: Partial<ProxyStatus>;
  store: CaptureStore;
  notice(message: string, connectionId?: number): void;
  onSessionStart(session: ProxySession): void;
  onSessionEnd(session: ProxySession): void;
}

export class ProxyServer {
  readonly sessions = new Set<ProxySession>();
  private status!: ProxyStatus;

  private constructor(
    private readonly server: Server,
    private readonly options: ProxyServerOptions,
    private readonly target: ReverseTarget | null,
  ) {}

  static async start(options: ProxyServerOptions): Promise<ProxyServer> {
    let target: ReverseTarget | null = null;
    if (options.mode === 'reverse') {
      if (!options.target) throw new FramescopeError('invalid', 'A reverse proxy needs a target URL (ws://host:port/path).');
      target = parseTargetUrl(options.target);
    } else if (options.mode !== 'forward') {
      throw new FramescopeError('invalid', `Unknown proxy mode "${String(options.mode)}".`);
    }
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: false });
    const proxy = new ProxyServer(server, options, target);
    server.on('connection', (socket) => proxy.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        const where = `${options.listenHost}:${options.listenPort}`;
        if (err.code === 'EADDRINUSE') reject(new FramescopeError('conflict', `Port ${options.listenPort} on ${options.listenHost} is already in use.`));
        else reject(new FramescopeError('unavailable', `Cannot listen on ${where}: ${err.message}`));
      });
      server.listen(options.listenPort, options.listenHost, () => resolve());
    });
    server.on('error', (err) => options.notice(`Proxy ${options.id}: ${err.message}`));
    const port = (server.address() as AddressInfo).port;
    const host = options.listenHost.includes(':') ? `[${options.listenHost}]` : options.listenHost;
    proxy.status = {
      id: options.id,
      mode: options.mode,
      listenHost: options.listenHost,
      listenPort: port,
      target: options.target ?? null,
      address: target !== null ? `ws://${host}:${port}${target.path}` : `http://${host}:${port}`,
      ...(options.exposed ? { exposed: true } : {}),
      ...options.tlsStatus,
    };
    return proxy;
  }

  get info(): ProxyStatus {
    return { ...this.status };
  }

  get source(): ConnectionSource {
    return this.options.source;
  }

  private accept(socket: Socket): void {
    this.startSession(socket, {});
  }

  private startSession(socket: Socket, overrides: Partial<SessionOptions>): ProxySession {
    const session = new ProxySession(socket, {
      store: this.options.store,
      route: this.target !== null ? { kind: 'reverse', target: this.target } : { kind: 'forward' },
      source: this.options.source,
      controllable: this.options.controllable,
      handshakeTimeoutMs: this.options.handshakeTimeoutMs,
      trust: this.options.trust,
      interceptor: this.target === null ? this.options.interceptor : null,
      connectPolicy: this.options.connectPolicy ?? LOOPBACK_DEFAULT_POLICY,
      notice: (message, connectionId) => this.options.notice(message, connectionId),
      spawn: (client, more) => this.startSession(client, more),
      onEnd: (s) => {
        this.sessions.delete(s);
        this.options.onSessionEnd(s);
      },
      ...overrides,
    });
    this.sessions.add(session);
    this.options.onSessionStart(session);
    return session;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const session of this.sessions) session.close();
    await closed;
  }
}
