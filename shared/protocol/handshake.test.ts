import { describe, expect, it } from 'vitest';
import { computeAccept, explainAccept } from './handshake.js';
import { checkHandshake } from './handshake-checks.js';
import { HttpHeadParser, parseHttpHead, type HttpHead } from './http-head-parser.js';
import { encodeUtf8 } from './utf8.js';

// RFC 6455 §1.2 / §1.3.
const REQUEST = [
  'GET /chat HTTP/1.1',
  'Host: server.example.com',
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  'Origin: http://example.com',
  'Sec-WebSocket-Protocol: chat, superchat',
  'Sec-WebSocket-Version: 13',
  '',
  '',
].join('\r\n');
const RESPONSE = [
  'HTTP/1.1 101 Switching Protocols',
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
  'Sec-WebSocket-Protocol: chat',
  '',
  '',
].join('\r\n');

function head(text: string): HttpHead {
  const r = parseHttpHead(encodeUtf8(text));
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** Replaces (or with null removes) one header line. */
function edit(text: string, name: string, value: string | null): string {
  const lines = text.split('\r\n').filter((l) => !l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (value !== null) lines.splice(1, 0, `${name}: ${value}`);
  return lines.join('\r\n');
}

function codes(req: string, res: string | null): string[] {
  return checkHandshake(head(req), res === null ? null : head(res)).violations.map((v) => `${v.code}@${v.section}`);
}

describe('Sec-WebSocket-Accept (§4.2.2)', () => {
  it('computes the RFC 6455 §1.3 example and explains each step', () => {
    expect(computeAccept('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    expect(explainAccept('dGhlIHNhbXBsZSBub25jZQ==')).toEqual({
      key: 'dGhlIHNhbXBsZSBub25jZQ==',
      guid: '258EAFA5-E914-47DA-95CA-C5AB0DC85B11',
      concatenated: 'dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11',
      sha1Hex: 'b37a4f2cc0624f1690f64606cf385945b2bec4ea',
      accept: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
    });
  });
});

describe('HttpHeadParser', () => {
  it('parses the request at every split point, keeping exact bytes, ranges and the rest', () => {
    const bytes = new Uint8Array([...encodeUtf8(REQUEST), 0x81, 0x00]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const p = new HttpHeadParser();
      const a = p.push(bytes.subarray(0, cut));
      const r = a.done ? { ...a, rest: new Uint8Array([...a.rest!, ...bytes.subarray(cut)]) } : p.push(bytes.subarray(cut));
      expect(r.done).toBe(true);
      expect(r.head!.rawLength).toBe(REQUEST.length);
      expect(Array.from(r.rest!)).toEqual([0x81, 0x00]);
    }
    const h = new HttpHeadParser().push(bytes).head!;
    expect(h.kind).toBe('request');
    expect(h.request).toEqual({ method: 'GET', target: '/chat', version: 'HTTP/1.1' });
    expect(h.startLine).toBe('GET /chat HTTP/1.1');
    expect(h.header('sec-websocket-key')).toBe('dGhlIHNhbXBsZSBub25jZQ==');
    expect(h.header('X-Missing')).toBeNull();
    const host = h.headers[0]!;
    const text = new TextDecoder().decode(h.raw);
    expect(text.slice(...host.nameRange)).toBe('Host');
    expect(text.slice(...host.valueRange)).toBe('server.example.com');
  });

  it('parses a response, joins repeated fields and unfolds obs-fold lines', () => {
    const h = head('HTTP/1.1 101 Switching Protocols\r\nX-A: 1\r\nx-a:  2 \r\nX-B: one\r\n  two\r\n\r\n');
    expect(h.response).toEqual({ version: 'HTTP/1.1', status: 101, reason: 'Switching Protocols' });
    expect(h.header('x-a')).toBe('1, 2');
    expect(h.header('x-b')).toBe('one two');
    expect(new TextDecoder().decode(h.raw).slice(...h.headers[1]!.valueRange)).toBe('2');
  });

  it('accepts bare LF line ends (RFC 7230 §3.5)', () => {
    const r = new HttpHeadParser().push(encodeUtf8('GET / HTTP/1.1\nHost: a\n\nrest'));
    expect(r.done).toBe(true);
    expect(r.head!.header('host')).toBe('a');
    expect(new TextDecoder().decode(r.rest)).toBe('rest');
  });

  it('reports garbage and oversized heads without throwing, and stays failed', () => {
    const tls = new HttpHeadParser();
    expect(tls.push(new Uint8Array([0x16, 0x03, 0x01])).error).toMatch(/not an HTTP head/);
    expect(tls.push(encodeUtf8('GET / HTTP/1.1\r\n\r\n')).error).toMatch(/not an HTTP head/);
    expect(new HttpHeadParser().push(encodeUtf8('HELLO THERE\r\n\r\n')).error).toBe('malformed start line');
    expect(new HttpHeadParser().push(encodeUtf8('GET / HTTP/1.1\r\nno colon\r\n\r\n')).error).toMatch(/not a header field/);
    expect(new HttpHeadParser().push(encodeUtf8('GET / HTTP/1.1\r\nBad Name: x\r\n\r\n')).error).toMatch(/invalid header name/);
    expect(new HttpHeadParser().push(encodeUtf8('\r\n\r\n')).error).toBe('empty start line');
    const big = new HttpHeadParser({ maxHeadSize: 100 });
    expect(big.push(encodeUtf8(`GET / HTTP/1.1\r\nX: ${'a'.repeat(200)}`)).error).toBe('header too large');
    const dflt = new HttpHeadParser();
    let r = dflt.push(encodeUtf8('GET / HTTP/1.1\r\n'));
    for (let i = 0; i < 70 && !r.error; i++) r = dflt.push(encodeUtf8(`X-Pad: ${'b'.repeat(1000)}\r\n`));
    expect(r.error).toBe('header too large');
  });

  it('never throws on random bytes', () => {
    for (let seed = 1; seed < 500; seed++) {
      const bytes = new Uint8Array(64).map((_, i) => ((seed * 2654435761 + i * 40503) >>> 13) & (seed % 2 ? 0x7f : 0xff));
      expect(() => new HttpHeadParser().push(bytes)).not.toThrow();
    }
  });
});

describe('checkHandshake', () => {
  it('accepts the RFC 6455 §1.2 example', () => {
    const r = checkHandshake(head(REQUEST), head(RESPONSE));
    expect(r).toMatchObject({ violations: [], subprotocol: 'chat', extensions: [], deflate: null });
    expect(r.accept).toEqual({ expected: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=', actual: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=', ok: true });
  });

  it('checks the request (§4.2.1)', () => {
    expect(codes(REQUEST.replace('GET', 'POST'), null)).toEqual(['handshake-method-not-get@4.2.1']);
    expect(codes(REQUEST.replace('HTTP/1.1', 'HTTP/1.0'), null)).toEqual(['handshake-http-version@4.2.1']);
    expect(codes(edit(REQUEST, 'Host', null), null)).toEqual(['handshake-missing-host@4.2.1']);
    expect(codes(edit(REQUEST, 'Upgrade', 'h2c'), null)).toEqual(['handshake-missing-upgrade@4.2.1']);
    expect(codes(edit(REQUEST, 'Upgrade', 'WebSocket'), null)).toEqual([]);
    expect(codes(edit(REQUEST, 'Connection', 'keep-alive'), null)).toEqual(['handshake-missing-connection-upgrade@4.2.1']);
    expect(codes(edit(REQUEST, 'Connection', 'keep-alive, Upgrade'), null)).toEqual([]);
    expect(codes(edit(REQUEST, 'Sec-WebSocket-Key', null), null)).toEqual(['handshake-missing-key@4.2.1']);
    expect(codes(edit(REQUEST, 'Sec-WebSocket-Key', 'c2hvcnQ='), null)).toEqual(['handshake-invalid-key@4.2.1']);
    expect(codes(edit(REQUEST, 'Sec-WebSocket-Version', null), null)).toEqual(['handshake-missing-version@4.2.1']);
    expect(codes(edit(REQUEST, 'Sec-WebSocket-Version', '8'), null)).toEqual(['handshake-unsupported-version@4.2.1']);
    expect(codes(edit(REQUEST, 'Sec-WebSocket-Protocol', 'chat, chat'), null)).toEqual(['handshake-invalid-subprotocol@4.1']);
    expect(codes(RESPONSE, null)).toEqual(['handshake-not-request@4.1']);
  });

  it('checks the response (§4.1 client validation)', () => {
    expect(codes(REQUEST, RESPONSE.replace('101 Switching Protocols', '200 OK'))).toEqual(['handshake-status-not-101@4.1']);
    expect(codes(REQUEST, edit(RESPONSE, 'Upgrade', null))).toEqual(['handshake-response-missing-upgrade@4.1']);
    expect(codes(REQUEST, edit(RESPONSE, 'Connection', 'close'))).toEqual(['handshake-response-missing-connection@4.1']);
    expect(codes(REQUEST, edit(RESPONSE, 'Sec-WebSocket-Accept', null))).toEqual(['handshake-missing-accept@4.1']);
    const bad = checkHandshake(head(REQUEST), head(edit(RESPONSE, 'Sec-WebSocket-Accept', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=')));
    expect(bad.violations.map((v) => v.code)).toEqual(['handshake-accept-mismatch']);
    expect(bad.accept).toMatchObject({ ok: false, actual: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    expect(codes(REQUEST, edit(RESPONSE, 'Sec-WebSocket-Protocol', 'mqtt'))).toEqual(['handshake-unrequested-subprotocol@4.1']);
    expect(codes(REQUEST, edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate'))).toEqual(['handshake-unrequested-extension@4.1']);
  });

  it('negotiates permessage-deflate (RFC 7692 §7.1)', () => {
    const req = edit(REQUEST, 'Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits, permessage-deflate; server_max_window_bits=10');
    const ok = checkHandshake(head(req), head(edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; server_no_context_takeover; client_max_window_bits=12')));
    expect(ok.violations).toEqual([]);
    expect(ok.extensions).toEqual([{ name: 'permessage-deflate', params: [{ name: 'server_no_context_takeover', value: null }, { name: 'client_max_window_bits', value: '12' }] }]);
    expect(ok.deflate).toEqual({ serverNoContextTakeover: true, clientNoContextTakeover: false, serverMaxWindowBits: 15, clientMaxWindowBits: 12 });
    expect(codes(req, edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; server_max_window_bits=16'))).toEqual(['deflate-invalid-params@RFC 7692 §7.1']);
    expect(codes(req, edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; x=1'))).toEqual(['deflate-invalid-params@RFC 7692 §7.1']);
    expect(codes(req, edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; ;'))).toEqual(['handshake-invalid-extensions@9.1']);
    const req2 = edit(REQUEST, 'Sec-WebSocket-Extensions', 'permessage-deflate; server_max_window_bits=10');
    expect(codes(req2, edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits=10'))).toEqual(['deflate-response-mismatch@RFC 7692 §7.1']);
    expect(codes(req2, edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; server_max_window_bits=12'))).toEqual(['deflate-response-mismatch@RFC 7692 §7.1']);
    expect(codes(req, edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate, permessage-deflate'))).toEqual(['handshake-duplicate-extension@9.1']);
    // §7.1.2.2: the answer may lower client_max_window_bits, never raise it above the offer.
    const req3 = edit(REQUEST, 'Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits=10');
    expect(codes(req3, edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits=12'))).toEqual(['deflate-response-mismatch@RFC 7692 §7.1']);
    expect(codes(req3, edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits=9'))).toEqual([]);
  });

  it('flags server_max_window_bits=08 (leading zero, §7.1.2.1) yet keeps decoding with deflate, as ws peers do', () => {
    const req = edit(REQUEST, 'Sec-WebSocket-Extensions', 'permessage-deflate; server_max_window_bits=10');
    const r = checkHandshake(head(req), head(edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; server_max_window_bits=08')));
    expect(r.violations.map((x) => x.code)).toEqual(['deflate-invalid-params']);
    expect(r.deflate).toMatchObject({ serverMaxWindowBits: 8 });
    const bad = checkHandshake(head(req), head(edit(RESPONSE, 'Sec-WebSocket-Extensions', 'permessage-deflate; server_max_window_bits=99')));
    expect(bad.deflate).toBeNull();
  });
});
