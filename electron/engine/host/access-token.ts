import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'framescope_token';

export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token a request carries, from `?token=` or the cookie set when the page was first opened. */
export function requestToken(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://x');
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return null;
}

export function tokenMatches(req: IncomingMessage, token: string | null): boolean {
  if (token === null) return true;
  const given = requestToken(req);
  return given !== null && same(given, token);
}
