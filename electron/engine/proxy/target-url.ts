// The reverse proxy's target: ws://host:port/path (or wss://, http://, https://). The path is
// not rewritten into requests (bytes stay unchanged); it is where clients are told to connect.
import { FramescopeError } from '../../../shared/api/errors';
import { parseAuthority } from './http-rules';
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
