// The per-run secret of browser mode. The page load sets it as an HttpOnly, SameSite=Strict
// cookie, so the app's own socket carries it without the user doing anything, while another
// site's page can neither read it (HttpOnly, and a different origin) nor make the browser send it
// (SameSite=Strict: a cross-site request never carries it, RFC 6265bis §5.6.7.1).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'framescope_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function queryToken(req: IncomingMessage): string | null {
  return new URL(req.url ?? '/', 'http://x').searchParams.get('token');
}

export function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return null;
}

/** True when the request carries the token, in `?token=` (the printed URL, tools) or in the cookie. */
export function tokenMatches(req: IncomingMessage, token: string): boolean {
  const given = [queryToken(req), cookieToken(req)];
  return given.some((g) => g !== null && same(g, token));
}

/** The Set-Cookie value that hands the token to the page. Path=/ so /rpc gets it too. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
