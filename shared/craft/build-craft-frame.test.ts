// The preview is the truth: for every template, the crafter's bytes must equal the codec's
// builder given the same fields, and ws's own Sender (an independent implementation).
import { createRequire } from 'node:module';
import { deflateRawSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildFrame } from '../protocol/frame-builder';
import { FrameParser } from '../protocol/frame-parser';
import { toHex } from '../protocol/hex';
import type { DecodedFrame, Peer } from '../protocol/types';
import { buildCraftFrame, type CraftBuild } from './build-craft-frame';
import { checkSequence } from './check-sequence';
import { makeFrame, type CraftFrame } from './craft-spec';
import { parseMaskKey } from './mask-key';
import { framePayload } from './payload';
import { TEMPLATES, instantiateTemplate } from './templates';

interface WsFrameOptions {
  fin: boolean;
  rsv1: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  generateMask?: (mask: Uint8Array) => void;
}
// ws's typings omit its Sender; it is exported at runtime (ws/index.js).
const WsSender = (createRequire(import.meta.url)('ws') as { Sender: { frame(data: Uint8Array, options: WsFrameOptions): Uint8Array[] } }).Sender;

/** A fixed "random" source so masking keys are known. */
const seeded = (seed: number) => (n: number) => Uint8Array.from({ length: n }, (_, i) => (seed * 31 + i * 17) & 0xff);

function built(frame: CraftFrame): CraftBuild {
  const b = buildCraftFrame(frame);
  if (!b.ok) throw new Error(b.error);
  return b;
}

function wsFrame(frame: CraftFrame, payload: Uint8Array): Uint8Array {
  const key = frame.mask ? (parseMaskKey(frame.maskKey) as Uint8Array) : null;
  const parts = WsSender.frame(Uint8Array.from(payload), {
    fin: frame.fin,
    rsv1: frame.rsv1,
    opcode: frame.opcode,
    mask: frame.mask,
    readOnly: true,
    generateMask: key ? (m) => m.set(key) : undefined,
  });
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function decode(bytes: Uint8Array, from: Peer): DecodedFrame {
  const events = new FrameParser({ from }).push(bytes);
  const frame = events.find((e) => e.type === 'frame');
  if (frame?.type !== 'frame') throw new Error('no frame decoded');
  return frame.frame;
}

describe('crafted bytes equal the codec builder and ws for every template', () => {
  for (const template of TEMPLATES) {
    for (const direction of ['client', 'server'] as const) {
      if (template.from !== null && template.from !== direction) continue;
      it(`${template.id} (from ${direction})`, () => {
        const doc = instantiateTemplate(template, direction, seeded(template.id.length));
        expect(doc.from).toBe(direction);
        const bytes: Uint8Array[] = [];
        for (const frame of doc.frames) {
          const b = built(frame);
          const payload = framePayload(frame);
          if (!payload.ok) throw new Error(payload.error);
          const codec = buildFrame({
            fin: frame.fin,
            rsv1: frame.rsv1,
            rsv2: frame.rsv2,
            rsv3: frame.rsv3,
            opcode: frame.opcode,
            mask: frame.mask,
            maskKey: frame.mask ? (parseMaskKey(frame.maskKey) as Uint8Array) : undefined,
            payload: payload.bytes,
          });
          expect(toHex(b.bytes)).toBe(toHex(codec.bytes));
          expect(b.fields).toEqual(codec.fields);
          expect(toHex(b.bytes)).toBe(toHex(wsFrame(frame, payload.bytes)));
          // And it decodes back to what the user chose.
          const decoded = decode(b.bytes, direction);
          expect({ fin: decoded.fin, rsv1: decoded.rsv1, opcode: decoded.opcode, masked: decoded.masked }).toEqual({
            fin: frame.fin,
            rsv1: frame.rsv1,
            opcode: frame.opcode,
            masked: frame.mask,
          });
          // A reserved opcode stops the decoder at the header (fatal): there is no payload to compare.
          if (template.id === 'reserved-opcode') expect(decoded.violations.some((v) => v.fatal)).toBe(true);
          else expect(toHex(decoded.payload)).toBe(toHex(payload.bytes));
          bytes.push(b.bytes);
        }
        const check = checkSequence(bytes, { from: direction, rsv1Allowed: false });
        const codes = check.frames.flatMap((f) => f.violations.map((v) => v.code));
        if (template.violation === null) expect(codes).toEqual([]);
        else expect(codes).toContain(template.violation);
        expect(check.unfinishedMessage).toBe(false);
      });
    }
  }

  it('masks client frames and leaves server frames clear by default', () => {
    const text = TEMPLATES.find((t) => t.id === 'text')!;
    expect(instantiateTemplate(text, 'client').frames[0]!.mask).toBe(true);
    expect(instantiateTemplate(text, 'server').frames[0]!.mask).toBe(false);
    // A lesson that needs a direction takes it, whatever the current one is.
    expect(instantiateTemplate(TEMPLATES.find((t) => t.id === 'masked-server')!, 'client').from).toBe('server');
  });
});

describe('header controls', () => {
  it('forces 16- and 64-bit lengths and the codec flags them as non-minimal', () => {
    const f16 = built(makeFrame({ mask: false, payload: 'hi', lengthEncoding: 16 }));
    expect(toHex(f16.bytes)).toBe('81 7e 00 02 68 69');
    const f64 = built(makeFrame({ mask: false, payload: 'hi', lengthEncoding: 64 }));
    expect(toHex(f64.bytes)).toBe('81 7f 00 00 00 00 00 00 00 02 68 69');
    const check = checkSequence([f64.bytes], { from: 'server', rsv1Allowed: false });
    expect(check.frames[0]!.violations.map((v) => v.code)).toEqual(['non-minimal-length']);
  });

  it('sets RSV2, RSV3 and any opcode bit for bit', () => {
    const b = built(makeFrame({ fin: false, rsv2: true, rsv3: true, opcode: 0xf, mask: false, payload: '' }));
    expect(toHex(b.bytes)).toBe('3f 00');
  });

  it('uses the typed masking key exactly (RFC 6455 §5.3 example "Hello")', () => {
    // §5.7: a masked "Hello" from a client with key 37 fa 21 3d.
    const b = built(makeFrame({ payload: 'Hello', maskKeyMode: 'fixed', maskKey: '37 fa 21 3d' }));
    expect(toHex(b.bytes)).toBe('81 85 37 fa 21 3d 7f 9f 4d 51 58');
  });

  it('builds a Close body from the code picker and reason (§5.5.1)', () => {
    const b = built(makeFrame({ opcode: 8, mask: false, closeCode: 1000, closeReason: 'ok' }));
    expect(toHex(b.bytes)).toBe('88 04 03 e8 6f 6b');
    const empty = built(makeFrame({ opcode: 8, mask: false, closeCode: null }));
    expect(toHex(empty.bytes)).toBe('88 00');
  });

  it('reports a bad key or bad hex instead of building', () => {
    expect(buildCraftFrame(makeFrame({ maskKey: 'xyz' }))).toMatchObject({ ok: false, reason: 'mask-key' });
    expect(buildCraftFrame(makeFrame({ payloadMode: 'hex', payload: 'de ad q' }))).toMatchObject({ ok: false, reason: 'payload', at: 6 });
    // An unmasked frame ignores the key field entirely.
    expect(buildCraftFrame(makeFrame({ mask: false, maskKey: 'xyz', payload: 'a' })).ok).toBe(true);
  });

  it('warns about invalid JSON but still sends it as typed', () => {
    const b = built(makeFrame({ payloadMode: 'json', payload: '{"a":', mask: false }));
    expect(b.warnings[0]).toMatch(/Not valid JSON/);
    expect(toHex(b.wirePayload)).toBe(toHex(new TextEncoder().encode('{"a":')));
  });

  it('puts the deflated payload on the wire with RSV1 (RFC 7692 §7.2.1), and waits for it', () => {
    const frame = makeFrame({ mask: false, payload: 'Hello', compress: true });
    expect(buildCraftFrame(frame)).toMatchObject({ ok: false, reason: 'compressing' });
    const out = deflateRawSync(Buffer.from('Hello'), { finishFlush: constants.Z_SYNC_FLUSH });
    const deflated = Uint8Array.from(out.subarray(0, out.length - 4));
    const c = buildCraftFrame(frame, { deflated });
    if (!c.ok) throw new Error(c.error);
    // RFC 7692 §7.2.3.1's example: "Hello" compressed is f2 48 cd c9 c9 07 00.
    expect(toHex(c.bytes)).toBe('c1 07 f2 48 cd c9 c9 07 00');
    expect(toHex(c.messagePayload)).toBe(toHex(new TextEncoder().encode('Hello')));
  });
});
