// Short and long polling share one handler: GET /poll?client=ID answers with every message the
// client has not had yet. Short polling answers at once (204 when there is nothing: an empty poll);
// long polling parks the request until a message exists (the notes: "a new request after every
// message"). The cursor lives on the server, so a poller's request line and headers never change —
// which is what lets HTTP/2's HPACK shrink them to a few bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { encodePollBody } from '../../../../shared/api';
import type { Publisher } from '../publisher';
import { clientIdOf, corsHeaders } from './http-common';
import type { ServerLedger } from './server-ledger';

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;

/** A parked long poll is answered 204 after this long, as real servers do before proxies give up. */
export const LONG_POLL_TIMEOUT_MS = 25_000;
const MAX_BATCH_MESSAGES = 1000;
const MAX_BATCH_BYTES = 4 * 1_048_576;

export class PollingHandler {
  private readonly cursors = new Map<string, number>();
  private readonly parked = new Set<{ req: Req; res: Res; client: string; timer: NodeJS.Timeout }>();
  private closing = false;
  private readonly sessions = new Map<object, string>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly publisher: Publisher,
    private readonly format: 'text' | 'json',
    private readonly ledger: ServerLedger,
    private readonly mode: 'short' | 'long',
    private readonly onRequest: () => void,
  ) {
    this.unsubscribe = publisher.onMessage(() => this.wakeParked());
  }

  /** Long polls parked right now (idle connections the server holds). */
  get parkedCount(): number {
    return this.parked.size;
  }

  handle = (req: Req, res: Res): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'GET' || path !== '/poll') {
      res.writeHead(404, corsHeaders(req));
      res.end();
      return;
    }
    this.onRequest();
    const client = this.clientOf(req);
    if (this.mode === 'short' || this.closing || this.pending(client) > 0) {
      this.answer(req, res, client);
      return;
    }
    const entry = { req, res, client, timer: setTimeout(() => this.release(entry), LONG_POLL_TIMEOUT_MS) };
    this.parked.add(entry);
    res.on('close', () => {
      clearTimeout(entry.timer);
      this.parked.delete(entry);
    });
  };

  /**
   * HTTP/1.1 pollers name themselves in the query; an HTTP/2 poller is its session, so its request
   * is a bare `/poll` and every header repeats exactly (nghttp2 never indexes :path, RFC 7541 §7.1.3).
   */
  private clientOf(req: Req): string {
    if ('stream' in req) {
      const session = req.stream.session;
      if (session) {
        let id = this.sessions.get(session);
        if (id === undefined) this.sessions.set(session, (id = `h2-${this.sessions.size}`));
        return id;
      }
    }
    return clientIdOf(req.url);
  }

  /** Stop parking: every waiting long poll is answered now (with what it has, or 204). */
  close(): void {
    this.closing = true;
    this.unsubscribe();
    for (const entry of [...this.parked]) this.release(entry);
  }

  private pending(client: string): number {
    return this.publisher.history.length - (this.cursors.get(client) ?? 0);
  }

  private wakeParked(): void {
    for (const entry of [...this.parked]) if (this.pending(entry.client) > 0) this.release(entry);
  }

  private release(entry: { req: Req; res: Res; client: string; timer: NodeJS.Timeout }): void {
    clearTimeout(entry.timer);
    this.parked.delete(entry);
    this.answer(entry.req, entry.res, entry.client);
  }

  private answer(req: Req, res: Res, client: string): void {
    if (res.writableEnded || res.destroyed) return;
    const from = this.cursors.get(client) ?? 0;
    const texts: string[] = [];
    let bytes = 0;
    for (const m of this.publisher.after(from, MAX_BATCH_MESSAGES)) {
      const text = this.publisher.encode(m);
      if (texts.length > 0 && bytes + text.length > MAX_BATCH_BYTES) break;
      texts.push(text);
      bytes += text.length;
    }
    this.cursors.set(client, from + texts.length);
    const headers = { 'Cache-Control': 'no-store', ...corsHeaders(req) };
    if (texts.length === 0) {
      this.ledger.addBody([], 0);
      res.writeHead(204, headers);
      res.end();
      return;
    }
    const body = encodePollBody(texts, this.format);
    this.ledger.addBody(
      texts.map((t) => t.length),
      body.length,
    );
    const type = this.format === 'json' ? 'application/json' : 'text/plain; charset=utf-8';
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(body.length) });
    res.end(body);
  }
}
