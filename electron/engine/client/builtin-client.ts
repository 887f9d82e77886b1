// The built-in client: a real WebSocket client (ws) that connects through an internal reverse
// proxy per target, so its traffic is captured exactly like anyone else's (source 'client') and
// the app can send to and close it (controllable). The Host header names the real target.
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { ClientCloseOptions, ClientConnectOptions, ClientPingOptions, ClientSendOptions } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import type { CaptureStore } from '../capture/capture-store';
import type { ProxyServer } from '../proxy/proxy-server';
import { parseTargetUrl } from '../proxy/target-url';

export interface BuiltinClientDeps {
  store: CaptureStore;
  /** Starts (or reuses) the hidden reverse proxy for an origin such as ws://host:port. */
  proxyFor(origin: string): Promise<ProxyServer>;
  handshakeTimeoutMs: number;
}

export class BuiltinClients {
  private readonly sockets = new Map<number, WebSocket>();

  constructor(private readonly deps: BuiltinClientDeps) {}

  async connect(options: ClientConnectOptions): Promise<{ connectionId: number }> {
    if (typeof options?.url !== 'string') throw new FramescopeError('invalid', 'The client needs a URL (ws://host:port/path).');
    const target = parseTargetUrl(options.url);
    const defaultPort = target.tls ? 443 : 80;
    const host = target.host.includes(':') ? `[${target.host}]` : target.host;
    const hostHeader = target.port === defaultPort ? host : `${host}:${target.port}`;
    const proxy = await this.deps.proxyFor(`${target.scheme}://${hostHeader}`);
    const url = `ws://127.0.0.1:${proxy.info.listenPort}${target.path}`;
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, options.subprotocols ?? [], {
        headers: { ...(options.headers ?? {}), Host: hostHeader },
        perMessageDeflate: options.deflate === true,
        handshakeTimeout: this.deps.handshakeTimeoutMs,
        followRedirects: false,
      });
    } catch (err) {
      throw new FramescopeError('invalid', `The client cannot connect with these options: ${(err as Error).message}`);
    }
    return new Promise((resolve, reject) => {
      let connectionId: number | null = null;
      const bind = (port: number | undefined): void => {
        connectionId = this.findConnection(port);
        if (connectionId === null) return;
        const record = this.deps.store.connections.get(connectionId);
        if (record) this.deps.store.controllable(record);
      };
      ws.on('upgrade', (res: IncomingMessage) => bind(res.socket.localPort));
      ws.once('open', () => {
        if (connectionId === null) {
          ws.terminate();
          reject(new FramescopeError('internal', 'The client connected but its connection was not found in the capture.'));
          return;
        }
        this.sockets.set(connectionId, ws);
        ws.once('close', () => this.sockets.delete(connectionId as number));
        resolve({ connectionId });
      });
      ws.on('unexpected-response', (req, res: IncomingMessage) => {
        bind(req.socket?.localPort);
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body = (body + c).slice(0, 2000)));
        const done = (): void => {
          ws.terminate();
          const summary = connectionId === null ? null : this.deps.store.connections.get(connectionId)?.summary;
          const why = summary?.error ?? (body.trim() || `the server answered ${res.statusCode} ${res.statusMessage ?? ''}`.trim());
          reject(new FramescopeError('unavailable', why));
        };
        res.on('end', done);
        res.on('error', done);
      });
      ws.on('error', (err) => reject(new FramescopeError('unavailable', err.message)));
    });
  }

  async send(options: ClientSendOptions): Promise<void> {
    const ws = this.open(options.connectionId);
    if (!(options.data instanceof Uint8Array)) throw new FramescopeError('invalid', 'The message must be bytes.');
    await new Promise<void>((resolve, reject) =>
      ws.send(options.data, { binary: options.binary === true }, (err) => (err ? reject(new FramescopeError('invalid', err.message)) : resolve())),
    );
  }

  /** A real ping from the client (ws masks it), so the capture shows it as the client's own frame. */
  async ping(options: ClientPingOptions): Promise<void> {
    const ws = this.open(options.connectionId);
    const data = options.data ?? new Uint8Array(0);
    if (!(data instanceof Uint8Array) || data.length > 125) {
      throw new FramescopeError('invalid', 'A ping carries at most 125 bytes (RFC 6455 §5.5).');
    }
    await new Promise<void>((resolve, reject) =>
      ws.ping(data, undefined, (err) => (err ? reject(new FramescopeError('invalid', err.message)) : resolve())),
    );
  }

  async close(options: ClientCloseOptions): Promise<void> {
    const ws = this.open(options.connectionId);
    try {
      ws.close(options.code, options.reason);
    } catch (err) {
      throw new FramescopeError('invalid', `Cannot close with this code and reason: ${(err as Error).message}`);
    }
  }

  closeAll(): void {
    for (const ws of this.sockets.values()) ws.terminate();
    this.sockets.clear();
  }

  private open(connectionId: number): WebSocket {
    const ws = this.sockets.get(connectionId);
    if (ws === undefined || ws.readyState !== WebSocket.OPEN) {
      const summary = this.deps.store.connections.get(connectionId)?.summary;
      if (summary === undefined) throw new FramescopeError('not-found', `No connection ${connectionId}.`);
      if (ws === undefined && summary.state !== 'closed' && summary.state !== 'failed') {
        throw new FramescopeError('conflict', `Connection ${connectionId} was not opened by the built-in client.`);
      }
      throw new FramescopeError('invalid', 'connection is closed');
    }
    return ws;
  }

  /** The capture's connection whose client endpoint is our socket's local port (newest first). */
  private findConnection(localPort: number | undefined): number | null {
    if (localPort === undefined) return null;
    const all = [...this.deps.store.connections.values()];
    for (let i = all.length - 1; i >= 0; i--) {
      const s = all[i]!.summary;
      if (s.source === 'client' && s.client.port === localPort) return s.id;
    }
    return null;
  }
}
