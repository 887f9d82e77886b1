// The server's end of the client → server stream (LabOptions.upstream): POST /up for the HTTP
// transports, text frames for WebSocket. It records which messages arrived and when, so the lab
// can set the cost of sending beside the cost of receiving.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { LAB_LIMITS, decodeLabMessage } from '../../../../shared/api';
import { nowUs } from '../clock';
import { corsHeaders } from './http-common';

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;

export const UPSTREAM_PATH = '/up';

export class UpstreamReceiver {
  /** (client id, seq) → receipt time (µs); each client numbers its own messages from 1. */
  readonly received = new Map<string, { generatedAt: number; receivedAt: number }>();
  payloadBytes = 0;
  posts = 0;

  /** A message as the server got it (a POST body or a text frame's payload). */
  take(client: string, text: string): void {
    const m = decodeLabMessage(text);
    if (!m) return;
    const key = `${client}#${m.seq}`;
    if (this.received.has(key)) return;
    this.received.set(key, { generatedAt: m.generatedAt, receivedAt: nowUs() });
    this.payloadBytes += text.length;
  }

  /** True when the request was the upstream's (answered here). */
  handle(req: Req, res: Res, client: string): boolean {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'POST' || path !== UPSTREAM_PATH) return false;
    this.posts++;
    let body = '';
    let tooBig = false;
    req.setEncoding('latin1');
    req.on('data', (c: string) => {
      // Bounded: a lab message is at most LAB_LIMITS.size.max bytes.
      if (body.length + c.length > LAB_LIMITS.size.max) tooBig = true;
      else body += c;
    });
    req.on('end', () => {
      if (!tooBig) this.take(client, body);
      res.writeHead(tooBig ? 413 : 204, corsHeaders(req));
      res.end();
    });
    return true;
  }
}
