// The capture's streaming inflater against real deflate streams from node:zlib, as permessage-deflate
// senders produce them (RFC 7692 §7.2.1: a sync flush, then the trailing 00 00 ff ff removed).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { constants, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateInto, type InflatedMessage } from '../../../shared/protocol/message-inflation';
import type { StreamInflater } from '../../../shared/protocol/index';
import { createStreamInflater, inflatedMessages } from './inflater';

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

/** `n` bytes that look random but are the same every run (xorshift32 from `seed`). */
function seeded(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed | 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * The two ways a message is inflated: whole on the event loop (small ones), or through the zlib
 * stream (one that compresses to more than 16 KiB: 32 KiB of random base64 goes first). `expect` runs
 * a message and checks it took that way.
 */
const PATHS = [
  { name: 'on the event loop', pad: '', counter: 'now' as const },
  { name: 'through the stream', pad: seeded(24 * 1024, 7).toString('base64'), counter: 'streamed' as const },
].map((p) => ({
  ...p,
  async expect(run: () => Promise<InflatedMessage>): Promise<InflatedMessage> {
    const before = inflatedMessages[p.counter];
    const m = await run();
    expect(inflatedMessages[p.counter] - before, p.name).toBe(1);
    return m;
  },
}));

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
    // Small enough to be tried on the event loop, but it inflates past 256 KiB there: it goes
    // through the stream instead, counted whole all the same.
    const small = new Uint8Array(deflateRawSync(Buffer.alloc(8 * MiB), { finishFlush: constants.Z_SYNC_FLUSH })).subarray(0, -4);
    expect(small.length).toBeLessThan(16 * 1024);
    const streamed = inflatedMessages.streamed;
    const now = inflatedMessages.now;
    expect(await message(inflater, small)).toMatchObject({ length: 8 * MiB, truncated: true, violations: [] });
    expect([inflatedMessages.now - now, inflatedMessages.streamed - streamed]).toEqual([0, 1]);
  });

  it('flags corrupt data; with context takeover later messages say why they are not inflated', async () => {
    for (const path of PATHS) {
      // A valid start as long as the path needs, then an invalid block type (BTYPE 11).
      const corrupt = new Uint8Array([...(await compressor()(path.pad)), 0xff, 0xff, 0xff]);
      const deflate = compressor();
      const shared = createStreamInflater({ noContextTakeover: false });
      const bad = await path.expect(() => message(shared, corrupt));
      expect(bad.error, path.name).toMatch(/invalid/);
      expect(bad.violations.map((v) => [v.code, v.section])).toEqual([['inflate-failed', 'RFC 7692 §7.2.2']]);
      const after = await message(shared, await deflate('next'));
      expect(after.error).toMatch(/^Not inflated: an earlier compressed message .* not valid DEFLATE data/);
      expect(after.violations).toEqual([]); // the consequence is not a second violation

      const fresh = createStreamInflater({ noContextTakeover: true });
      await path.expect(() => message(fresh, corrupt));
      const ok = await message(fresh, new Uint8Array(deflateRawSync(Buffer.from('next'), { finishFlush: constants.Z_SYNC_FLUSH })).subarray(0, -4), { text: true });
      expect(ok).toMatchObject({ text: 'next', violations: [] });
    }
  });

  it('hands the window over between messages inflated on the event loop and through the stream, both ways', async () => {
    for (const takeover of [true, false]) {
      const deflate = takeover ? compressor() : async (b: Uint8Array | string) => new Uint8Array(deflateRawSync(b, { finishFlush: constants.Z_SYNC_FLUSH })).subarray(0, -4);
      const inflater = createStreamInflater({ noContextTakeover: !takeover });
      // Each message repeats the end of the one before (a back-reference into the window with
      // context takeover); the large ones carry 32 KiB of random base64, past what is inflated at once.
      let previous = 'the first words of this conversation';
      for (let i = 0; i < 8; i++) {
        const large = i % 2 === 1;
        const body = `${previous.slice(-200)} | message ${i} ${large ? randomBytes(24 * 1024).toString('base64') : 'short'}`;
        const now = inflatedMessages.now;
        const streamed = inflatedMessages.streamed;
        const m = await message(inflater, await deflate(body), { text: true });
        expect(m, `message ${i}, context takeover ${takeover}`).toMatchObject({ violations: [], length: Buffer.byteLength(body) });
        expect(text(m)).toBe(body);
        expect([inflatedMessages.now - now, inflatedMessages.streamed - streamed]).toEqual(large ? [0, 1] : [1, 0]);
        previous = body;
      }
    }
  });

  it('takes an empty message (the tail alone) and leaves the window as ws does, the next message too', async () => {
    // ws's own permessage-deflate is the judge: it inflates each message or fails it. (ws closes
    // the connection at its first failure, so nothing after one is compared.)
    const require = createRequire(import.meta.url);
    type Pmd = { accept(o: object[]): void; decompress(data: Buffer, fin: boolean, cb: (err: Error | null, out: Buffer) => void): void };
    const PerMessageDeflate = require(require.resolve('ws').replace(/index\.js$/, 'lib/permessage-deflate.js')) as new (o: object, isServer: boolean, max: number) => Pmd;
    const ws = new PerMessageDeflate({}, false, 0);
    ws.accept([{}]);
    const wsSays = (b: Uint8Array): Promise<string> => new Promise((resolve) => ws.decompress(Buffer.from(b), true, (err, out) => resolve(err ? `error: ${err.message}` : out.toString())));
    const oursSays = async (m: InflatedMessage): Promise<string> => (m.error !== undefined ? `error: ${m.error}` : text(m));
    const deflate = compressor();
    const inflater = createStreamInflater({ noContextTakeover: false });
    const says: string[] = [];
    for (const body of [await deflate('hello hello'), new Uint8Array(0), await deflate('hello again')]) {
      const theirs = await wsSays(body);
      expect(await oursSays(await message(inflater, body, { text: true }))).toBe(theirs);
      says.push(theirs);
    }
    expect(says).toEqual(['hello hello', '', 'error: invalid stored block lengths']);
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
      // The same message cut by 1, 2, 3 and 40 bytes: each is flagged as 1007 invalid data. The
      // bytes are fixed: a cut is found only when it ends the data inside a DEFLATE block, and about
      // one random message in a hundred (the long ones, of several blocks) has a cut that does not.
      for (const path of PATHS) {
        for (const [cut, seed] of [1, 2, 3, 40].flatMap((c) => [1, 2, 3].map((seed) => [c, seed] as const))) {
          const fresh = createStreamInflater({ noContextTakeover: !takeover });
          const whole = await compressor()(Buffer.from(path.pad + 'a sentence that compresses, '.repeat(30) + seeded(64, seed).toString('hex')));
          const m = await path.expect(() => message(fresh, whole.subarray(0, whole.length - cut)));
          expect(m.error, `cut ${cut}, seed ${seed}, ${path.name}`).toMatch(/stops inside a DEFLATE block|invalid|too far/);
          expect(m.violations.map((v) => v.code)).toEqual(['inflate-failed']);
          if (takeover) expect((await message(fresh, await compressor()('next'))).error).toMatch(/^Not inflated/);
        }
      }
    }
  });
});
