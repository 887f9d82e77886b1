// Server-sent events (WHATWG HTML §9.2): one long response, one `data:` event per message, sent
// the moment the message exists. Over HTTP/1.1 each write is also a chunk (RFC 9112 §7.1), whose
// size line and CRLF the accounting shows apart from the SSE fields.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SSE_FIELD_BYTES, encodeSseEvent } from '../../../../shared/api';
import type { Publisher, PublishedMessage } from '../publisher';
import { corsHeaders } from './http-common';
import type { ServerLedger } from './server-ledger';

export class SseHandler {
  private readonly streams = new Set<ServerResponse>();
  private closing = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly publisher: Publisher,
    private readonly ledger: ServerLedger,
    private readonly onRequest: () => void,
  ) {
    this.unsubscribe = publisher.onMessage((m) => {
      for (const res of this.streams) this.send(res, m);
    });
  }

  handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'GET' || path !== '/sse') {
      res.writeHead(404, corsHeaders(req));
      res.end();
      return;
    }
    // 204 tells an EventSource to stop reconnecting (HTML §9.2.3), for clients that reconnect after the run.
    if (this.closing) {
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }
    this.onRequest();
    this.ledger.streams++;
    this.ledger.responses++;
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', ...corsHeaders(req) });
    res.flushHeaders();
    this.streams.add(res);
    // A client that leaves first never gets the last-chunk; count only what is written.
    res.on('close', () => this.streams.delete(res));
    for (const m of this.publisher.history) this.send(res, m);
  };

  get open(): number {
    return this.streams.size;
  }

  /** Ends every stream (clients should have closed their EventSource first). */
  close(): void {
    this.closing = true;
    this.unsubscribe();
    for (const res of this.streams) {
      this.ledger.addLastChunk();
      res.end();
    }
    this.streams.clear();
  }

  private send(res: ServerResponse, m: PublishedMessage): void {
    const text = this.publisher.encode(m);
    const event = encodeSseEvent(text);
    this.ledger.addSseEvent(text.length, SSE_FIELD_BYTES);
    this.ledger.addChunk(event.length);
    res.write(event);
  }
}
