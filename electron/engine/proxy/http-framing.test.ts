// Body framing and server-sent event counting, re-fed at every split point: the relay sees HTTP
// in whatever pieces TCP delivers, so the answers must not depend on where chunks end.
import { describe, expect, it } from 'vitest';
import { BodyReader, type BodyMode } from './body-reader';
import { SseCounter } from './sse-counter';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function readAtSplit(mode: BodyMode, wire: string, split: number): { consumed: number; data: string; done: boolean; error: string | null } {
  let data = '';
  const reader = new BodyReader(mode, (d) => (data += new TextDecoder().decode(d)));
  const all = bytes(wire);
  let consumed = reader.push(all.subarray(0, split));
  if (!reader.done) consumed += reader.push(all.subarray(split));
  return { consumed, data, done: reader.done, error: reader.error };
}

describe('BodyReader', () => {
  it('finds the end of a chunked body (extensions and trailers included) at every split', () => {
    const body = '4;ext=1\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n';
    const wire = `${body}GET /next HTTP/1.1\r\n`;
    for (let split = 0; split <= wire.length; split++) {
      expect(readAtSplit({ kind: 'chunked' }, wire, split)).toEqual({ consumed: body.length, data: 'Wikipedia in \r\n\r\nchunks.', done: true, error: null });
    }
  });

  it('stops a Content-Length body exactly, and reads "until close" bodies to the end', () => {
    for (let split = 0; split <= 12; split++) {
      expect(readAtSplit({ kind: 'length', length: 5 }, 'hello world!', split)).toMatchObject({ consumed: 5, data: 'hello', done: true });
      expect(readAtSplit({ kind: 'close' }, 'hello world!', split)).toMatchObject({ consumed: 12, done: false });
    }
    expect(new BodyReader({ kind: 'none' }).done).toBe(true);
  });

  it('stops at unreadable chunk framing and consumes nothing past it', () => {
    const r = readAtSplit({ kind: 'chunked' }, 'zz\r\nabc', 3);
    expect(r).toMatchObject({ error: 'invalid chunk size (RFC 9112 §7.1)', done: false, consumed: 0 });
    for (const wire of ['10000000000000003\r\nxyz', '3 x\r\nabc', ' 3\r\nabc']) {
      for (let split = 0; split <= wire.length; split++) expect(readAtSplit({ kind: 'chunked' }, wire, split).error).not.toBeNull();
    }
    expect(readAtSplit({ kind: 'chunked' }, '0000000000003 ;a=b\r\nabc\r\n0\r\n\r\n', 5)).toMatchObject({ done: true, data: 'abc' });
  });
});

describe('SseCounter', () => {
  it('counts dispatched events only (data present), across CRLF, LF and CR line endings, at every split', () => {
    const stream = ': comment\n\ndata: one\n\nevent: x\r\ndata: two\r\ndata: more\r\n\r\nid: 7\n\ndata\n\ndata:three\r\rretry: 5\n\n';
    for (let split = 0; split <= stream.length; split++) {
      const counter = new SseCounter();
      counter.push(bytes(stream.slice(0, split)));
      counter.push(bytes(stream.slice(split)));
      expect(counter.events).toBe(4);
    }
  });

  it('does not count an event that has not been terminated yet', () => {
    const counter = new SseCounter();
    counter.push(bytes('data: pending\n'));
    expect(counter.events).toBe(0);
    counter.push(bytes('\n'));
    expect(counter.events).toBe(1);
  });
});
