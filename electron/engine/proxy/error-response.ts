// Answers the relay writes itself when it cannot relay: the client must learn why, in words
// (RFC 7231 §6.6.3 502 Bad Gateway, §6.6.5 504 Gateway Timeout, §6.5.1 400, §6.5.7 408).
import { encodeUtf8 } from '../../../shared/protocol/index';

const REASONS: Record<number, string> = {
  200: 'Connection Established',
  400: 'Bad Request',
  408: 'Request Timeout',
  502: 'Bad Gateway',
  504: 'Gateway Timeout',
};

export interface GeneratedResponse {
  bytes: Uint8Array;
  headLength: number;
}

/** A complete response with a plain-text body; it closes the connection. */
export function errorResponse(status: number, message: string): GeneratedResponse {
  const body = encodeUtf8(`Framescope: ${message}\n`);
  const head =
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
    'Content-Type: text/plain; charset=utf-8\r\n' +
    `Content-Length: ${body.length}\r\n` +
    'Connection: close\r\n' +
    'X-Framescope: relay\r\n\r\n';
  const headBytes = encodeUtf8(head);
  const out = new Uint8Array(headBytes.length + body.length);
  out.set(headBytes, 0);
  out.set(body, headBytes.length);
  return { bytes: out, headLength: headBytes.length };
}

/** RFC 7231 §4.3.6: a 2xx answer to CONNECT turns the connection into a tunnel (no body). */
export function connectEstablished(): Uint8Array {
  return encodeUtf8('HTTP/1.1 200 Connection Established\r\n\r\n');
}

/** Words a user understands for a socket error code from connecting to `where`. */
export function describeConnectError(err: NodeJS.ErrnoException, where: string): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `${where} refused the connection (nothing is listening on that port)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name of ${where} could not be resolved`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable from this machine`;
    case 'ECONNRESET':
      return `${where} reset the connection`;
    case 'ETIMEDOUT':
      return `${where} did not answer`;
    default:
      return `cannot connect to ${where}: ${err.message}`;
  }
}
