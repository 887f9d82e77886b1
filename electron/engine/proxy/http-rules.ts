// HTTP/1.1 message rules the relay needs to follow a connection without changing it: where bodies
// end (RFC 7230 §3.3.3), what an upgrade request looks like (§6.7, RFC 6455 §4.1), and how a
// forward proxy reads its request target (RFC 7230 §5.3.2 absolute-form, §5.3.3 authority-form).
import { getHeader, type HttpHead } from '../../../shared/protocol/index';
import type { BodyMode } from './body-reader';

function tokens(value: string | null): string[] {
  return value === null ? [] : value.split(',').map((t) => t.trim().toLowerCase());
}

function isChunked(head: HttpHead): boolean {
  const codings = tokens(getHeader(head, 'transfer-encoding'));
  return codings.length > 0 && codings[codings.length - 1] === 'chunked';
}

function contentLength(head: HttpHead): number | null | 'invalid' {
  const value = getHeader(head, 'content-length');
  if (value === null) return null;
  // Repeated identical values are folded into "n, n" by getHeader (§3.3.2 allows that case).
  const values = new Set(value.split(',').map((v) => v.trim()));
  if (values.size !== 1) return 'invalid';
  const [only] = [...values] as [string];
  return /^\d{1,15}$/.test(only) ? Number(only) : 'invalid';
}

/** Body of a request (§3.3.3 items 3, 5, 6): chunked, Content-Length, or none. */
export function requestBodyMode(head: HttpHead): BodyMode | { error: string } {
  if (getHeader(head, 'transfer-encoding') !== null) {
    if (isChunked(head)) return { kind: 'chunked' };
    return { error: 'a request with a Transfer-Encoding other than chunked has no knowable length' };
  }
  const length = contentLength(head);
  if (length === 'invalid') return { error: 'invalid Content-Length' };
  return length === null || length === 0 ? { kind: 'none' } : { kind: 'length', length };
}

/** Body of a response (§3.3.3 items 1-7), given the request method. */
export function responseBodyMode(head: HttpHead, method: string): BodyMode {
  const status = head.response?.status ?? 0;
  if (method === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304) return { kind: 'none' };
  if (method === 'CONNECT' && status >= 200 && status < 300) return { kind: 'none' };
  if (getHeader(head, 'transfer-encoding') !== null) return isChunked(head) ? { kind: 'chunked' } : { kind: 'close' };
  const length = contentLength(head);
  if (typeof length === 'number') return length === 0 ? { kind: 'none' } : { kind: 'length', length };
  return { kind: 'close' };
}

/** RFC 6455 §4.1: a GET with Upgrade: websocket and Connection: upgrade. */
export function isWebSocketUpgrade(head: HttpHead): boolean {
  const upgrade = tokens(getHeader(head, 'upgrade'));
  return upgrade.some((t) => t.split('/')[0] === 'websocket') && tokens(getHeader(head, 'connection')).includes('upgrade');
}

/** Any protocol upgrade request (§6.7); a 101 answer to one switches the connection away from HTTP. */
export function isUpgradeRequest(head: HttpHead): boolean {
  return getHeader(head, 'upgrade') !== null && tokens(getHeader(head, 'connection')).includes('upgrade');
}

export function isEventStream(head: HttpHead): boolean {
  const type = getHeader(head, 'content-type');
  return type !== null && type.split(';')[0]!.trim().toLowerCase() === 'text/event-stream';
}

export interface Authority {
  host: string;
  port: number;
}

/** host:port of an authority-form target (CONNECT, §5.3.3), IPv6 in brackets. */
export function parseAuthority(value: string, defaultPort: number | null): Authority | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:/?#@\s[\]]+))(?::(\d{1,5}))?$/.exec(value);
  if (!m) return null;
  const port = m[3] !== undefined ? Number(m[3]) : defaultPort;
  if (port === null || port < 1 || port > 65535) return null;
  return { host: (m[1] ?? m[2])!, port };
}

/** An absolute-form target (§5.3.2) of a plain-text scheme, for a forward proxy. */
export function parseAbsoluteTarget(target: string): (Authority & { scheme: 'http' | 'ws'; path: string }) | { error: string } {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^#]*)/.exec(target);
  if (!m) return { error: 'a forward proxy needs an absolute URL (GET http://host/path) or CONNECT host:port' };
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'ws') {
    return { error: `${scheme}:// cannot be relayed in absolute form; use CONNECT (TLS tunnels pass through untouched)` };
  }
  const authority = parseAuthority(m[2]!.replace(/^[^@]*@/, ''), 80);
  if (authority === null) return { error: `"${m[2]}" is not a valid host:port` };
  return { ...authority, scheme, path: m[3] === '' ? '/' : m[3]! };
}

/** Where a request goes in forward mode, or why it cannot be relayed. */
export function forwardRoute(head: HttpHead): (Authority & { connect: boolean }) | { error: string } {
  const request = head.request!;
  if (request.method === 'CONNECT') {
    const authority = parseAuthority(request.target, null);
    return authority === null ? { error: `CONNECT needs host:port, not "${request.target}"` } : { ...authority, connect: true };
  }
  const parsed = parseAbsoluteTarget(request.target);
  if ('error' in parsed) return parsed;
  return { host: parsed.host, port: parsed.port, connect: false };
}
