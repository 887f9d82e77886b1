import { describe, expect, it } from 'vitest';
import { FrameParser, type FrameParserOptions, type ParserEvent } from './frame-parser.js';
import { fromHex, toHex } from './hex.js';
import type { DecodedFrame } from './types.js';

function hex(text: string): Uint8Array {
  const r = fromHex(text);
  if ('error' in r) throw new Error(r.error);
  return r.bytes;
}

/** Feeds `bytes` cut at `cuts`, then ends the stream; returns every event. */
function feed(bytes: Uint8Array, options: FrameParserOptions, cuts: number[] = []): ParserEvent[] {
  const parser = new FrameParser(options);
  const events: ParserEvent[] = [];
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    events.push(...parser.push(bytes.subarray(at, cut)));
    at = cut;
  }
  events.push(...parser.end());
  return events;
}

function frames(events: ParserEvent[]): DecodedFrame[] {
  return events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
}

/** Hex for short payloads, length + FNV-1a hash for long ones (toEqual on big arrays is slow). */
function fingerprint(bytes: Uint8Array): string {
  if (bytes.length <= 64) return toHex(bytes);
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `${bytes.length}:${h.toString(16)}`;
}

/** A comparable summary of what was decoded (independent of how bytes were split). */
function summary(events: ParserEvent[]): unknown[] {
  return events.map((e) =>
    e.type === 'frame'
      ? { ...e.frame, payload: fingerprint(e.frame.payload), headerBytes: toHex(e.frame.headerBytes), maskKey: e.frame.maskKey && toHex(e.frame.maskKey) }
      : e.type === 'header'
        ? { type: 'header', offset: e.header.offset }
        : e,
  );
}

/** Undecodable byte runs merge differently when split, so compare their union. */
function undecodableBytes(events: ParserEvent[]): number {
  return events.reduce((n, e) => n + (e.type === 'undecodable' && e.violations === undefined ? e.length : 0), 0);
}

const P256 = new Uint8Array(256).map((_, i) => i);
const P64K = new Uint8Array(65536).map((_, i) => (i * 7) & 0xff);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

// RFC 6455 §5.7, byte for byte.
const FIXTURES: Array<{ name: string; from: 'client' | 'server'; bytes: Uint8Array }> = [
  { name: 'single-frame unmasked text', from: 'server', bytes: hex('81 05 48 65 6c 6c 6f') },
  { name: 'single-frame masked text', from: 'client', bytes: hex('81 85 37 fa 21 3d 7f 9f 4d 51 58') },
  { name: 'fragmented unmasked text', from: 'server', bytes: hex('01 03 48 65 6c  80 02 6c 6f') },
  { name: 'unmasked ping', from: 'server', bytes: hex('89 05 48 65 6c 6c 6f') },
  { name: 'masked pong', from: 'client', bytes: hex('8a 85 37 fa 21 3d 7f 9f 4d 51 58') },
  { name: '256-byte binary', from: 'server', bytes: concat(hex('82 7e 01 00'), P256) },
  { name: '64 KiB binary', from: 'server', bytes: concat(hex('82 7f 00 00 00 00 00 01 00 00'), P64K) },
];

describe('FrameParser on the RFC 6455 §5.7 examples', () => {
  it('decodes the unmasked "Hello"', () => {
    const [f] = frames(feed(FIXTURES[0]!.bytes, { from: 'server' }));
    expect(f).toMatchObject({ fin: true, opcode: 1, masked: false, payloadLength: 5, lengthEncoding: 7, headerLength: 2, offset: 0, complete: true, truncated: false, violations: [] });
    expect(new TextDecoder().decode(f!.payload)).toBe('Hello');
    expect(f!.maskKey).toBeNull();
  });

  it('unmasks the masked "Hello" with key 37 fa 21 3d', () => {
    const [f] = frames(feed(FIXTURES[1]!.bytes, { from: 'client' }));
    expect(toHex(f!.maskKey!)).toBe('37 fa 21 3d');
    expect(new TextDecoder().decode(f!.payload)).toBe('Hello');
    expect(f!.headerLength).toBe(6);
    expect(toHex(f!.headerBytes)).toBe('81 85 37 fa 21 3d');
    expect(f!.fields.map((x) => [x.field, x.start, x.end, x.bitStart, x.bitEnd])).toEqual([
      ['fin', 0, 1, 0, 1],
      ['rsv1', 0, 1, 1, 2],
      ['rsv2', 0, 1, 2, 3],
      ['rsv3', 0, 1, 3, 4],
      ['opcode', 0, 1, 4, 8],
      ['mask', 1, 2, 8, 9],
      ['payloadLength', 1, 2, 9, 16],
      ['maskingKey', 2, 6, undefined, undefined],
      ['payload', 6, 11, undefined, undefined],
    ]);
  });

  it('decodes "Hel" + "lo" as two frames with stream offsets', () => {
    const fs = frames(feed(FIXTURES[2]!.bytes, { from: 'server' }));
    expect(fs.map((f) => [f.fin, f.opcode, f.offset, toHex(f.payload)])).toEqual([
      [false, 1, 0, '48 65 6c'],
      [true, 0, 5, '6c 6f'],
    ]);
  });

  it('decodes the unmasked ping and the masked pong', () => {
    const [ping] = frames(feed(FIXTURES[3]!.bytes, { from: 'server' }));
    const [pong] = frames(feed(FIXTURES[4]!.bytes, { from: 'client' }));
    expect([ping!.opcode, toHex(ping!.payload)]).toEqual([9, '48 65 6c 6c 6f']);
    expect([pong!.opcode, toHex(pong!.payload), pong!.violations]).toEqual([10, '48 65 6c 6c 6f', []]);
  });

  it('decodes the 256-byte (16-bit length) and 64 KiB (64-bit length) binary frames', () => {
    const [a] = frames(feed(FIXTURES[5]!.bytes, { from: 'server' }));
    expect(a).toMatchObject({ opcode: 2, payloadLength: 256, lengthEncoding: 16, headerLength: 4, violations: [] });
    expect(a!.payload).toEqual(P256);
    expect(a!.fields.find((x) => x.field === 'extendedLength')).toEqual({ field: 'extendedLength', start: 2, end: 4 });
    const [b] = frames(feed(FIXTURES[6]!.bytes, { from: 'server' }));
    expect(b).toMatchObject({ opcode: 2, payloadLength: 65536, lengthEncoding: 64, headerLength: 10, violations: [] });
    expect(b!.payload).toEqual(P64K);
  });

  for (const fx of FIXTURES) {
    it(`gives the same result at every split point and byte by byte: ${fx.name}`, () => {
      const whole = summary(feed(fx.bytes, { from: fx.from }));
      // Every single split point (the 64 KiB one sampled every 97 bytes to keep it quick).
      const step = fx.bytes.length > 1000 ? 97 : 1;
      for (let cut = 0; cut <= fx.bytes.length; cut += step) {
        expect(summary(feed(fx.bytes, { from: fx.from }, [cut]))).toEqual(whole);
      }
      const bytewise = Array.from({ length: fx.bytes.length }, (_, i) => i);
      expect(summary(feed(fx.bytes, { from: fx.from }, bytewise))).toEqual(whole);
    });
  }

  it('decodes all fixtures back to back at every split point (two cuts)', () => {
    const small = concat(FIXTURES[1]!.bytes, FIXTURES[4]!.bytes, hex('81 80 00 00 00 00'));
    const whole = summary(feed(small, { from: 'client' }));
    expect(frames(feed(small, { from: 'client' }))).toHaveLength(3);
    for (let a = 0; a <= small.length; a++) {
      for (let b = a; b <= small.length; b++) expect(summary(feed(small, { from: 'client' }, [a, b]))).toEqual(whole);
    }
  });
});

describe('FrameParser with viewChunks', () => {
  // Server frames (unmasked) of every length encoding, a control frame, an empty one, a frame cut by
  // the budget, then a masked client-side stream: the views must decode exactly what copies decode.
  const server = concat(FIXTURES[0]!.bytes, FIXTURES[2]!.bytes, FIXTURES[3]!.bytes, FIXTURES[5]!.bytes, FIXTURES[6]!.bytes, hex('82 00'), hex('88 02 03 e8'));
  const client = concat(FIXTURES[1]!.bytes, FIXTURES[4]!.bytes, hex('81 80 00 00 00 00'));

  it('decodes the same frames as copying, at every split point', () => {
    for (const [from, bytes, budget] of [['server', server, undefined], ['server', server, 100], ['client', client, undefined]] as const) {
      const options = { from, ...(budget !== undefined ? { payloadBudget: budget } : {}) };
      const copied = summary(feed(bytes, options));
      const step = bytes.length > 1000 ? 89 : 1;
      for (let cut = 0; cut <= bytes.length; cut += step) expect(summary(feed(bytes, { ...options, viewChunks: true }, [cut]))).toEqual(copied);
    }
  });

  it('hands over an unmasked payload whole in its chunk as a view of that chunk, anything else as a copy', () => {
    const events = feed(server, { from: 'server', viewChunks: true }, [FIXTURES[0]!.bytes.length + 4]);
    const [hello, fragment1] = frames(events);
    // "Hello" lay whole in the first chunk; the first fragment's payload was cut by the split.
    expect(hello!.payload.buffer).toBe(server.buffer);
    expect(fragment1!.payload.buffer).not.toBe(server.buffer);
    const masked = frames(feed(client, { from: 'client', viewChunks: true }));
    for (const f of masked) if (f.payload.length > 0) expect(f.payload.buffer).not.toBe(client.buffer);
    const cut = frames(feed(FIXTURES[5]!.bytes, { from: 'server', viewChunks: true, payloadBudget: 100 }));
    expect(cut[0]!.payload.buffer).not.toBe(FIXTURES[5]!.bytes.buffer);
    expect(cut[0]!.payload).toEqual(P256.subarray(0, 100));
  });
});

describe('FrameParser streaming details', () => {
  it('never modifies its input', () => {
    const bytes = FIXTURES[1]!.bytes.slice();
    feed(bytes, { from: 'client' }, [3, 7]);
    expect(bytes).toEqual(FIXTURES[1]!.bytes);
  });

  it('emits the header before the payload arrives and tracks frame boundaries', () => {
    const parser = new FrameParser({ from: 'server' });
    expect(parser.atFrameBoundary).toBe(true);
    expect(parser.nextBoundary()).toBe(0);
    expect(parser.push(hex('82'))).toEqual([]);
    expect(parser.nextBoundary()).toBe(-1);
    const ev = parser.push(hex('7e 01 00 00 01'));
    expect(ev.map((e) => e.type)).toEqual(['header']);
    expect(parser.offset).toBe(6);
    expect(parser.atFrameBoundary).toBe(false);
    expect(parser.nextBoundary()).toBe(4 + 256);
    const rest = parser.push(P256.subarray(2));
    expect(rest.map((e) => e.type)).toEqual(['frame']);
    expect(parser.atFrameBoundary).toBe(true);
    expect(parser.nextBoundary()).toBe(260);
  });

  it('keeps at most payloadBudget bytes but follows the declared length', () => {
    const bytes = concat(FIXTURES[5]!.bytes, FIXTURES[0]!.bytes);
    const fs = frames(feed(bytes, { from: 'server', payloadBudget: 10 }, [7, 100]));
    expect(fs[0]).toMatchObject({ payloadLength: 256, truncated: true, complete: true });
    expect(fs[0]!.payload).toEqual(P256.subarray(0, 10));
    expect(fs[1]).toMatchObject({ offset: 260, truncated: false });
    expect(new TextDecoder().decode(fs[1]!.payload)).toBe('Hello');
  });

  it('unmasks a budget-truncated masked payload with the right key phase across chunks', () => {
    const key = [0x37, 0xfa, 0x21, 0x3d];
    const plain = new Uint8Array(300).map((_, i) => (i * 13) & 0xff);
    const wire = concat(hex('82 fe 01 2c 37 fa 21 3d'), plain.map((b, i) => b ^ key[i & 3]!));
    for (const cuts of [[9], [8, 11, 13, 200], [10, 150, 151]]) {
      const [f] = frames(feed(wire, { from: 'client', payloadBudget: 201 }, cuts));
      expect(f!.payload).toEqual(plain.subarray(0, 201));
    }
  });

  it('decodes a 4 GiB frame with bounded memory', () => {
    const parser = new FrameParser({ from: 'server', payloadBudget: 1024 });
    parser.push(hex('82 7f 00 00 00 01 00 00 00 00'));
    const chunk = new Uint8Array(1 << 20);
    let last: ParserEvent[] = [];
    for (let i = 0; i < 4096; i++) last = parser.push(chunk);
    const f = frames(last)[0]!;
    expect(f).toMatchObject({ payloadLength: 2 ** 32, truncated: true, complete: true });
    expect(f.payload.length).toBe(1024);
    expect(parser.offset).toBe(10 + 2 ** 32);
  });

  it('reserves memory for bytes that arrive, not for the declared length', () => {
    const parser = new FrameParser({ from: 'server', payloadBudget: Number.POSITIVE_INFINITY });
    expect(() => parser.push(hex('82 7f 00 1f ff ff ff ff ff ff 01 02 03'))).not.toThrow();
    const f = frames(parser.end())[0]!;
    expect(f).toMatchObject({ payloadLength: 2 ** 53 - 1, complete: false });
    expect(toHex(f.payload)).toBe('01 02 03');
  });

  it('grows the payload buffer across chunks without losing the mask phase', () => {
    const key = [1, 2, 3, 4];
    const plain = new Uint8Array(300_001).map((_, i) => (i * 17 + (i >> 8)) & 0xff);
    const header = hex('82 ff 00 00 00 00 00 04 93 e1 01 02 03 04');
    const wire = concat(header, plain.map((b, i) => b ^ key[i & 3]!));
    const cuts = [5, 14, 15, 70_001, 70_002, 131_075, 250_000];
    const [f] = frames(feed(wire, { from: 'client', payloadBudget: Number.POSITIVE_INFINITY }, cuts));
    expect(f!.payload.length).toBe(plain.length);
    expect(fingerprint(f!.payload)).toBe(fingerprint(plain));
  });

  it('end() mid-payload emits the partial frame with complete:false', () => {
    const ev = feed(FIXTURES[0]!.bytes.subarray(0, 4), { from: 'server' });
    const f = frames(ev)[0]!;
    expect(f).toMatchObject({ complete: false, truncated: true, payloadLength: 5 });
    expect(toHex(f.payload)).toBe('48 65');
    expect(f.violations.map((v) => [v.code, v.offset])).toEqual([['incomplete-frame', 4]]);
  });

  it('end() mid-header reports the bytes as undecodable with a violation', () => {
    const ev = feed(hex('82 7e 01'), { from: 'server' });
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ type: 'undecodable', offset: 0, length: 3, violations: [{ code: 'incomplete-frame' }] });
  });

  it('end() mid-header still reports what the first two bytes break (RSV, opcode, control length)', () => {
    const codes = (text: string): string[] =>
      feed(hex(text), { from: 'server' }).flatMap((e) => (e.type === 'undecodable' ? (e.violations ?? []).map((v) => v.code) : []));
    expect(codes('f3 7f 00')).toEqual(['rsv-without-extension', 'rsv-without-extension', 'rsv-without-extension', 'reserved-opcode', 'incomplete-frame']);
    expect(codes('89 7e 00')).toEqual(['control-too-long', 'incomplete-frame']);
    expect(codes('82 7e 00')).toEqual(['incomplete-frame']);
  });

  it('after a fatal violation reports every further byte as undecodable', () => {
    const bytes = concat(hex('83 02 aa bb'), FIXTURES[0]!.bytes);
    const whole = feed(bytes, { from: 'server' });
    // The fatal frame itself is shown whole (its bytes all arrived); what follows is not decoded.
    expect(frames(whole)).toHaveLength(1);
    expect(frames(whole)[0]).toMatchObject({ opcode: 3, complete: true, truncated: false });
    expect(toHex(frames(whole)[0]!.payload)).toBe('aa bb');
    expect(undecodableBytes(whole)).toBe(bytes.length - 4);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const ev = feed(bytes, { from: 'server' }, [cut]);
      expect(frames(ev)).toHaveLength(1);
      expect(undecodableBytes(ev)).toBe(bytes.length - 4);
    }
  });
});
