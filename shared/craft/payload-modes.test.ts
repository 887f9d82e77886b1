import { describe, expect, it } from 'vitest';
import { toHex } from '../protocol/hex';
import { makeFrame } from './craft-spec';
import { framePayload } from './payload';
import { convertPayload, payloadFromFile } from './payload-modes';

function bytesOf(mode: 'text' | 'json' | 'hex', text: string): string {
  const p = framePayload(makeFrame({ payloadMode: mode, payload: text }));
  if (!p.ok) throw new Error(p.error);
  return toHex(p.bytes);
}

describe('switching payload modes keeps the bytes', () => {
  it('text → hex → text', () => {
    const text = 'héllo\n{"a": 1} €';
    const hex = convertPayload(text, 'text', 'hex');
    if ('error' in hex) throw new Error(hex.error);
    expect(bytesOf('hex', hex.text)).toBe(bytesOf('text', text));
    expect(convertPayload(hex.text, 'hex', 'text')).toEqual({ text });
    expect(convertPayload(text, 'text', 'json')).toEqual({ text });
  });

  it('refuses to turn bytes that are not text into text', () => {
    expect(convertPayload('ff fe 00', 'hex', 'text')).toHaveProperty('error');
    expect(convertPayload('de ad zz', 'hex', 'json')).toMatchObject({ error: expect.stringMatching(/Fix the hex first/) });
  });
});

describe('loading a payload from a file', () => {
  it('opens text as text, .json as JSON, and anything else as hex', () => {
    expect(payloadFromFile(new TextEncoder().encode('hi there'), 'a.txt')).toEqual({ mode: 'text', text: 'hi there' });
    expect(payloadFromFile(new TextEncoder().encode('{"a":1}'), 'msg.JSON')).toEqual({ mode: 'json', text: '{"a":1}' });
    expect(payloadFromFile(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 1), 'x.png')).toEqual({ mode: 'hex', text: '89 50 4e 47 00 01' });
  });

  it('refuses files too large for the editor, saying how large', () => {
    expect(payloadFromFile(new Uint8Array(3 * 1024 * 1024), 'big.bin')).toMatchObject({ code: 'fileTooLarge', params: { name: 'big.bin', size: '3.0', max: 2 }, error: 'big.bin is 3.0 MiB; the crafter loads files up to 2 MiB.' });
  });
});
