import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody, decodeBodySync, dechunk } from './body-decode';

const enc = (s: string) => new Uint8Array(Buffer.from(s));
const str = (b: Uint8Array) => Buffer.from(b).toString();
const chunked = (parts: Uint8Array[], end = true) =>
  new Uint8Array(Buffer.concat([...parts.flatMap((p) => [Buffer.from(`${p.length.toString(16)}\r\n`), Buffer.from(p), Buffer.from('\r\n')]), Buffer.from(end ? '0\r\n\r\n' : '')]));

describe('decodeBody', () => {
  const text = 'Framescope shows how WebSocket really works. '.repeat(50);

  it('undoes gzip, br, zlib deflate and raw deflate', async () => {
    for (const [coding, bytes] of [
      ['gzip', gzipSync(text)],
      ['br', brotliCompressSync(text)],
      ['deflate', deflateSync(text)],
      ['deflate', deflateRawSync(text)],
    ] as const) {
      const r = await decodeBody(new Uint8Array(bytes), false, [coding], 1 << 20);
      expect([coding, str(r.bytes), r.note]).toEqual([coding, text, null]);
      const sync = decodeBodySync(new Uint8Array(bytes), false, [coding], 1 << 20);
      expect([coding, str(sync.bytes), sync.note]).toEqual([coding, text, null]);
    }
  });

  it('joins chunks before undoing the content coding, and says when the last chunk never came', async () => {
    const z = new Uint8Array(gzipSync(text));
    const whole = await decodeBody(chunked([z.subarray(0, 7), z.subarray(7)]), true, ['gzip'], 1 << 20);
    expect(str(whole.bytes)).toBe(text);
    const cut = await decodeBody(chunked([enc('data: a\n\n'), enc('data: b')], false), true, [], 1 << 20);
    expect(str(cut.bytes)).toBe('data: a\n\ndata: b');
    expect(cut.note).toEqual({ code: 'incomplete' });
    expect(dechunk(enc('zz\r\n')).error).toMatch(/chunk size/);
  });

  it('a gzip body cut short decodes as far as it goes', async () => {
    const z = new Uint8Array(gzipSync(text));
    const r = await decodeBody(z.subarray(0, Math.floor(z.length / 2)), false, ['gzip'], 1 << 20);
    expect(r.bytes.length).toBeGreaterThan(0);
    expect(text.startsWith(str(r.bytes))).toBe(true);
  });

  it('stops a decompression bomb at the cap', async () => {
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(16 << 20)));
    expect(bomb.length).toBeLessThan(100_000);
    const r = await decodeBody(bomb, false, ['gzip'], 1 << 20);
    expect(r.bytes.length).toBe(1 << 20);
    expect(r.note).toEqual({ code: 'capped', kept: 1 << 20 });
    expect(decodeBodySync(bomb, false, ['gzip'], 1 << 20).note).toMatchObject({ code: 'capped' });
    expect(decodeBodySync(enc('not gzip'), false, ['gzip'], 1 << 20).note).toMatchObject({ code: 'failed', coding: 'gzip' });
  });

  it('names what it cannot decode', async () => {
    const bad = await decodeBody(enc('not gzip at all'), false, ['gzip'], 1 << 20);
    expect(bad.note).toMatchObject({ code: 'failed', coding: 'gzip' });
    expect((bad.note as { message: string }).message).toMatch(/header/);
    expect((await decodeBody(enc('x'), false, ['zstd'], 1 << 20)).note).toEqual({ code: 'unsupported', coding: 'zstd' });
    expect((await decodeBody(chunked([enc('abc')]), true, ['identity'], 1 << 20)).bytes).toEqual(enc('abc'));
  });
});
