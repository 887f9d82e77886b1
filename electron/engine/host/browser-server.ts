// Browser mode: the engine in plain Node serves the built renderer and speaks the contract over a
// WebSocket at /rpc. Loopback by default; on any other address every request needs the token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { isApiMethod, toEnvelope, type EngineEvent } from '../../../shared/api';
import { decodeWire, encodeWire, isRpcRequest, type RpcServerMessage } from '../../../shared/wire';
import type { Engine } from '../engine';
import { TOKEN_COOKIE, isLoopbackHost, newToken, requestToken, tokenMatches } from './access-token';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { loadStatic } from './static-files';

export interface BrowserServerOptions {
  engine: Engine;
  rendererDir: string;
  host?: string;
  port?: number;
  /** Force a token even on loopback (tests); a non-loopback host always gets one. */
  token?: string | null;
}

export interface BrowserServer {
  url: string;
  host: string;
  port: number;
  token: string | null;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token !== undefined ? options.token : isLoopbackHost(host) ? null : newToken();
  const { engine } = options;

  const server: Server = createServer((req, res) => {
    void serveHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!tokenMatches(req, token)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('Framescope: this address needs the token printed when the server started (?token=...).\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS);
      res.end();
      return;
    }
    const file = await loadStatic(options.rendererDir, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('Not found\n');
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': file.type, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS };
    // Pages opened with ?token= get it as a strict cookie so their scripts and socket need not carry it.
    if (token && new URL(req.url ?? '/', 'http://x').searchParams.get('token')) {
      headers['Set-Cookie'] = `${TOKEN_COOKIE}=${requestToken(req)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 512 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Another site's page must not drive the engine (cross-site WebSocket hijacking): same origin only.
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || origin === `http://${req.headers.host}`;
    if (path !== '/rpc' || !sameOrigin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!tokenMatches(req, token)) {
        ws.close(1008, 'token required');
        return;
      }
      attachRpc(ws, engine);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}/${token ? `?token=${token}` : ''}`;

  return {
    url,
    host,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function attachRpc(ws: WebSocket, engine: Engine): void {
  const send = (message: RpcServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(encodeWire(message));
  };
  const unsubscribe = engine.subscribe((events: EngineEvent[]) => send({ events }));
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let request: unknown;
    try {
      request = decodeWire(data.toString());
    } catch {
      return;
    }
    if (!isRpcRequest(request)) return;
    const { id, method, params } = request;
    if (!isApiMethod(method)) {
      send({ id, envelope: { ok: false, error: { code: 'invalid', message: `Unknown method ${String(method)}.` } } });
      return;
    }
    void toEnvelope(() => (engine.api[method] as (...args: unknown[]) => Promise<unknown>)(...params)).then((envelope) =>
      send({ id, envelope }),
    );
  });
}

