// The headless clients: Node's http, http2 and ws, one per transport, reporting every message they
// receive with the time it arrived. They behave as the browser clients do (same URLs, same
// schedule), so `framescope lab` and the in-app lab measure the same thing.
import { Agent, request } from 'node:http';
import { connect as connectH2, type ClientHttp2Session } from 'node:http2';
import WebSocket from 'ws';
import { decodeLabMessage, decodePollBody, splitSseEvents, type LabDelivery, type LabTransport } from '../../../../shared/api';
import { nowUs } from '../clock';
import { BROWSER_LIKE_HEADERS, labCookieHeader } from './browser-like-headers';
import { h2Sender, http1Sender, startUpstream, type SendUp, type UpstreamOptions } from './node-upstream';

export interface NodeClientOptions {
  transport: LabTransport;
  /** http://127.0.0.1:PORT of the meter in front of the transport's server. */
  baseUrl: string;
  format: 'text' | 'json';
  intervalMs: number;
  cookieBytes: number;
  /** Also send a stream up (LabOptions.upstream), or null. */
  upstream: UpstreamOptions | null;
  deliver: (deliveries: LabDelivery[]) => void;
  onError: (message: string) => void;
}

export interface LabClient {
  stop(): Promise<void>;
}

function toDeliveries(messages: string[], receivedAt: number): LabDelivery[] {
  const out: LabDelivery[] = [];
  for (const m of messages) {
    const d = decodeLabMessage(m);
    if (d) out.push({ seq: d.seq, receivedAt });
  }
  return out;
}

/** A client, and how it sends up on its own connection where it has one (WebSocket, HTTP/2). */
type Started = LabClient & { send?: SendUp };

export function startNodeClient(o: NodeClientOptions): LabClient {
  const id = Math.random().toString(36).slice(2, 10);
  const headers = { ...BROWSER_LIKE_HEADERS, ...labCookieHeader(o.cookieBytes) };
  const client = startDown(o, id, headers);
  if (!o.upstream) return client;
  const http1 = client.send ? null : http1Sender(`${o.baseUrl}/up?client=${id}`, headers, o.onError);
  const up = startUpstream(o.upstream, client.send ?? http1!.send);
  return {
    async stop() {
      up.stop();
      http1?.close();
      await client.stop();
    },
  };
}

function startDown(o: NodeClientOptions, id: string, headers: Record<string, string>): Started {
  switch (o.transport) {
    case 'short-polling':
      return pollHttp1(o, `${o.baseUrl}/poll?client=${id}`, headers, false);
    case 'long-polling':
      return pollHttp1(o, `${o.baseUrl}/poll?client=${id}`, headers, true);
    case 'sse':
      return sse(o, `${o.baseUrl}/sse`, headers);
    case 'websocket':
      return websocket(o, `${o.baseUrl.replace(/^http/, 'ws')}/ws`, headers);
    case 'http2-polling':
      return pollH2(o, '/poll', headers, `/up?client=${id}`);
  }
}

/** Short polling: a GET every interval (skipped while one is in flight). Long polling: a new GET as soon as one returns. */
function pollHttp1(o: NodeClientOptions, url: string, headers: Record<string, string>, long: boolean): LabClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let stopped = false;
  let inFlight = false;
  const once = () => {
    if (stopped || inFlight) return;
    inFlight = true;
    const req = request(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        inFlight = false;
        if (body) o.deliver(toDeliveries(decodePollBody(body, o.format), nowUs()));
        if (long) once();
      });
    });
    req.on('error', (err) => {
      inFlight = false;
      if (!stopped) o.onError(`${o.transport}: ${err.message}`);
    });
    req.end();
  };
  once();
  const timer = long ? null : setInterval(once, o.intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      agent.destroy();
    },
  };
}

function sse(o: NodeClientOptions, url: string, headers: Record<string, string>): LabClient {
  let buffer = '';
  const req = request(url, { headers: { ...headers, accept: 'text/event-stream', 'cache-control': 'no-cache' } }, (res) => {
    res.setEncoding('latin1');
    res.on('data', (c: string) => {
      const { events, rest } = splitSseEvents(buffer + c);
      buffer = rest;
      if (events.length > 0) o.deliver(toDeliveries(events, nowUs()));
    });
  });
  let stopped = false;
  req.on('error', (err) => {
    if (!stopped) o.onError(`sse: ${err.message}`);
  });
  req.end();
  return {
    async stop() {
      stopped = true;
      req.destroy();
    },
  };
}

function websocket(o: NodeClientOptions, url: string, headers: Record<string, string>): Started {
  const { origin, 'user-agent': ua, 'accept-language': lang, cookie } = headers as Record<string, string | undefined>;
  const ws = new WebSocket(url, { origin, headers: { 'user-agent': ua ?? '', 'accept-language': lang ?? '', ...(cookie ? { cookie } : {}) } });
  let stopped = false;
  ws.on('message', (data, isBinary) => {
    if (!isBinary) o.deliver(toDeliveries([data.toString()], nowUs()));
  });
  ws.on('error', (err) => {
    if (!stopped) o.onError(`websocket: ${err.message}`);
  });
  return {
    // ws masks every client frame with a fresh random key (RFC 6455 §5.3).
    send: (text) => {
      if (ws.readyState === ws.OPEN) ws.send(text);
      return Promise.resolve();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopped = true;
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
        // RFC 6455 §7.1.2: the client starts the closing handshake; give the server a moment to answer.
        if (ws.readyState === ws.OPEN) ws.close(1000, 'done');
        else ws.terminate();
        setTimeout(() => {
          ws.terminate();
          resolve();
        }, 1000).unref();
      }),
  };
}

/** HTTP/2 polling: the same GET every interval, as streams of one connection; HPACK compresses the repeats. */
function pollH2(o: NodeClientOptions, path: string, headers: Record<string, string>, upPath: string): Started {
  let stopped = false;
  let inFlight = false;
  const session: ClientHttp2Session = connectH2(o.baseUrl);
  session.on('error', (err) => {
    if (!stopped) o.onError(`http2-polling: ${err.message}`);
  });
  const once = () => {
    if (stopped || inFlight || session.closed || session.destroyed) return;
    inFlight = true;
    const stream = session.request({ ':method': 'GET', ':path': path, ...headers });
    let body = '';
    stream.setEncoding('latin1');
    stream.on('data', (c: string) => (body += c));
    stream.on('end', () => {
      inFlight = false;
      if (body) o.deliver(toDeliveries(decodePollBody(body, o.format), nowUs()));
    });
    stream.on('error', () => (inFlight = false));
  };
  once();
  const timer = setInterval(once, o.intervalMs);
  return {
    send: h2Sender(session, upPath, headers),
    stop: () =>
      new Promise<void>((resolve) => {
        stopped = true;
        clearInterval(timer);
        if (session.closed) return resolve();
        session.close(() => resolve());
      }),
  };
}
