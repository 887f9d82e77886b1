// The capture's inflater against real deflate streams from node:zlib, as permessage-deflate senders
// produce them (RFC 7692 §7.2.1: a sync flush, then the trailing 00 00 ff ff removed).
import { constants, createDeflateRaw, type DeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_INFLATED, createInflater } from './inflater';

function compressor(): (text: string | Uint8Array) => Promise<Uint8Array> {
  const deflate: DeflateRaw = createDeflateRaw({ windowBits: 15 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  return (input) =>
    new Promise((resolve) => {
      deflate.write(typeof input === 'string' ? Buffer.from(input) : input);
      deflate.flush(constants.Z_SYNC_FLUSH, () => {
        const out = Buffer.concat(chunks.splice(0));
        resolve(out.subarray(0, out.length - 4)); // drop 00 00 ff ff (RFC 7692 §7.2.1)
      });
    });
}

const text = (b: Uint8Array | { error: string }): string => (b instanceof Uint8Array ? new TextDecoder().decode(b) : `error: ${b.error}`);

describe('capture inflater', () => {
  it('follows the shared window across messages (context takeover)', async () => {
    const deflate = compressor();
    const { inflate } = createInflater({ noContextTakeover: false });
    const a = await deflate('the same words, the same words, again');
    const b = await deflate('the same words, the same words, again');
    expect(b.length).toBeLessThan(a.length); // the second refers back into the first
    expect(text(inflate(a))).toBe('the same words, the same words, again');
    expect(text(inflate(b))).toBe('the same words, the same words, again');
  });

  it('says why later messages cannot be read once the context is lost', async () => {
    const deflate = compressor();
    const { inflate, lose } = createInflater({ noContextTakeover: false });
    await deflate('first');
    lose('it was not kept whole');
    expect(text(inflate(await deflate('second')))).toMatch(/error: .*not kept whole.*context is lost/);
  });

  it('refuses a decompression bomb instead of allocating it', async () => {
    const deflate = compressor();
    const { inflate } = createInflater({ noContextTakeover: true });
    const bomb = await deflate(new Uint8Array(MAX_INFLATED + 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(text(inflate(bomb))).toMatch(/error: more than/);
  });
});
