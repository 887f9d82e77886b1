import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { clientOptionsFrom, parseClose, parseHeaderLines, parsePayload, parsePort, parseSubprotocols, parseWsUrl, proxyOptionsFrom } from './control-inputs';

initI18n('en');

const DRAFT = { interceptTls: true, passThrough: '', insecureHosts: '', trustedCas: [] };
const errorOf = (r: { ok: boolean; error?: string }) => (r.ok ? null : r.error);

describe('capture control inputs', () => {
  it('reads ports: empty is any free port, out-of-range and junk are refused', () => {
    expect(parsePort('')).toEqual({ ok: true, value: 0 });
    expect(parsePort(' 8080 ')).toEqual({ ok: true, value: 8080 });
    expect(errorOf(parsePort('0'))).toMatch(/1 to 65535/);
    expect(errorOf(parsePort('65536'))).toMatch(/1 to 65535/);
    expect(errorOf(parsePort('80a'))).toMatch(/"80a" is not a port/);
  });

  it('accepts ws and wss URLs and explains what is wrong with others', () => {
    expect(parseWsUrl('ws://127.0.0.1:9/x', 'serverUrl')).toEqual({ ok: true, value: 'ws://127.0.0.1:9/x' });
    expect(parseWsUrl('wss://example.test', 'serverUrl').ok).toBe(true);
    expect(errorOf(parseWsUrl('http://127.0.0.1:9/x', 'serverUrl'))).toBe('WebSocket URLs start with ws://, not http:// (try ws://127.0.0.1:9/x).');
    expect(errorOf(parseWsUrl('ftp://h/', 'serverUrl'))).toMatch(/must start with ws:\/\//);
    expect(errorOf(parseWsUrl('127.0.0.1:9', 'serverUrl'))).toMatch(/ws:\/\/|not a URL/);
    expect(errorOf(parseWsUrl('ws://h/#x', 'serverUrl'))).toMatch(/fragment/);
    expect(errorOf(parseWsUrl('  ', 'serverUrl'))).toBe('Enter the server URL, for example ws://127.0.0.1:8080/.');
  });

  it('builds proxy options for both modes', () => {
    expect(proxyOptionsFrom({ ...DRAFT, mode: 'forward', target: 'ignored', port: '' })).toEqual({
      ok: true,
      value: { mode: 'forward', listenHost: '127.0.0.1', listenPort: 0 },
    });
    expect(proxyOptionsFrom({ ...DRAFT, mode: 'reverse', target: 'ws://127.0.0.1:8080/', port: '9000' })).toEqual({
      ok: true,
      value: { mode: 'reverse', listenHost: '127.0.0.1', listenPort: 9000, target: 'ws://127.0.0.1:8080/' },
    });
    expect(errorOf(proxyOptionsFrom({ ...DRAFT, mode: 'reverse', target: '', port: '' }))).toMatch(/server to forward to/);
  });

  it('adds a forward proxy\'s TLS choices, only those that differ from the defaults', () => {
    const tls = { interceptTls: false, passThrough: ' bank.test, *.pinned.test ,', insecureHosts: 'localhost 127.0.0.1', trustedCas: [{ name: 'ca.pem', pem: 'PEM' }] };
    expect(proxyOptionsFrom({ ...DRAFT, ...tls, mode: 'forward', target: '', port: '' })).toEqual({
      ok: true,
      value: {
        mode: 'forward',
        listenHost: '127.0.0.1',
        listenPort: 0,
        interceptTls: false,
        insecureUpstreamHosts: ['localhost', '127.0.0.1'],
        trustedCertificatesPem: ['PEM'],
      },
    });
    // Pass-through hosts only matter while intercepting: then they are sent, in normal form.
    expect(proxyOptionsFrom({ ...DRAFT, ...tls, interceptTls: true, insecureHosts: '*.Test.Example.', mode: 'forward', target: '', port: '' })).toMatchObject({
      ok: true,
      value: { passThroughHosts: ['bank.test', '*.pinned.test'], insecureUpstreamHosts: ['*.test.example'] },
    });
    // A reverse proxy has no CONNECT tunnels: the forward-only fields are not sent.
    expect(proxyOptionsFrom({ ...DRAFT, ...tls, mode: 'reverse', target: 'ws://127.0.0.1:8080/', port: '' })).toEqual({
      ok: true,
      value: { mode: 'reverse', listenHost: '127.0.0.1', listenPort: 0, target: 'ws://127.0.0.1:8080/' },
    });
  });

  it('parses header lines, joins repeats and refuses headers the handshake owns', () => {
    expect(parseHeaderLines('Authorization: Bearer x\n\n  X-A: 1\nX-A: 2')).toEqual({
      ok: true,
      value: { Authorization: 'Bearer x', 'X-A': '1, 2' },
    });
    expect(parseHeaderLines('Cookie: a=b:c')).toEqual({ ok: true, value: { Cookie: 'a=b:c' } });
    expect(errorOf(parseHeaderLines('no colon here'))).toBe('Header line 1 needs the form "Name: value".');
    expect(errorOf(parseHeaderLines('X-Ok: 1\nBad Name: 1'))).toMatch(/^Header line 2: "Bad Name" is not a valid header name/);
    expect(errorOf(parseHeaderLines('sec-websocket-protocol: chat'))).toMatch(/use the Subprotocols field/);
    expect(errorOf(parseHeaderLines('Host: x'))).toMatch(/comes from the URL/);
  });

  it('parses subprotocols as tokens, once each', () => {
    expect(parseSubprotocols(' chat.v1 , mqtt ,')).toEqual({ ok: true, value: ['chat.v1', 'mqtt'] });
    expect(parseSubprotocols('')).toEqual({ ok: true, value: [] });
    expect(errorOf(parseSubprotocols('a b'))).toMatch(/"a b" is not a valid subprotocol/);
    expect(errorOf(parseSubprotocols('a, a'))).toMatch(/only once/);
  });

  it('builds client options, reporting the first bad field', () => {
    const draft = { url: 'ws://127.0.0.1:1/', subprotocols: 'x', headers: 'X-Y: z', deflate: true };
    expect(clientOptionsFrom(draft)).toEqual({
      ok: true,
      value: { url: 'ws://127.0.0.1:1/', subprotocols: ['x'], headers: { 'X-Y': 'z' }, deflate: true },
    });
    expect(errorOf(clientOptionsFrom({ ...draft, url: '' }))).toMatch(/server URL/);
    expect(errorOf(clientOptionsFrom({ ...draft, headers: 'nope' }))).toMatch(/Header line 1/);
  });

  it('encodes text as UTF-8 and reads hex with comments, pointing at the bad character', () => {
    expect(parsePayload('hé', 'text')).toEqual({ ok: true, value: new Uint8Array([0x68, 0xc3, 0xa9]) });
    expect(parsePayload('01 ff # comment\n0A', 'binary')).toEqual({ ok: true, value: new Uint8Array([1, 255, 10]) });
    expect(errorOf(parsePayload('01 zz', 'binary'))).toBe("Hex 'z' is not a hex digit (at character 4).");
    expect(errorOf(parsePayload('abc', 'binary'))).toMatch(/odd number of hex digits/);
  });

  it('checks close codes and reasons against RFC 6455 §5.5 and §7.4', () => {
    expect(parseClose('', '')).toEqual({ ok: true, value: {} });
    expect(parseClose('1000', 'bye')).toEqual({ ok: true, value: { code: 1000, reason: 'bye' } });
    expect(parseClose('4000', '')).toEqual({ ok: true, value: { code: 4000 } });
    expect(errorOf(parseClose('', 'bye'))).toMatch(/needs a close code/);
    expect(errorOf(parseClose('1005', ''))).toMatch(/reserved/);
    expect(errorOf(parseClose('999', ''))).toMatch(/below 1000/);
    expect(errorOf(parseClose('abc', ''))).toMatch(/not a close code/);
    expect(parseClose('1000', 'x'.repeat(123)).ok).toBe(true);
    expect(errorOf(parseClose('1000', 'é'.repeat(62)))).toBe('The reason is 124 bytes; a Close frame allows at most 123 (RFC 6455 §5.5).');
  });

  it('checks each host with the engine\'s own matcher (shared/host-pattern.ts) and says which list is wrong', () => {
    const forward = { ...DRAFT, mode: 'forward' as const, target: '', port: '' };
    expect(errorOf(proxyOptionsFrom({ ...forward, insecureHosts: 'localhost, *.127.0.0.1' }))).toBe('unchecked hosts: "*.127.0.0.1" — an IP address is matched exactly; no wildcard can stand before it.');
    expect(errorOf(proxyOptionsFrom({ ...forward, passThrough: 'a.*.test' }))).toMatch(/^pass-through hosts: "a\.\*\.test" — a wildcard may only be the whole first label/);
    expect(errorOf(proxyOptionsFrom({ ...forward, insecureHosts: 'host:443' }))).toMatch(/"host:443" is not a host name/);
    // Not intercepting: the hidden pass-through list is neither checked nor sent.
    expect(proxyOptionsFrom({ ...forward, interceptTls: false, passThrough: 'a.*.test' })).toEqual({ ok: true, value: { mode: 'forward', listenHost: '127.0.0.1', listenPort: 0, interceptTls: false } });
  });
});
