// HTTP/1.1 message rules the relay follows exactly as RFC 9112 states them: where a body ends
// (§6.3), which framing is faulty and must close the connection instead of being guessed at (§6.1,
// §6.3, §5.2), what an upgrade request looks like (RFC 9110 §7.8, RFC 6455 §4.1), and how a
// forward proxy reads its request target (§3.2.2 absolute-form, §3.2.3 authority-form).
import { getHeader, type HttpHead } from '../../../shared/protocol/index';
import type { BodyMode } from './body-reader';

function tokens(value: string | null): string[] {
  return value === null ? [] : value.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '');
}

function contentLength(head: HttpHead): number | null | 'invalid' {
  const value = getHeader(head, 'content-length');
  if (value === null) return null;
  // §6.3 item 5: repeated identical values ("42, 42") are one length; differing ones are faulty.
  const values = new Set(value.split(',').map((v) => v.trim()));
  if (values.size !== 1) return 'invalid';
  const [only] = [...values] as [string];
  return /^\d{1,15}$/.test(only) ? Number(only) : 'invalid';
}

function isHttp10(head: HttpHead): boolean {
  return (head.request?.version ?? head.response?.version) === 'HTTP/1.0';
}

/**
 * Problems that make any message unsafe to relay, whatever its body: obs-fold (§5.2: a proxy must
 * reject it or replace it, and replacing would change the bytes) and Content-Length together with
 * Transfer-Encoding (§6.1, §6.3 item 3: the classic request-smuggling shape; the server and the
 * capture could disagree on where the message ends). HTTP/1.0 has no Transfer-Encoding (§6.1).
 */
export function headProblem(head: HttpHead): string | null {
  const raw = head.raw;
  for (let i = 0; i + 1 < raw.length; i++) {
    if (raw[i] === 0x0a && (raw[i + 1] === 0x20 || raw[i + 1] === 0x09)) {
      return 'a header field is folded over several lines (obs-fold, RFC 9112 §5.2)';
    }
  }
  if (!isHttp10(head) && getHeader(head, 'transfer-encoding') !== null && getHeader(head, 'content-length') !== null) {
    return 'it has both Content-Length and Transfer-Encoding (RFC 9112 §6.1), so its end is ambiguous';
  }
  return null;
}

/** chunked as the final coding, exactly once (§6.1: a sender must not apply it twice). */
function chunking(head: HttpHead): 'final' | 'absent' | 'misplaced' {
  const codings = tokens(getHeader(head, 'transfer-encoding'));
  const count = codings.filter((c) => c === 'chunked').length;
  if (count === 0) return 'absent';
  return count === 1 && codings[codings.length - 1] === 'chunked' ? 'final' : 'misplaced';
}

/** Body of a request (§6.3 items 3-6), or why it cannot be framed (answered with 400 and a close). */
export function requestBodyMode(head: HttpHead): BodyMode | { error: string } {
  const problem = headProblem(head);
  if (problem !== null) return { error: `the request cannot be relayed safely: ${problem}` };
  if (getHeader(head, 'transfer-encoding') !== null) {
    if (isHttp10(head)) return { error: 'an HTTP/1.0 request has no Transfer-Encoding (RFC 9112 §6.1)' };
    if (chunking(head) === 'final') return { kind: 'chunked' };
    return { error: 'a request whose Transfer-Encoding does not end in chunked has no knowable length (RFC 9112 §6.3)' };
  }
  const length = contentLength(head);
  if (length === 'invalid') return { error: 'invalid Content-Length (RFC 9112 §6.3)' };
  return length === null || length === 0 ? { kind: 'none' } : { kind: 'length', length };
}

/** Body of a response (§6.3 items 1-8), given the request method, or why it cannot be framed (502 and a close). */
export function responseBodyMode(head: HttpHead, method: string): BodyMode | { error: string } {
  const status = head.response?.status ?? 0;
  const problem = headProblem(head);
  if (problem !== null) return { error: `the response cannot be relayed safely: ${problem}` };
  if (method === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304) return { kind: 'none' };
  if (method === 'CONNECT' && status >= 200 && status < 300) return { kind: 'none' };
  // §6.1: Transfer-Encoding means nothing in HTTP/1.0; such a message is read by its other framing.
  if (!isHttp10(head) && getHeader(head, 'transfer-encoding') !== null) {
    const c = chunking(head);
    if (c === 'misplaced') return { error: 'the response applies chunked more than once (RFC 9112 §6.1)' };
    return c === 'final' ? { kind: 'chunked' } : { kind: 'close' };
  }
  const length = contentLength(head);
  if (length === 'invalid') return { error: 'the response has an invalid Content-Length (RFC 9112 §6.3 item 5)' };
  if (typeof length === 'number') return length === 0 ? { kind: 'none' } : { kind: 'length', length };
  return { kind: 'close' };
}

/** The start of a request line (RFC 9112 §3): a method, a space, then a target form. */
export function looksLikeHttp(chunk: Uint8Array): boolean {
  let start = '';
  for (let i = 0; i < Math.min(chunk.length, 24); i++) start += String.fromCharCode(chunk[i] as number);
  return /^[A-Z]{3,12} (\/|\*|[a-z]+:\/\/)/.test(start);
}

/** RFC 6455 §4.1: a GET with Upgrade: websocket and Connection: upgrade. */
export function isWebSocketUpgrade(head: HttpHead): boolean {
  const upgrade = tokens(getHeader(head, 'upgrade'));
  return upgrade.some((t) => t.split('/')[0] === 'websocket') && tokens(getHeader(head, 'connection')).includes('upgrade');
}

/** Any protocol upgrade request (RFC 9110 §7.8); a 101 answer to one switches the connection away from HTTP. */
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

/** host:port of an authority-form target (CONNECT, §3.2.3), IPv6 in brackets. */
export function parseAuthority(value: string, defaultPort: number | null): Authority | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:/?#@\s[\]]+))(?::(\d{1,5}))?$/.exec(value);
  if (!m) return null;
  const port = m[3] !== undefined ? Number(m[3]) : defaultPort;
  if (port === null || port < 1 || port > 65535) return null;
  return { host: (m[1] ?? m[2])!, port };
}

export interface AbsoluteTarget extends Authority {
  scheme: 'http' | 'ws';
  /** The authority as written in the target, without userinfo: the Host the origin must see. */
  hostField: string;
  /** origin-form (§3.2.1): absolute-path [ "?" query ], '/' when the URL has no path. */
  path: string;
}

/** An absolute-form target (§3.2.2) of a plain-text scheme, for a forward proxy. */
export function parseAbsoluteTarget(target: string): AbsoluteTarget | { error: string } {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^#]*)/.exec(target);
  if (!m) return { error: 'a forward proxy needs an absolute URL (GET http://host/path) or CONNECT host:port' };
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'ws') {
    return { error: `${scheme}:// cannot be relayed in absolute form; use CONNECT (TLS tunnels pass through untouched)` };
  }
  const hostField = m[2]!.replace(/^[^@]*@/, '');
  const authority = parseAuthority(hostField, 80);
  if (authority === null) return { error: `"${m[2]}" is not a valid host:port` };
  const rest = m[3]!;
  return { ...authority, scheme, hostField, path: rest === '' ? '/' : rest.startsWith('?') ? `/${rest}` : rest };
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
