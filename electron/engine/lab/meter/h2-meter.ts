// Meters one HTTP/2 connection (RFC 9113) from both directions' bytes: the client preface (§3.4),
// then frames of a 9-byte header and a payload (§4.1). HEADERS/CONTINUATION payloads are HPACK
// blocks (RFC 7541): their size is what header compression achieved. Streams give the exchanges.
import { nowUs } from '../clock';
import type { H2Totals, MeteredExchange, WireLedger } from './wire-ledger';

const PREFACE_BYTES = 24; // "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
const DATA = 0x0;
const HEADERS = 0x1;
const CONTINUATION = 0x9;
const END_STREAM = 0x1;
const PADDED = 0x8;
const PRIORITY = 0x20;

class H2Direction {
  prefaceLeft: number;
  header = new Uint8Array(9);
  have = 0;
  /** Payload of the current frame, collected only for the few bytes we read (padding, priority). */
  left = 0;
  length = 0;
  frameType = 0;
  flags = 0;
  stream = 0;
  offset = 0;
  padLength = 0;
  seenHeaders = false;
  constructor(preface: boolean) {
    this.prefaceLeft = preface ? PREFACE_BYTES : 0;
  }
}

export class H2ConnectionMeter {
  private readonly up = new H2Direction(true);
  private readonly down = new H2Direction(false);
  private readonly streams = new Map<number, MeteredExchange>();
  private readonly totals: H2Totals;

  constructor(
    private readonly connectionId: string,
    private readonly ledger: WireLedger,
  ) {
    this.totals = ledger.h2!;
  }

  client(chunk: Uint8Array): void {
    this.feed(this.up, chunk, true);
  }

  server(chunk: Uint8Array): void {
    this.feed(this.down, chunk, false);
  }

  private feed(d: H2Direction, chunk: Uint8Array, fromClient: boolean): void {
    let i = 0;
    if (d.prefaceLeft > 0) {
      const take = Math.min(d.prefaceLeft, chunk.length);
      this.totals.prefaceBytes += take;
      d.prefaceLeft -= take;
      i = take;
    }
    while (i < chunk.length) {
      if (d.have < 9) {
        d.header[d.have++] = chunk[i++]!;
        if (d.have === 9) this.frameStart(d, fromClient);
        continue;
      }
      const take = Math.min(d.left, chunk.length - i);
      if (d.frameType === DATA && (d.flags & PADDED) === 0) this.dataBytes(d, take, fromClient);
      else for (let k = 0; k < take; k++) this.payloadByte(d, chunk[i + k]!, fromClient);
      i += take;
      d.left -= take;
      if (d.left === 0) this.frameEnd(d, fromClient);
    }
  }

  private frameStart(d: H2Direction, fromClient: boolean): void {
    const h = d.header;
    d.left = (h[0]! << 16) | (h[1]! << 8) | h[2]!;
    d.length = d.left;
    d.frameType = h[3]!;
    d.flags = h[4]!;
    d.stream = ((h[5]! & 0x7f) << 24) | (h[6]! << 16) | (h[7]! << 8) | h[8]!;
    d.offset = 0;
    d.padLength = 0;
    const content = d.frameType === DATA || d.frameType === HEADERS || d.frameType === CONTINUATION;
    if (content) {
      this.totals.frameHeaderBytes += 9;
      if (d.frameType === HEADERS) d.seenHeaders = true;
    } else if (d.seenHeaders) this.totals.controlBytes += 9;
    else this.totals.setupBytes += 9;
    if (d.frameType === HEADERS && fromClient && !this.streams.has(d.stream)) this.openStream(d.stream);
    if (d.left === 0) this.frameEnd(d, fromClient);
  }

  private payloadByte(d: H2Direction, byte: number, fromClient: boolean): void {
    const at = d.offset++;
    const t = d.frameType;
    if (t !== DATA && t !== HEADERS && t !== CONTINUATION) {
      if (d.seenHeaders) this.totals.controlBytes++;
      else this.totals.setupBytes++;
      return;
    }
    const padded = t !== CONTINUATION && (d.flags & PADDED) !== 0;
    if (padded && at === 0) d.padLength = byte;
    const framing = padded ? 1 : 0;
    const priority = t === HEADERS && (d.flags & PRIORITY) !== 0 ? 5 : 0;
    const inPadding = padded && at >= d.length - d.padLength;
    // RFC 9113 §6.1/§6.2: Pad Length, the priority fields and the padding itself are framing, not content.
    if ((padded && at === 0) || (at < framing + priority && at >= framing) || inPadding) {
      this.totals.frameHeaderBytes++;
      return;
    }
    const ex = this.streams.get(d.stream);
    if (t === DATA) {
      this.totals.dataBytes++;
      if (ex && fromClient) ex.requestBodyBytes++;
      else if (ex) ex.responseBodyBytes++;
    } else if (fromClient) {
      this.totals.hpackRequestBytes++;
      if (ex) ex.requestHeadBytes++;
    } else {
      this.totals.hpackResponseBytes++;
      if (ex) ex.responseHeadBytes++;
    }
  }

  /** Unpadded DATA, counted in bulk: a 1 MiB message should not cost a million calls. */
  private dataBytes(d: H2Direction, n: number, fromClient: boolean): void {
    d.offset += n;
    this.totals.dataBytes += n;
    const ex = this.streams.get(d.stream);
    if (ex) {
      if (fromClient) ex.requestBodyBytes += n;
      else ex.responseBodyBytes += n;
    }
  }

  private frameEnd(d: H2Direction, fromClient: boolean): void {
    const ex = this.streams.get(d.stream);
    if (ex && !fromClient && (d.flags & END_STREAM) !== 0 && (d.frameType === DATA || d.frameType === HEADERS)) {
      ex.endedAt = nowUs();
      // The lab's HTTP/2 server answers 204 exactly when it has nothing; HPACK is not decoded here.
      ex.status = ex.responseBodyBytes > 0 ? 200 : 204;
      this.streams.delete(d.stream);
    }
    d.have = 0;
  }

  private openStream(stream: number): void {
    const ex: MeteredExchange = {
      id: `${this.connectionId}.s${stream}`,
      connectionId: this.connectionId,
      method: 'GET',
      path: '/poll',
      startedAt: nowUs(),
      endedAt: null,
      status: null,
      requestHeadBytes: 0,
      requestBodyBytes: 0,
      responseHeadBytes: 0,
      responseBodyBytes: 0,
      upgrade: false,
    };
    this.streams.set(stream, ex);
    this.ledger.exchanges.set(ex.id, ex);
  }
}
