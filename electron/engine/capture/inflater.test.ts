// The capture's streaming inflater against real deflate streams from node:zlib, as permessage-deflate
// senders produce them (RFC 7692 §7.2.1: a sync flush, then the trailing 00 00 ff ff removed).
import { randomBytes } from 'node:crypto';
import { constants, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateInto, type InflatedMessage } from '../../../shared/protocol/message-inflation';
import type { StreamInflater } from '../../../shared/protocol/index';
import { createStreamInflater } from './inflater';

const MiB = 1024 * 1024;

function compressor(): (input: string | Uint8Array) => Promise<Uint8Array> {
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

/** Feeds one message in frames of `frameSize` bytes, as the assembler would. */
function message(inflater: StreamInflater, compressed: Uint8Array, o: { text?: boolean; budget?: number; frameSize?: number } = {}): Promise<InflatedMessage> {
  const done = inflateInto(inflater, { budget: o.budget ?? MiB, text: o.text ?? false, offset: 0 });
  const step = o.frameSize ?? 64 * 1024;
  for (let at = 0; at < compressed.length; at += step) inflater.write(compressed.subarray(at, at + step));
  inflater.end();
  return done;
}

const text = (m: InflatedMessage): string => Buffer.from(m.bytes).toString();

describe('streaming capture inflater (RFC 7692 §7.2.2)', () => {
  it('keeps the shared window right after a message far larger than what is kept', async () => {
    const deflate = compressor();
    const inflater = createStreamInflater({ noContextTakeover: false });
    const big = randomBytes(3 * MiB).toString('base64'); // ~4 MiB of text, incompressible-ish
    const first = await message(inflater, await deflate(big), { text: true });
    expect(first).toMatchObject({ length: big.length, truncated: true, violations: [] });
    expect(first.bytes.length).toBe(MiB);
    expect(text(first)).toBe(big.slice(0, MiB));
    // The next message refers back into the end of the big one: only a right window inflates it.
    const tail = big.slice(-200);
    const second = await message(inflater, await deflate(tail), { text: true });
    expect(second).toMatchObject({ length: 200, truncated: false, violations: [] });
    expect(text(second)).toBe(tail);
  });

  it('inflates messages begun before the previous one finished, each into its own sink, in order', async () => {
    const deflate = compressor();
    const inflater = createStreamInflater({ noContextTakeover: false });
    const words = ['alpha alpha alpha', 'beta alpha beta', 'alpha beta gamma'];
    const compressed = [];
    for (const w of words) compressed.push(await deflate(w));
    const results = compressed.map((c) => message(inflater, c, { text: true, frameSize: 3 }));
    expect((await Promise.all(results)).map(text)).toEqual(words);
  });

  it('counts a deflate bomb without keeping it', async () => {
    const inflater = createStreamInflater({ noContextTakeover: true });
    const size = 24 * MiB; // above the old 16 MiB limit that lost the context
    const bomb = new Uint8Array(deflateRawSync(Buffer.alloc(size), { finishFlush: constants.Z_SYNC_FLUSH })).subarray(0, -4);
    expect(bomb.length).toBeLessThan(128 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const m = await message(inflater, bomb);
    expect(m).toMatchObject({ length: size, truncated: true, violations: [] });
    expect(m.bytes.length).toBe(MiB);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * MiB);
  });

  it('flags corrupt data; with context takeover later messages say why they are not inflated', async () => {
    const deflate = compressor();
    const shared = createStreamInflater({ noContextTakeover: false });
    const bad = await message(shared, new Uint8Array([0xff, 0xff, 0xff]));
    expect(bad.error).toMatch(/invalid/);
    expect(bad.violations.map((v) => [v.code, v.section])).toEqual([['inflate-failed', 'RFC 7692 §7.2.2']]);
    const after = await message(shared, await deflate('next'));
    expect(after.error).toMatch(/^Not inflated: an earlier compressed message .* not valid DEFLATE data/);
    expect(after.violations).toEqual([]); // the consequence is not a second violation

    const fresh = createStreamInflater({ noContextTakeover: true });
    await message(fresh, new Uint8Array([0xff, 0xff, 0xff]));
    const ok = await message(fresh, new Uint8Array(deflateRawSync(Buffer.from('next'), { finishFlush: constants.Z_SYNC_FLUSH })).subarray(0, -4), { text: true });
    expect(ok).toMatchObject({ text: 'next', violations: [] });
  });

  it('an abandoned message ends its sink and, with a shared window, the ones after it', async () => {
    const deflate = compressor();
    const inflater = createStreamInflater({ noContextTakeover: false });
    const cut = inflateInto(inflater, { budget: MiB, text: true, offset: 0 });
    inflater.write((await deflate('half a message')).subarray(0, 4));
    inflater.abandon('The connection ended before the compressed message did.');
    expect((await cut).error).toBe('The connection ended before the compressed message did.');
    expect((await message(inflater, await deflate('more'))).error).toMatch(/cut short/);
  });

  it('flags a message cut short (zlib alone just waits for more), and never a whole one', async () => {
    for (const takeover of [true, false]) {
      // Without context takeover the sender starts every message with an empty window (§7.1.1.1).
      const deflate = takeover ? compressor() : async (b: Uint8Array) => new Uint8Array(deflateRawSync(b, { finishFlush: constants.Z_SYNC_FLUSH })).subarray(0, -4);
      const inflater = createStreamInflater({ noContextTakeover: !takeover });
      // Whole messages of many shapes, with the window shared between them: none is flagged.
      for (let i = 0; i < 60; i++) {
        const body = i % 3 === 0 ? randomBytes(i * 97) : Buffer.from(`message ${i} `.repeat(i * 13));
        const m = await message(inflater, await deflate(body));
        expect(m.violations, `message ${i}, context takeover ${takeover}`).toEqual([]);
        expect(Buffer.from(m.bytes).equals(body)).toBe(true);
      }
      // The same message cut by 1, 2, 3 and 40 bytes: each is flagged as 1007 invalid data.
      for (const cut of [1, 2, 3, 40]) {
        const fresh = createStreamInflater({ noContextTakeover: !takeover });
        const whole = await compressor()(Buffer.from('a sentence that compresses, '.repeat(30) + randomBytes(64).toString('hex')));
        const m = await message(fresh, whole.subarray(0, whole.length - cut));
        expect(m.error, `cut ${cut}`).toMatch(/stops inside a DEFLATE block|invalid|too far/);
        expect(m.violations.map((v) => v.code)).toEqual(['inflate-failed']);
        if (takeover) expect((await message(fresh, await compressor()('next'))).error).toMatch(/^Not inflated/);
      }
    }
  });
});
