import { describe, expect, it } from 'vitest';
import { Http1ConnectionMeter } from './http1-meter';
import { emptyLedger, type WireLedger } from './wire-ledger';

const enc = (s: string) => new TextEncoder().encode(s);

const REQUEST = 'GET /poll?client=a HTTP/1.1\r\nHost: 127.0.0.1:9\r\nAccept: */*\r\n\r\n';
const OK = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n[1,2,3]';
const EMPTY = 'HTTP/1.1 204 No Content\r\nCache-Control: no-store\r\n\r\n';
// Two SSE events as chunks, then the last-chunk: 2 × ("7\r\n" + 7 bytes + "\r\n") + "0\r\n\r\n".
const SSE = 'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n7\r\ndata:a\n\r\n7\r\ndata:b\n\r\n0\r\n\r\n';
const UPGRADE = 'GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
const SWITCHED = 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n';

/** Feeds both directions split at `cut` (every split point is tried by the callers). */
function meter(up: string, down: string, cut: number, frames: number[] = []): WireLedger {
  const ledger = emptyLedger(false);
  const m = new Http1ConnectionMeter('t', ledger, (_from, f) => frames.push(f.headerBytes));
  const a = enc(up);
  const b = enc(down);
  m.client(a.subarray(0, Math.min(cut, a.length)));
  m.client(a.subarray(Math.min(cut, a.length)));
  m.server(b.subarray(0, Math.min(cut, b.length)));
  m.server(b.subarray(Math.min(cut, b.length)));
  return ledger;
}

describe('HTTP/1.1 connection meter', () => {
  it('splits keep-alive polls into heads and bodies, at every split point', () => {
    const up = REQUEST + REQUEST;
    const down = OK + EMPTY;
    for (let cut = 0; cut <= down.length; cut++) {
      const ledger = meter(up, down, cut);
      const [a, b] = [...ledger.exchanges.values()];
      expect(a).toMatchObject({ status: 200, requestHeadBytes: REQUEST.length, responseHeadBytes: OK.length - 7, responseBodyBytes: 7 });
      expect(b).toMatchObject({ status: 204, responseHeadBytes: EMPTY.length, responseBodyBytes: 0 });
      expect(b!.endedAt).not.toBeNull();
      expect(ledger.unparsedBytes).toBe(0);
    }
  });

  it('counts chunked framing apart from the event-stream data', () => {
    for (let cut = 0; cut <= SSE.length; cut++) {
      const ex = [...meter(REQUEST, SSE, cut).exchanges.values()][0]!;
      const head = SSE.indexOf('\r\n\r\n') + 4;
      expect(ex.responseHeadBytes).toBe(head);
      expect(ex.responseBodyBytes).toBe(14);
      expect(ex.chunkFramingBytes).toBe(SSE.length - head - 14);
      expect(ex.endedAt).not.toBeNull();
    }
  });

  it('follows an upgrade into WebSocket frames: 2, 4 and 10-byte server headers, 6-byte masked client header', () => {
    // The 64-bit frame is followed by another, so a wrong length would swallow it.
    const server = [
      new Uint8Array([0x81, 3, 1, 2, 3]),
      new Uint8Array([0x81, 126, 0, 200, ...new Uint8Array(200)]),
      new Uint8Array([0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0, ...new Uint8Array(65536)]),
      new Uint8Array([0x81, 1, 0x41]),
    ];
    const client = new Uint8Array([0x88, 0x82, 1, 2, 3, 4, 9, 9]);
    const down = new Uint8Array([...enc(SWITCHED), ...server.flatMap((f) => [...f])]);
    const up = new Uint8Array([...enc(UPGRADE), ...client]);
    for (const cut of [1, 2, SWITCHED.length, SWITCHED.length + 1, SWITCHED.length + 6, down.length - 1]) {
      const ledger = emptyLedger(false);
      const headers: number[] = [];
      const m = new Http1ConnectionMeter('t', ledger, (_f, frame) => headers.push(frame.headerBytes));
      m.client(up.subarray(0, 30));
      m.client(up.subarray(30));
      m.server(down.subarray(0, cut));
      m.server(down.subarray(cut));
      expect(headers.sort((x, y) => x - y)).toEqual([2, 2, 4, 6, 10]);
      expect(ledger.frames).toMatchObject({ dataFrames: 4, dataHeaderBytes: 18, dataPayloadBytes: 3 + 200 + 65536 + 1, controlFrames: 1, controlBytes: 8, closeBytes: 8 });
      const ex = [...ledger.exchanges.values()][0]!;
      expect(ex).toMatchObject({ upgrade: true, status: 101, requestHeadBytes: UPGRADE.length, responseHeadBytes: SWITCHED.length });
    }
  });

  it('counts bytes that are not HTTP as unparsed instead of throwing', () => {
    const ledger = meter('\x16\x03\x01 not http at all\r\n\r\n', '', 3);
    expect(ledger.unparsedBytes).toBeGreaterThan(0);
    expect(ledger.exchanges.size).toBe(0);
  });
});
