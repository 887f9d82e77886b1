// Browser mode: the engine in plain Node serves the built renderer and speaks the contract over a
// WebSocket at /rpc. What guards it (README "Threat model"):
// - every HTTP request and upgrade must name one of our own hosts (DNS rebinding);
// - the /rpc upgrade must come from our own page (Origin) and carry the per-run token, which the
//   page load sets as an HttpOnly SameSite=Strict cookie, on loopback too;
// - off loopback every request needs the token (the printed ?token= URL).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Engine } from '../engine';
import { isLoopbackHost } from '../loopback';
import { newToken, queryToken, tokenCookie, tokenMatches } from './access-token';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { allowedHosts, authority, hostAllowed, originAllowed } from './host-allow-list';
import { serveRpc, webSocketPort } from './rpc-host';
import { loadStatic } from './static-files';
import { withUiLanguage, type UiLanguage } from './ui-language';

export interface BrowserServerOptions {
  engine: Engine;
  rendererDir: string;
  host?: string;
  port?: number;
  /** A fixed token (tests); otherwise a fresh random one per run. */
  token?: string;
  /** Require the token on every HTTP request, not only on /rpc (always so off loopback). */
  requireToken?: boolean;
  /** The UI's default language (`serve --lang`), given to the page as <meta name="framescope-lang">. */
  lang?: UiLanguage;
}

export interface BrowserServer {
  /** What to open: on loopback the plain address (the page sets the cookie), elsewhere with ?token=. */
  url: string;
  host: string;
  port: number;
  token: string;
  /** Whether every request needs the token (a non-loopback host). */
  tokenInUrl: boolean;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const PAGES = new Set(['/', '/index.html']);

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** A wildcard listener is reached by the machine's own addresses: those are its names too. */
function ownAddresses(host: string): string[] {
  if (!isWildcard(host)) return [host];
  const all = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  return [host, ...all.filter((a) => host.includes(':') || !a.includes(':'))];
}

function refuseSocket(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const tokenEverywhere = options.requireToken === true || !isLoopbackHost(host);
  const { engine } = options;
  let allowed: ReadonlySet<string> = new Set();

  const server: Server = createServer((req, res) => {
    void serveHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  function plain(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    res.end(text);
  }

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(allowed, req.headers.host)) {
      plain(res, 421, 'Framescope answers only to its own address (open the URL it printed).\n');
      return;
    }
    if (tokenEverywhere && !tokenMatches(req, token)) {
      plain(res, 401, 'Framescope: this address needs the token printed when the server started (?token=...).\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS);
      res.end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = await loadStatic(options.rendererDir, path);
    if (!file) {
      plain(res, 404, 'Not found\n');
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': file.type, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS };
    // The page load hands the token to the page as a cookie its socket will carry (never to script).
    if (PAGES.has(path) && (!tokenEverywhere || queryToken(req) !== null)) headers['Set-Cookie'] = tokenCookie(token);
    const body = options.lang !== undefined && PAGES.has(path) ? withUiLanguage(file.body, options.lang) : file.body;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 512 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!hostAllowed(allowed, req.headers.host)) return refuseSocket(socket, '421 Misdirected Request');
    // Cross-site WebSocket hijacking: browsers send Origin on every WebSocket (RFC 6455 §4.1);
    // a request without one is not our page, and the token proves it came from a page we served.
    if (path !== '/rpc' || !originAllowed(allowed, req.headers.host, req.headers.origin)) return refuseSocket(socket, '403 Forbidden');
    if (!tokenMatches(req, token)) return refuseSocket(socket, '401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => serveRpc(engine, webSocketPort(ws)));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(ownAddresses(host), port);
  const url = `http://${authority(isWildcard(host) ? '127.0.0.1' : host, port)}/${tokenEverywhere ? `?token=${token}` : ''}`;

  return {
    url,
    host,
    port,
    token,
    tokenInUrl: tokenEverywhere,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
