// Meters one HTTP/1.1 connection from both directions' bytes: request and response heads (exact
// byte counts from the head parser), bodies by Content-Length or chunked coding (RFC 9112 §6.3,
// §7.1), and after a 101 Switching Protocols, WebSocket frames. It never throws: bytes it cannot
// place are counted as unparsed, so the totals still add up.
import { HttpHeadParser, type HttpHead } from '../../../../shared/protocol';
import { nowUs } from '../clock';
import type { MeteredExchange, WireLedger } from './wire-ledger';
import { WsFrameMeter, type MeteredFrame } from './ws-frame-meter';

type Body = { kind: 'none' } | { kind: 'length'; left: number } | { kind: 'chunked' } | { kind: 'close' };

const decoder = new TextDecoder('latin1');

export class Http1ConnectionMeter {
  private readonly waiting: MeteredExchange[] = [];
  private seq = 0;
  private up = new Direction();
  private down = new Direction();

  constructor(
    private readonly connectionId: string,
    private readonly ledger: WireLedger,
    private readonly onFrame: (from: 'client' | 'server', frame: MeteredFrame, time: number) => void,
  ) {}

  client(chunk: Uint8Array): void {
    this.feed(this.up, chunk, 'client');
  }

  server(chunk: Uint8Array): void {
    this.feed(this.down, chunk, 'server');
  }

  private feed(d: Direction, chunk: Uint8Array, from: 'client' | 'server'): void {
    const time = nowUs();
    let rest = chunk;
    while (rest.length > 0) {
      if (d.ws) {
        d.ws.push(rest);
        return;
      }
      if (d.broken) {
        this.ledger.unparsedBytes += rest.length;
        return;
      }
      if (d.body.kind === 'none') {
        d.headStart ??= time;
        const r = d.head.push(rest);
        if (r.error) {
          d.broken = true;
          this.ledger.unparsedBytes += d.pendingHead + rest.length;
          return;
        }
        if (!r.done) {
          d.pendingHead += rest.length;
          return;
        }
        rest = r.rest ?? new Uint8Array(0);
        d.pendingHead = 0;
        d.head = new HttpHeadParser();
        if (from === 'client') this.request(d, r.head!, d.headStart);
        else this.response(d, r.head!, time);
        d.headStart = null;
        continue;
      }
      rest = this.body(d, rest, from, time);
    }
  }

  private request(d: Direction, head: HttpHead, startedAt: number): void {
    const ex: MeteredExchange = {
      id: `${this.connectionId}.${++this.seq}`,
      connectionId: this.connectionId,
      method: head.request?.method ?? '?',
      path: head.request?.target ?? '?',
      startedAt,
      endedAt: null,
      status: null,
      requestHeadBytes: head.rawLength,
      requestBodyBytes: 0,
      responseHeadBytes: 0,
      responseBodyBytes: 0,
      chunkFramingBytes: 0,
      upgrade: (head.header('upgrade') ?? '').toLowerCase() === 'websocket',
    };
    if (ex.upgrade) ex.requestHead = decoder.decode(head.raw);
    this.ledger.exchanges.set(ex.id, ex);
    this.waiting.push(ex);
    d.exchange = ex;
    // A client sends nothing but frames after an upgrade request (RFC 6455 §4.1).
    if (ex.upgrade) d.ws = this.frameMeter('client');
    else d.body = bodyOf(head, false);
    if (d.body.kind === 'length' && d.body.left === 0) d.body = { kind: 'none' };
  }

  private response(d: Direction, head: HttpHead, time: number): void {
    const status = head.response?.status ?? 0;
    if (status >= 100 && status < 200 && status !== 101) return; // interim: the final head follows
    const ex = this.waiting.shift();
    if (!ex) {
      this.ledger.unparsedBytes += head.rawLength;
      return;
    }
    ex.status = status;
    ex.responseHeadBytes = head.rawLength;
    d.exchange = ex;
    if (status === 101) {
      ex.responseHead = decoder.decode(head.raw);
      ex.endedAt = time;
      d.ws = this.frameMeter('server');
      return;
    }
    d.body = bodyOf(head, ex.method === 'HEAD' || status === 204 || status === 304);
    if (d.body.kind === 'none' || (d.body.kind === 'length' && d.body.left === 0)) {
      d.body = { kind: 'none' };
      ex.endedAt = time;
    }
  }

  /** Consumes body bytes; returns what is left of the chunk after the body ends. */
  private body(d: Direction, chunk: Uint8Array, from: 'client' | 'server', time: number): Uint8Array {
    const ex = d.exchange!;
    const addBody = (n: number) => (from === 'client' ? (ex.requestBodyBytes += n) : (ex.responseBodyBytes += n));
    const body = d.body;
    if (body.kind === 'close') {
      addBody(chunk.length);
      return new Uint8Array(0);
    }
    if (body.kind === 'length') {
      const take = Math.min(body.left, chunk.length);
      addBody(take);
      body.left -= take;
      if (body.left === 0) this.bodyDone(d, from, time);
      return chunk.subarray(take);
    }
    // Chunked coding: size line, data, CRLF … last-chunk "0", trailers, blank line.
    let i = 0;
    while (i < chunk.length) {
      const c = d.chunk;
      if (c.state === 'data') {
        const take = Math.min(c.left, chunk.length - i);
        addBody(take);
        c.left -= take;
        i += take;
        if (c.left === 0) c.state = 'data-crlf';
        continue;
      }
      const b = chunk[i++]!;
      ex.chunkFramingBytes++;
      if (c.state === 'data-crlf') {
        if (b === 0x0a) c.state = 'size';
        continue;
      }
      if (b !== 0x0a) {
        if (b !== 0x0d) c.line += String.fromCharCode(b);
        continue;
      }
      const line = c.line;
      c.line = '';
      if (c.state === 'size') {
        const size = parseInt(line.split(';')[0]!.trim(), 16);
        if (!Number.isFinite(size)) {
          d.broken = true;
          this.ledger.unparsedBytes += chunk.length - i;
          return new Uint8Array(0);
        }
        if (size === 0) c.state = 'trailer';
        else Object.assign(c, { state: 'data', left: size });
      } else if (line === '') {
        this.bodyDone(d, from, time);
        return chunk.subarray(i);
      }
    }
    return new Uint8Array(0);
  }

  private bodyDone(d: Direction, from: 'client' | 'server', time: number): void {
    if (from === 'server') d.exchange!.endedAt = time;
    d.body = { kind: 'none' };
    d.chunk = { state: 'size', left: 0, line: '' };
  }

  private frameMeter(from: 'client' | 'server'): WsFrameMeter {
    return new WsFrameMeter(this.ledger.frames, (frame) => this.onFrame(from, frame, nowUs()));
  }
}

class Direction {
  head = new HttpHeadParser();
  headStart: number | null = null;
  pendingHead = 0;
  body: Body = { kind: 'none' };
  chunk: { state: 'size' | 'data' | 'data-crlf' | 'trailer'; left: number; line: string } = { state: 'size', left: 0, line: '' };
  exchange: MeteredExchange | null = null;
  ws: WsFrameMeter | null = null;
  broken = false;
}

function bodyOf(head: HttpHead, noBody: boolean): Body {
  if (noBody) return { kind: 'none' };
  if ((head.header('transfer-encoding') ?? '').toLowerCase().includes('chunked')) return { kind: 'chunked' };
  const length = head.header('content-length');
  if (length !== null && /^\d+$/.test(length)) return { kind: 'length', left: Number(length) };
  // RFC 9112 §6.3: a request without either has no body; a response runs until the connection closes.
  return head.kind === 'request' ? { kind: 'none' } : { kind: 'close' };
}
