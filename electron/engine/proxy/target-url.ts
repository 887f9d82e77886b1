// The reverse proxy's target: ws://host:port/path (or wss://, http://, https://). The path is
// not rewritten into requests (bytes stay unchanged); it is where clients are told to connect.
import { FramescopeError } from '../../../shared/api/errors';
import { getHeader, type HttpHead } from '../../../shared/protocol/index';
import { isWebSocketUpgrade, parseAuthority } from './http-rules';
import type { UpstreamTarget } from './upstream';

export interface ReverseTarget extends UpstreamTarget {
  /** Path and query of the target URL, '/' when absent. */
  path: string;
  /** ws or wss. */
  scheme: 'ws' | 'wss';
}

export function parseTargetUrl(url: string): ReverseTarget {
  const m = /^(wss?|https?):\/\/([^/?#]+)([^#]*)$/i.exec(url.trim());
  if (!m) throw new FramescopeError('invalid', `The target must look like ws://host:port/path, not "${url}".`);
  const scheme = m[1]!.toLowerCase();
  const secure = scheme === 'wss' || scheme === 'https';
  const authority = parseAuthority(m[2]!, secure ? 443 : 80);
  if (authority === null) throw new FramescopeError('invalid', `"${m[2]}" in the target is not a valid host:port.`);
  return { ...authority, tls: secure, path: m[3] === '' ? '/' : m[3]!, scheme: secure ? 'wss' : 'ws' };
}

/** The URL an exchange is listed under: absolute targets as sent, origin-form ones with their Host. */
export function exchangeUrl(head: HttpHead, secure: boolean, fallbackHost: string): string {
  const target = head.request?.target ?? '';
  const ws = isWebSocketUpgrade(head);
  if (head.request?.method === 'CONNECT') return target;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return ws ? target.replace(/^http:/i, 'ws:') : target;
  const scheme = ws ? (secure ? 'wss' : 'ws') : secure ? 'https' : 'http';
  return `${scheme}://${getHeader(head, 'host') ?? fallbackHost}${target}`;
}
