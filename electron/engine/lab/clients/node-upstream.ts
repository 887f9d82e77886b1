// The client → server half of the lab (LabOptions.upstream): each Node client sends its own stream
// of lab messages at the published rate and size — a masked text frame on the WebSocket, a POST
// for the HTTP transports — numbered from 1 and stamped when sent.
import { Agent, request } from 'node:http';
import type { ClientHttp2Session } from 'node:http2';
import { encodeLabMessage } from '../../../../shared/api';
import { nowUs } from '../clock';

export interface UpstreamOptions {
  rate: number;
  size: number;
  format: 'text' | 'json';
}

/** Sends one message; resolves when the transport has taken it (a POST answered, a frame queued). */
export type SendUp = (text: string) => Promise<void>;

/** POSTs beyond this many unanswered are skipped, so a stalled server cannot grow a queue. */
const MAX_IN_FLIGHT = 8;

export function startUpstream(o: UpstreamOptions, send: SendUp): { stop(): void } {
  let seq = 0;
  let inFlight = 0;
  const tick = () => {
    if (inFlight >= MAX_IN_FLIGHT) return;
    inFlight++;
    const text = encodeLabMessage(++seq, nowUs(), o.size, o.format);
    send(text).finally(() => inFlight--);
  };
  const timer = setInterval(tick, 1000 / o.rate);
  return { stop: () => clearInterval(timer) };
}

/**
 * HTTP/1.1 POSTs on their own keep-alive agent: a browser, too, takes another connection when the
 * one it has is busy (a parked long poll) — the notes' "a new TCP connection" for sending.
 */
export function http1Sender(url: string, headers: Record<string, string>, onError: (m: string) => void): { send: SendUp; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send: SendUp = (text) =>
    new Promise((resolve) => {
      const req = request(url, { agent, method: 'POST', headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8', 'content-length': String(text.length) } }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', (err) => {
        onError(`upstream: ${err.message}`);
        resolve();
      });
      req.end(text, 'latin1');
    });
  return { send, close: () => agent.destroy() };
}

export function h2Sender(session: ClientHttp2Session, path: string, headers: Record<string, string>): SendUp {
  return (text) =>
    new Promise((resolve) => {
      if (session.closed || session.destroyed) return resolve();
      const stream = session.request({ ':method': 'POST', ':path': path, ...headers, 'content-type': 'text/plain;charset=UTF-8' });
      stream.on('response', () => stream.resume());
      stream.on('close', () => resolve());
      stream.on('error', () => resolve());
      stream.end(text, 'latin1');
    });
}
