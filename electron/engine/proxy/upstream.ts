// Opens the relay's connection to the server. Failures become sentences (they end up in a 502
// body, the connection's error and a notice), and a server that never answers times out.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { describeCertificateError, isInsecureHost, tlsOptionsFor, type UpstreamTrust } from '../tls/upstream-trust';
import { tlsInfo } from '../tls/tls-info';
import type { TlsInfo } from '../../../shared/model';
import { describeConnectError } from './error-response';

export interface UpstreamTarget {
  host: string;
  port: number;
  /** wss:// and https:// targets of a reverse proxy: the relay speaks TLS to the server. */
  tls: boolean;
  /** SNI to send (the name the intercepted client asked for); defaults to the host when it is a name. */
  servername?: string;
  /** The client's TLS was terminated by the relay (interception). */
  intercepted?: boolean;
}

export interface UpstreamConnection {
  socket: Socket;
  /** The TLS session, when the relay speaks TLS to the server. */
  tls: TlsInfo | null;
}

export function targetName(t: UpstreamTarget): string {
  return `${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
}

/** Connects to `target`; TLS targets are checked under `trust` (the usual roots by default). */
export function connectUpstream(target: UpstreamTarget, timeoutMs: number, trust: UpstreamTrust = {}): Promise<UpstreamConnection> {
  return new Promise((resolve, reject) => {
    const where = targetName(target);
    const servername = target.servername ?? (/^[\d.]+$|:/.test(target.host) ? undefined : target.host);
    const socket: Socket = target.tls
      ? tlsConnect({
          host: target.host,
          port: target.port,
          servername,
          // Only HTTP/1.1 is followed inside; an h2 server would otherwise pick h2.
          ALPNProtocols: target.intercepted ? ['http/1.1'] : undefined,
          ...tlsOptionsFor(trust, target.servername ?? target.host),
        })
      : netConnect({ host: target.host, port: target.port, allowHalfOpen: true });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${where} did not accept the connection within ${formatSeconds(timeoutMs)}`));
    }, timeoutMs);
    const onError = (err: NodeJS.ErrnoException): void => {
      clearTimeout(timer);
      reject(new Error(describeCertificateError(err, where) ?? describeConnectError(err, where)));
    };
    socket.once('error', onError);
    socket.once(target.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.setNoDelay(true);
      const info = target.tls
        ? tlsInfo(socket as TLSSocket, {
            servername: servername ?? null,
            intercepted: target.intercepted === true,
            unverified: isInsecureHost(trust, target.servername ?? target.host),
          })
        : null;
      resolve({ socket, tls: info });
    });
  });
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
