/**
 * Interoperability with the `ws` library: frames made by ws's Sender decode
 * exactly, our builder round-trips through our parser, random bytes never
 * throw, and ws's Receiver and our parser + assembler agree on random streams.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import { buildFrame, type FrameSpec } from './frame-builder.js';
import { FrameParser, type ParserEvent } from './frame-parser.js';
import { MessageAssembler } from './message-assembler.js';
import type { DecodedFrame, Peer } from './types.js';

// @types/ws does not declare the Sender/Receiver classes that ws exports; describe what we use.
interface WsFrameOptions {
  fin: boolean;
  rsv1: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  generateMask?: (mask: Buffer) => void;
}
interface WsReceiver {
  write(chunk: Buffer): boolean;
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'ping' | 'pong', listener: (data: Buffer) => void): void;
  on(event: 'conclude', listener: (code: number, reason: Buffer) => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
}
const ws = wsModule as unknown as {
  Sender: { frame(data: Buffer, options: WsFrameOptions): Buffer[] };
  Receiver: new (options: { isServer: boolean; skipUTF8Validation?: boolean }) => WsReceiver;
};

function wsFrame(payload: Uint8Array, o: { fin: boolean; opcode: number; mask: boolean; key: Uint8Array }): Buffer {
  // ws masks in place when readOnly is false: give it a copy.
  const parts = ws.Sender.frame(Buffer.from(payload), {
    fin: o.fin,
    rsv1: false,
    opcode: o.opcode,
    mask: o.mask,
    readOnly: false,
    generateMask: (m) => m.set(o.key),
  });
  return Buffer.concat(parts);
}

/** Feeds `bytes` in pieces cut at the given (unsorted, possibly repeated) points, then ends. */
function feed(parser: FrameParser, bytes: Uint8Array, cuts: number[]): ParserEvent[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const events: ParserEvent[] = [];
  let at = 0;
  for (const cut of [...points, bytes.length]) {
    events.push(...parser.push(bytes.subarray(at, cut)));
    at = cut;
  }
  events.push(...parser.end());
  return events;
}

const frameOf = (events: ParserEvent[]): DecodedFrame[] => events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
const key4 = fc.uint8Array({ minLength: 4, maxLength: 4 });
const cuts = fc.array(fc.nat(), { maxLength: 12 });
const payloadArb = fc.oneof(
  { weight: 6, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.uint8Array({ minLength: 126, maxLength: 70000 }) },
  // 64-bit lengths: a cheap patterned payload of at least 64 KiB.
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 65536, max: 70000 }), fc.nat(255)).map(([n, seed]) => new Uint8Array(n).map((_, i) => (i * 31 + seed) & 0xff)) },
);

describe('frames made by ws.Sender', () => {
  it('decode to exactly what was sent, however the stream is split', () => {
    const spec = fc.record({
      fin: fc.boolean(),
      opcode: fc.constantFrom(0, 1, 2),
      payload: payloadArb,
      key: key4,
    });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 6 }), fc.constantFrom<Peer>('client', 'server'), cuts, (frames, from, cutPoints) => {
        const wire = Buffer.concat(frames.map((f) => wsFrame(f.payload, { ...f, mask: from === 'client' })));
        const got = frameOf(feed(new FrameParser({ from }), wire, cutPoints));
        expect(got).toHaveLength(frames.length);
        got.forEach((g, i) => {
          const f = frames[i]!;
          expect([g.fin, g.opcode, g.masked, g.payloadLength, g.complete, g.truncated, g.violations.length]).toEqual([f.fin, f.opcode, from === 'client', f.payload.length, true, false, 0]);
          expect(Buffer.from(g.payload).equals(Buffer.from(f.payload))).toBe(true);
          if (from === 'client') expect(Array.from(g.maskKey!)).toEqual(Array.from(f.key));
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('buildFrame → FrameParser', () => {
  const specArb: fc.Arbitrary<FrameSpec> = fc.record({
    fin: fc.boolean(),
    rsv1: fc.boolean(),
    rsv2: fc.boolean(),
    rsv3: fc.boolean(),
    opcode: fc.integer({ min: 0, max: 15 }),
    mask: fc.boolean(),
    maskKey: key4,
    lengthEncoding: fc.constantFrom<'minimal' | 16 | 64>('minimal', 16, 64),
    payload: payloadArb,
  });

  it('round-trips every field', () => {
    fc.assert(
      fc.property(specArb, cuts, (spec0, cutPoints) => {
        const spec = spec0.lengthEncoding === 16 && spec0.payload.length > 0xffff ? { ...spec0, lengthEncoding: 64 as const } : spec0;
        const built = buildFrame(spec);
        expect(built.warnings).toEqual([]);
        const from: Peer = spec.mask ? 'client' : 'server';
        const f = frameOf(feed(new FrameParser({ from, rsv1Allowed: true }), built.bytes, cutPoints))[0]!;
        expect([f.fin, f.rsv1, f.rsv2, f.rsv3, f.opcode, f.masked, f.payloadLength]).toEqual([spec.fin, spec.rsv1, spec.rsv2, spec.rsv3, spec.opcode, spec.mask, spec.payload.length]);
        expect(f.fields).toEqual(built.fields);
        expect(f.headerLength).toBe(built.headerLength);
        expect(Buffer.from(f.headerBytes).equals(Buffer.from(built.bytes.subarray(0, built.headerLength)))).toBe(true);
        const expectedEncoding = spec.lengthEncoding === 'minimal' ? (spec.payload.length < 126 ? 7 : spec.payload.length < 65536 ? 16 : 64) : spec.lengthEncoding;
        expect(f.lengthEncoding).toBe(expectedEncoding);
        expect(f.maskKey === null ? null : Array.from(f.maskKey)).toEqual(spec.mask ? Array.from(spec.maskKey!) : null);
        // A reserved opcode stops decoding after the frame, but the frame itself is shown whole.
        expect(f.complete).toBe(true);
        expect(Buffer.from(f.payload).equals(Buffer.from(spec.payload))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('random bytes', () => {
  it('never throw, in any role, with any budget, and every byte is accounted for', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom<Peer>('client', 'server'),
        fc.integer({ min: 0, max: 300 }),
        fc.boolean(),
        cuts,
        (bytes, from, budget, rsv1Allowed, cutPoints) => {
          const parser = new FrameParser({ from, payloadBudget: budget, rsv1Allowed });
          const assembler = new MessageAssembler({ payloadBudget: budget });
          const events = feed(parser, bytes, cutPoints);
          expect(parser.offset).toBe(bytes.length);
          // Frames and undecodable runs tile the stream exactly, in order.
          let covered = 0;
          for (const e of events) {
            if (e.type === 'header' || e.type === 'payload') continue;
            if (e.type === 'frame') {
              const f = e.frame;
              assembler.push(f);
              expect(f.offset).toBe(covered);
              expect(f.payload.length).toBeLessThanOrEqual(budget);
              if (f.complete) covered += f.headerLength + f.payloadLength;
              else if (f.violations.some((v) => v.code === 'length-msb-set' || v.code === 'length-too-large')) covered += f.headerLength;
              else covered = bytes.length; // cut short by end(): the rest of the stream
            } else {
              expect(e.offset).toBe(covered);
              covered += e.length;
            }
          }
          expect(covered).toBe(bytes.length);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('differential: ws Receiver vs FrameParser + MessageAssembler', () => {
  type Msg = { kind: 'text' | 'binary' | 'ping' | 'pong'; bytes: Uint8Array; splits: number[] };
  const textBytes = fc.string({ unit: 'binary', maxLength: 60 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8')));
  const msgArb: fc.Arbitrary<Msg> = fc.oneof(
    fc.record({ kind: fc.constant<'text'>('text'), bytes: textBytes, splits: fc.array(fc.nat(), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant<'binary'>('binary'), bytes: payloadArb, splits: fc.array(fc.nat(), { maxLength: 4 }) }),
    fc.record({ kind: fc.constantFrom<'ping' | 'pong'>('ping', 'pong'), bytes: fc.uint8Array({ maxLength: 125 }), splits: fc.constant<number[]>([]) }),
  );
  const closeArb = fc.option(fc.record({ code: fc.constantFrom(1000, 1001, 1011, 3000, 4999), reason: fc.string({ maxLength: 20 }) }));

  /** One message's frames; control frames are placed between the fragments of the previous data message. */
  function encode(msgs: Msg[], close: { code: number; reason: string } | null, from: Peer, key: Uint8Array): Buffer {
    const mask = from === 'client';
    const out: Buffer[] = [];
    const controls: Buffer[] = [];
    for (const m of msgs) {
      if (m.kind === 'ping' || m.kind === 'pong') {
        controls.push(wsFrame(m.bytes, { fin: true, opcode: m.kind === 'ping' ? 9 : 10, mask, key }));
        continue;
      }
      const points = [...new Set(m.splits.map((s) => s % (m.bytes.length + 1)))].sort((a, b) => a - b);
      const pieces: Uint8Array[] = [];
      let at = 0;
      for (const p of [...points, m.bytes.length]) {
        pieces.push(m.bytes.subarray(at, p));
        at = p;
      }
      pieces.forEach((piece, i) => {
        out.push(wsFrame(piece, { fin: i === pieces.length - 1, opcode: i === 0 ? (m.kind === 'text' ? 1 : 2) : 0, mask, key }));
        if (i < pieces.length - 1 && controls.length > 0) out.push(controls.shift()!);
      });
    }
    out.push(...controls);
    if (close !== null) {
      const reason = Buffer.from(close.reason, 'utf8').subarray(0, 100);
      const body = Buffer.concat([Buffer.from([close.code >> 8, close.code & 0xff]), reason]);
      out.push(wsFrame(body, { fin: true, opcode: 8, mask, key }));
    }
    return Buffer.concat(out);
  }

  type Seen = [string, string];
  async function viaWs(wire: Buffer, from: Peer, chunks: number[]): Promise<Seen[]> {
    const seen: Seen[] = [];
    const receiver = new ws.Receiver({ isServer: from === 'client' });
    receiver.on('message', (data, isBinary) => seen.push([isBinary ? 'binary' : 'text', data.toString('hex')]));
    receiver.on('ping', (data) => seen.push(['ping', data.toString('hex')]));
    receiver.on('pong', (data) => seen.push(['pong', data.toString('hex')]));
    receiver.on('conclude', (code, reason) => seen.push(['close', `${code}:${reason.toString('hex')}`]));
    const errors: Error[] = [];
    receiver.on('error', (e) => errors.push(e));
    const points = [...new Set(chunks.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
    let at = 0;
    for (const p of [...points, wire.length]) {
      // A copy: ws unmasks in place.
      if (p > at) receiver.write(Buffer.from(wire.subarray(at, p)));
      at = p;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(errors).toEqual([]);
    return seen;
  }

  function viaOurs(wire: Buffer, from: Peer, chunks: number[]): Seen[] {
    const seen: Seen[] = [];
    const assembler = new MessageAssembler();
    for (const f of frameOf(feed(new FrameParser({ from }), wire, chunks))) {
      expect(f.violations).toEqual([]);
      const r = assembler.push(f);
      expect(r.violations).toEqual([]);
      const hex = Buffer.from(f.payload).toString('hex');
      if (f.opcode === 9) seen.push(['ping', hex]);
      else if (f.opcode === 10) seen.push(['pong', hex]);
      else if (f.opcode === 8) seen.push(['close', `${(f.payload[0]! << 8) | f.payload[1]!}:${hex.slice(4)}`]);
      else if (r.message) seen.push([r.message.opcode === 1 ? 'text' : 'binary', Buffer.from(r.message.payload).toString('hex')]);
    }
    return seen;
  }

  it('agree on every message, ping, pong and close', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(msgArb, { maxLength: 8 }), closeArb, fc.constantFrom<Peer>('client', 'server'), key4, cuts, async (msgs, close, from, key, chunks) => {
        const wire = encode(msgs, close, from, key);
        const theirs = await viaWs(wire, from, chunks);
        const ours = viaOurs(wire, from, chunks);
        expect(ours).toEqual(theirs);
        expect(ours.length).toBe(msgs.length + (close ? 1 : 0));
      }),
      { numRuns: 150 },
    );
  });
});
