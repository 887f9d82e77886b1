import { describe, expect, it } from 'vitest';
import { deflateFor, parseDeflateParams, parseExtensions } from './extensions.js';

describe('parseExtensions (RFC 6455 §9.1)', () => {
  it('parses lists, parameters and quoted values', () => {
    expect(parseExtensions('foo, bar; baz=2')).toEqual([
      { name: 'foo', params: [] },
      { name: 'bar', params: [{ name: 'baz', value: '2' }] },
    ]);
    expect(parseExtensions('permessage-deflate ; client_max_window_bits ;server_max_window_bits="10"')).toEqual([
      { name: 'permessage-deflate', params: [{ name: 'client_max_window_bits', value: null }, { name: 'server_max_window_bits', value: '10' }] },
    ]);
    expect(parseExtensions('a; b="\\c\\d"')).toEqual([{ name: 'a', params: [{ name: 'b', value: 'cd' }] }]);
    expect(parseExtensions(' , a ,, b ')).toEqual([
      { name: 'a', params: [] },
      { name: 'b', params: [] },
    ]);
  });

  it('rejects malformed values with a position', () => {
    expect(parseExtensions('')).toEqual({ error: 'no extension listed', at: 0 });
    expect(parseExtensions('a; b="x y"')).toEqual({ error: 'a quoted parameter value must be a token', at: 5 });
    expect(parseExtensions('a; b="x')).toEqual({ error: 'unterminated quoted string', at: 5 });
    expect(parseExtensions('a b')).toEqual({ error: "unexpected character 'b'", at: 2 });
    expect(parseExtensions('a; =1')).toHaveProperty('error');
    expect(parseExtensions('a; b=')).toHaveProperty('error');
  });
});

describe('permessage-deflate parameters (RFC 7692 §7.1)', () => {
  it('fills defaults and reads every parameter', () => {
    expect(parseDeflateParams('permessage-deflate')).toEqual({ serverNoContextTakeover: false, clientNoContextTakeover: false, serverMaxWindowBits: 15, clientMaxWindowBits: 15 });
    expect(parseDeflateParams('x, permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=8; client_max_window_bits=9')).toEqual({
      serverNoContextTakeover: true,
      clientNoContextTakeover: true,
      serverMaxWindowBits: 8,
      clientMaxWindowBits: 9,
    });
    expect(parseDeflateParams('permessage-deflate; client_max_window_bits', 'offer')).toMatchObject({ clientMaxWindowBits: 15 });
  });

  it('rejects invalid parameters', () => {
    for (const bad of [
      'permessage-deflate; client_max_window_bits',
      'permessage-deflate; server_max_window_bits',
      'permessage-deflate; server_max_window_bits=7',
      'permessage-deflate; server_max_window_bits=16',
      'permessage-deflate; server_max_window_bits=010',
      'permessage-deflate; server_no_context_takeover=1',
      'permessage-deflate; server_no_context_takeover; server_no_context_takeover',
      'permessage-deflate; mystery',
      'x-other',
    ]) {
      expect(parseDeflateParams(bad)).toHaveProperty('error');
    }
  });

  it('gives each sender its compressor settings', () => {
    const p = { serverNoContextTakeover: true, clientNoContextTakeover: false, serverMaxWindowBits: 10, clientMaxWindowBits: 12 };
    expect(deflateFor('client', p)).toEqual({ noContextTakeover: false, windowBits: 12 });
    expect(deflateFor('server', p)).toEqual({ noContextTakeover: true, windowBits: 10 });
  });
});
