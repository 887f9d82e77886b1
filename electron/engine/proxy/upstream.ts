// Opens the relay's connection to the server. Failures become sentences (they end up in a 502
// body, the connection's error and a notice), and a server that never answers times out.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, rootCertificates } from 'node:tls';
import { describeConnectError } from './error-response';

export interface UpstreamTarget {
  host: string;
  port: number;
  /** wss:// and https:// targets of a reverse proxy: the relay speaks TLS to the server. */
  tls: boolean;
}

export function targetName(t: UpstreamTarget): string {
  return `${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
}

/** `trusted`: extra CA certificates (PEM) accepted for TLS targets, on top of the usual roots. */
export function connectUpstream(target: UpstreamTarget, timeoutMs: number, trusted: readonly string[] = []): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const where = targetName(target);
    const socket: Socket = target.tls
      ? tlsConnect({
          host: target.host,
          port: target.port,
          servername: target.host.includes(':') ? undefined : target.host,
          ...(trusted.length > 0 ? { ca: [...rootCertificates, ...trusted] } : {}),
        })
      : netConnect({ host: target.host, port: target.port, allowHalfOpen: true });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${where} did not accept the connection within ${formatSeconds(timeoutMs)}`));
    }, timeoutMs);
    const onError = (err: NodeJS.ErrnoException): void => {
      clearTimeout(timer);
      reject(new Error(describeConnectError(err, where)));
    };
    socket.once('error', onError);
    socket.once(target.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
