// The lab server: one listening port per transport (so a browser never shares a keep-alive
// connection between transports and every byte on a port belongs to one of them), plus an
// unmetered control port that sets the cookie the HTTP clients then carry.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { LAB_TRANSPORTS, type IdleTransport, type LabOptions, type LabTransport } from '../../../shared/api';
import { LAB_COOKIE_SLOTS, labCookies } from './clients/browser-like-headers';
import type { Publisher } from './publisher';
import { listenH2 } from './transports/h2-server';
import { clientIdOf, corsHeaders, listenHttp } from './transports/http-common';
import { PollingHandler } from './transports/polling-handler';
import { ServerLedger } from './transports/server-ledger';
import { SseHandler } from './transports/sse-handler';
import { UpstreamReceiver } from './transports/upstream-receiver';
import { WebSocketHandler } from './transports/websocket-handler';

export interface LabServers {
  ports: Record<LabTransport, number>;
  ledgers: Record<LabTransport, ServerLedger>;
  /** What each transport's server received from its clients (options.upstream). */
  upstream: Record<LabTransport, UpstreamReceiver>;
  cookieUrl: string;
  /** Transports whose client has made its first request. */
  seen: Set<LabTransport>;
  /** Answers parked long polls, ends SSE streams and closes WebSockets (1001). */
  finish(): void;
  /** Streams still open on the server side (SSE responses, WebSockets). */
  openStreams(): number;
  /** Idle connections held per long-lived transport (WebSockets, SSE streams, parked long polls). */
  held(): Record<IdleTransport, number>;
  close(): Promise<void>;
}

export async function startLabServers(publisher: Publisher, options: LabOptions): Promise<LabServers> {
  const ledgers = Object.fromEntries(LAB_TRANSPORTS.map((t) => [t, new ServerLedger()])) as Record<LabTransport, ServerLedger>;
  const upstream = Object.fromEntries(LAB_TRANSPORTS.map((t) => [t, new UpstreamReceiver()])) as Record<LabTransport, UpstreamReceiver>;
  // POST /up goes to the transport's upstream receiver; everything else to its handler.
  const withUpstream =
    <Q extends IncomingMessage | Http2ServerRequest, S extends ServerResponse | Http2ServerResponse>(t: LabTransport, handle: (req: Q, res: S) => void) =>
    (req: Q, res: S) => {
      if (!upstream[t].handle(req, res, clientIdOf(req.url))) handle(req, res);
    };
  const seen = new Set<LabTransport>();
  const mark = (t: LabTransport) => () => seen.add(t);
  const short = new PollingHandler(publisher, options.format, ledgers['short-polling'], 'short', mark('short-polling'));
  const long = new PollingHandler(publisher, options.format, ledgers['long-polling'], 'long', mark('long-polling'));
  const h2 = new PollingHandler(publisher, options.format, ledgers['http2-polling'], 'short', mark('http2-polling'));
  const sse = new SseHandler(publisher, ledgers.sse, mark('sse'));
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(404, corsHeaders(req));
    res.end();
  };
  const servers = await Promise.all([
    listenHttp(withUpstream('short-polling', short.handle)),
    listenHttp(withUpstream('long-polling', long.handle)),
    listenHttp(withUpstream('sse', sse.handle)),
    listenHttp(notFound),
    listenH2(withUpstream('http2-polling', h2.handle)),
    listenHttp(cookieHandler),
  ]);
  const [shortS, longS, sseS, wsS, h2S, control] = servers;
  const ws = new WebSocketHandler(wsS.server, publisher, ledgers.websocket, mark('websocket'), upstream.websocket);
  return {
    ports: { 'short-polling': shortS.port, 'long-polling': longS.port, sse: sseS.port, websocket: wsS.port, 'http2-polling': h2S.port },
    ledgers,
    upstream,
    cookieUrl: `http://127.0.0.1:${control.port}/cookie?bytes=${options.cookieBytes}`,
    seen,
    finish() {
      short.close();
      long.close();
      h2.close();
      sse.close();
      ws.close();
    },
    openStreams: () => ws.clients + sse.open,
    held: () => ({ websocket: ws.clients, sse: sse.open, 'long-polling': long.parkedCount }),
    async close() {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

/**
 * GET /cookie?bytes=N answers with Set-Cookie for N bytes of cookies (and expires the unused
 * slots), so the browser's own jar adds them to every later request, as a real site's would.
 */
function cookieHandler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const bytes = Number(url.searchParams.get('bytes') ?? '0');
  if (url.pathname !== '/cookie' || !Number.isInteger(bytes) || bytes < 0 || bytes > 8000) {
    res.writeHead(400, corsHeaders(req));
    res.end();
    return;
  }
  const cookies = labCookies(bytes);
  const set = cookies.map((c) => `${c.name}=${c.value}; Path=/; SameSite=Lax`);
  for (let i = cookies.length; i < LAB_COOKIE_SLOTS; i++) set.push(`lab${i}=; Path=/; Max-Age=0`);
  res.writeHead(204, { ...corsHeaders(req), 'Set-Cookie': set, 'Cache-Control': 'no-store' });
  res.end();
}
