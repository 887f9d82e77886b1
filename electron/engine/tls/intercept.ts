// TLS interception inside a CONNECT tunnel. The client's bytes are fed into a TLS server socket
// that shows a certificate for the name the client asked for (its SNI), signed by this install's
// CA; what comes out is plain HTTP, followed by a new session on the same connection record
// exactly as for plaintext, which speaks TLS to the real server (checked as upstream-trust.ts says).
import { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import type { Authority } from '../proxy/http-rules';
import type { ProxySession } from '../proxy/proxy-session';
import type { SessionSockets } from '../proxy/session-sockets';
import type { UpstreamTarget } from '../proxy/upstream';
import type { Interceptor } from './interceptor';

/** The raw client socket seen as a stream the TLS socket can sit on (backpressure both ways). */
export class RawBridge extends Duplex {
  constructor(private readonly io: SessionSockets) {
    super({ allowHalfOpen: true });
  }

  /** Encrypted bytes from the client. */
  feed(chunk: Uint8Array): void {
    if (!this.push(chunk)) this.io.hold('client', 'tls');
  }

  override _read(): void {
    this.io.release('client', 'tls');
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.io.writeClient(chunk, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.io.client.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.io.client.destroy();
    callback(error);
  }
}

/** A TLS ClientHello starts with a handshake record (RFC 8446 §5.1: type 22, legacy version 3.x). */
export function looksLikeTls(chunk: Uint8Array): boolean {
  return chunk[0] === 0x16 && (chunk.length < 2 || chunk[1] === 0x03);
}

/** Intercepts the tunnel of `outer` when its first bytes are TLS and its host is not passed through. */
export function interceptIfWanted(outer: ProxySession, first: Uint8Array): RawBridge | null {
  const interceptor = outer.options.interceptor;
  const target = outer.authority;
  if (!interceptor || target === null || !looksLikeTls(first) || !interceptor.wants(target.host)) return null;
  return intercept(outer, target, interceptor, first);
}

/**
 * Hands the tunnel of `outer` to a TLS-terminating session. `first`: the client's first bytes.
 * Returns the bridge the outer session feeds with the client's later bytes.
 */
export function intercept(outer: ProxySession, target: Authority, interceptor: Interceptor, first: Uint8Array): RawBridge {
  const record = outer.record;
  const leaves = interceptor.leaves();
  const upstream: UpstreamTarget = { host: target.host, port: target.port, tls: true, intercepted: true };
  outer.io.dropUpstream(); // the plain connection that proved the server reachable
  const bridge = new RawBridge(outer.io);
  const socket = new TLSSocket(bridge as never, {
    isServer: true,
    secureContext: leaves.context(target.host),
    SNICallback: (name, done) => {
      upstream.servername = name;
      try {
        done(null, leaves.context(name));
      } catch (err) {
        done(err as Error);
      }
    },
    ALPNProtocols: ['http/1.1'],
  });
  // A client that does not trust the CA either fails the handshake (an alert: 'error') or, as
  // Node and TLS 1.3 clients do, completes it, checks the certificate and hangs up silently.
  let spoke = false;
  socket.once('data', () => (spoke = true));
  const refused = (why: string): void => {
    if (spoke) return;
    const name = upstream.servername ?? target.host;
    outer.store.failed(
      record,
      `The client ${why} for ${name} before sending a request: it most likely does not trust Framescope's CA. ` +
        'Make it trust the CA (framescope ca --export FILE, or start it with framescope browser / framescope env), or pass this host through untouched.',
    );
  };
  socket.on('error', (err: Error) => refused(`did not accept Framescope's certificate (${err.message})`));
  socket.once('close', () => refused("closed the TLS connection after seeing Framescope's certificate"));
  // The outer session only carries bytes from here on; the inner one continues the record.
  // The outer session enters its 'intercept' phase itself when this returns the bridge.
  outer.onWaiting(false);
  outer.options.onEnd(outer);
  outer.options.spawn?.(socket as never, { record, route: { kind: 'reverse', target: upstream }, interceptor: null });
  bridge.feed(first);
  return bridge;
}
