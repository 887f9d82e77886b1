/**
 * Differential test on INVALID streams: ws's Receiver (the oracle, with and without its
 * PerMessageDeflate) against our DirectionDecoder with the engine's streaming inflater, at random
 * chunk splits. Every stream is valid frames, one bad unit (one or two frames), valid frames.
 * Wherever ws rejects, we must flag the matching violation (ws's WS_ERR_* code mapped to ours) on
 * the bad unit, and nothing before it. Bounded run count so it fits in CI.
 */
import { createRequire } from 'node:module';
import { constants, deflateRawSync } from 'node:zlib';
import * as fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as wsModule from 'ws';
import { createStreamInflater } from '../../electron/engine/capture/inflater';
import { nativeParserHelpers } from '../../electron/engine/capture/native-helpers';
import { DirectionDecoder } from './direction-decoder.js';
import { buildFrame } from './frame-builder.js';
import type { Peer, Violation } from './types.js';
import type { ViolationCode } from './violations.js';

interface WsReceiver {
  write(chunk: Buffer): boolean;
  on(event: 'error', listener: (err: Error & { code?: string }) => void): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
}
interface PerMessageDeflateCtor {
  new (options: object, isServer: boolean, maxPayload: number): { accept(offers: object[]): void };
  extensionName: string;
}
const { Receiver } = wsModule as unknown as { Receiver: new (o: { isServer: boolean; extensions?: object }) => WsReceiver };
// ws does not export PerMessageDeflate; load it from ws's own folder, as its tests do.
const PerMessageDeflate = createRequire(import.meta.url)(createRequire(import.meta.url).resolve('ws').replace(/index\.js$/, 'lib/permessage-deflate.js')) as PerMessageDeflateCtor;

/** ws's error codes and the violations of ours that say the same thing. */
const WS_TO_OURS: Record<string, ViolationCode[]> = {
  WS_ERR_UNEXPECTED_RSV_2_3: ['rsv-without-extension'],
  WS_ERR_UNEXPECTED_RSV_1: ['rsv-without-extension', 'rsv1-on-continuation', 'rsv1-on-control'],
  WS_ERR_INVALID_OPCODE: ['reserved-opcode', 'unexpected-continuation', 'message-interrupted'],
  WS_ERR_EXPECTED_FIN: ['fragmented-control'],
  WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH: ['control-too-long', 'close-payload-one-byte'],
  WS_ERR_EXPECTED_MASK: ['unmasked-client-frame'],
  WS_ERR_UNEXPECTED_MASK: ['masked-server-frame'],
  WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH: ['length-msb-set', 'length-too-large'],
  WS_ERR_INVALID_UTF8: ['invalid-utf8'],
  WS_ERR_INVALID_CLOSE_CODE: ['invalid-close-code'],
  Z_DATA_ERROR: ['inflate-failed'],
};

interface F {
  opcode: number;
  payload: Uint8Array;
  fin?: boolean;
  rsv1?: boolean;
  rsv2?: boolean;
  rsv3?: boolean;
  /** Override the role's masking rule (for the mask violations). */
  mask?: boolean;
  lengthEncoding?: 16 | 64;
}

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const deflate = (data: Uint8Array): Uint8Array => new Uint8Array(deflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH })).subarray(0, -4);

/** The bad units: what to send, and whether it needs permessage-deflate negotiated. */
type Bad = { name: string; frames: (from: Peer) => Array<F | Uint8Array>; deflate?: boolean };
const BAD: Bad[] = [
  { name: 'RSV2', frames: () => [{ opcode: 1, payload: utf8('x'), rsv2: true }] },
  { name: 'RSV3', frames: () => [{ opcode: 2, payload: bytes(1), rsv3: true }] },
  { name: 'RSV1 without deflate', frames: () => [{ opcode: 1, payload: utf8('x'), rsv1: true }] },
  ...[3, 4, 5, 6, 7, 11, 12, 13, 14, 15].map((op) => ({ name: `reserved opcode ${op}`, frames: () => [{ opcode: op, payload: bytes(1, 2) }] })),
  { name: 'fragmented ping', frames: () => [{ opcode: 9, payload: bytes(), fin: false }] },
  { name: 'ping of 126 bytes', frames: () => [{ opcode: 9, payload: new Uint8Array(126) }] },
  { name: 'pong with a 16-bit length of 5', frames: () => [{ opcode: 10, payload: bytes(1, 2, 3, 4, 5), lengthEncoding: 16 }] },
  { name: 'close with a 64-bit length', frames: () => [{ opcode: 8, payload: bytes(3, 0xe8), lengthEncoding: 64 }] },
  { name: 'close code 1005', frames: () => [{ opcode: 8, payload: bytes(0x03, 0xed) }] },
  { name: 'close code 999', frames: () => [{ opcode: 8, payload: bytes(0x03, 0xe7) }] },
  { name: 'close code 5000', frames: () => [{ opcode: 8, payload: bytes(0x13, 0x88) }] },
  { name: 'close of one byte', frames: () => [{ opcode: 8, payload: bytes(3) }] },
  { name: 'close reason not UTF-8', frames: () => [{ opcode: 8, payload: bytes(0x03, 0xe8, 0xc0, 0x80) }] },
  { name: 'text not UTF-8', frames: () => [{ opcode: 1, payload: bytes(0x41, 0xed, 0xa0, 0x80) }] },
  { name: 'text ending mid code point, fragmented', frames: () => [{ opcode: 1, payload: utf8('ok'), fin: false }, { opcode: 0, payload: bytes(0xe2, 0x82) }] },
  // Long enough for the native check (32 bytes and more): it says no, and the DFA places the byte.
  { name: 'long text with a surrogate', frames: () => [{ opcode: 1, payload: new Uint8Array([...utf8('中'.repeat(40)), 0xed, 0xa0, 0x80, ...utf8('x'.repeat(20))]) }] },
  {
    name: 'long text split inside a code point, an overlong form later',
    frames: () => [
      { opcode: 1, payload: new Uint8Array([...utf8('中'.repeat(30)), 0xe6]), fin: false },
      { opcode: 0, payload: new Uint8Array([0x96, 0x87, ...utf8('y'.repeat(40)), 0xc0, 0x80]) },
    ],
  },
  { name: 'unmasked client frame / masked server frame', frames: (from) => [{ opcode: 1, payload: utf8('hi'), mask: from !== 'client' }] },
  { name: 'continuation without start', frames: () => [{ opcode: 0, payload: utf8('x') }] },
  { name: 'new message inside a fragmented one', frames: () => [{ opcode: 1, payload: utf8('a'), fin: false }, { opcode: 2, payload: bytes(1) }] },
  { name: '64-bit length with the MSB set', frames: (from) => [bytes(0x82, from === 'client' ? 0xff : 0x7f, 0x80, 0, 0, 0, 0, 0, 0, 1, ...(from === 'client' ? [1, 2, 3, 4] : []))] },
  { name: 'corrupt compressed data', deflate: true, frames: () => [{ opcode: 2, payload: bytes(0x07, 0x11, 0x22), rsv1: true }] },
  { name: 'compressed text not UTF-8', deflate: true, frames: () => [{ opcode: 1, payload: deflate(bytes(0x61, 0xff)), rsv1: true }] },
  { name: 'long compressed text not UTF-8', deflate: true, frames: () => [{ opcode: 1, payload: deflate(new Uint8Array([...utf8('文'.repeat(40)), 0xff])), rsv1: true }] },
  { name: 'RSV1 on a continuation', deflate: true, frames: () => [{ opcode: 1, payload: deflate(utf8('ab')), rsv1: true, fin: false }, { opcode: 0, payload: bytes(), rsv1: true }] },
  { name: 'RSV1 on a ping', deflate: true, frames: () => [{ opcode: 9, payload: bytes(), rsv1: true }] },
];

const goodArb = fc.oneof(
  fc.record({ opcode: fc.constant(1), payload: fc.string({ maxLength: 40 }).map(utf8) }),
  fc.record({ opcode: fc.constant(2), payload: fc.uint8Array({ maxLength: 300 }) }),
  fc.record({ opcode: fc.constantFrom(9, 10), payload: fc.uint8Array({ maxLength: 125 }) }),
);

function encode(f: F | Uint8Array, from: Peer, key: Uint8Array): Uint8Array {
  if (f instanceof Uint8Array) return f;
  return buildFrame({
    fin: f.fin ?? true,
    rsv1: f.rsv1 ?? false,
    rsv2: f.rsv2 ?? false,
    rsv3: f.rsv3 ?? false,
    opcode: f.opcode,
    mask: f.mask ?? from === 'client',
    maskKey: key,
    payload: f.payload,
    ...(f.lengthEncoding !== undefined ? { lengthEncoding: f.lengthEncoding } : {}),
  }).bytes;
}

function pieces(wire: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, wire.length]) {
    if (p > at) out.push(wire.subarray(at, p));
    at = p;
  }
  return out;
}

async function wsVerdict(chunks: Uint8Array[], from: Peer, withDeflate: boolean): Promise<string> {
  const extensions: Record<string, unknown> = {};
  if (withDeflate) {
    const pmd = new PerMessageDeflate({}, from === 'client', 0);
    pmd.accept([{}]);
    extensions[PerMessageDeflate.extensionName] = pmd;
  }
  const receiver = new Receiver({ isServer: from === 'client', extensions });
  let code = '';
  receiver.on('error', (err) => (code ||= err.code ?? 'unknown'));
  // A copy per write: ws unmasks in place.
  for (const c of chunks) if (code === '') receiver.write(Buffer.from(c));
  await vi.waitFor(() => expect(code).not.toBe(''), { timeout: 2000, interval: 1 });
  return code;
}

/** Our violations, each with the stream offset of the frame it was reported on; `native`: with the engine's native helpers (bufferutil's unmask, buffer.isUtf8), as the relay runs. */
async function ours(chunks: Uint8Array[], from: Peer, withDeflate: boolean, native: boolean): Promise<Array<{ at: number; v: Violation }>> {
  const found: Array<{ at: number; v: Violation }> = [];
  const waits: Array<Promise<void>> = [];
  const decoder = new DirectionDecoder(
    { from, rsv1Allowed: withDeflate, ...(withDeflate ? { inflater: createStreamInflater({ noContextTakeover: false }) } : {}), ...(native ? nativeParserHelpers : {}) },
    {
      frame: (frame, result) => {
        for (const v of [...frame.violations, ...result.violations]) found.push({ at: frame.offset, v });
        const inflation = result.message?.inflation;
        if (inflation) waits.push(inflation.then((m) => void m.violations.forEach((v) => found.push({ at: frame.offset, v }))));
      },
      undecodable: (offset, _length, violations) => violations?.forEach((v) => found.push({ at: offset, v })),
    },
  );
  for (const c of chunks) decoder.push(c);
  decoder.end();
  await Promise.all(waits);
  return found;
}

describe('differential on invalid streams: ws Receiver vs our decoder', () => {
  it('every rejection by ws is the matching violation of ours, on the same frames, at any split', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BAD),
        fc.array(goodArb, { maxLength: 3 }),
        fc.array(goodArb, { maxLength: 2 }),
        fc.constantFrom<Peer>('client', 'server'),
        fc.boolean(),
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        async (bad, before, after, from, deflateAnyway, key, cuts, native) => {
          const withDeflate = bad.deflate === true || (deflateAnyway && !bad.name.startsWith('RSV1 without'));
          const head = before.map((f) => encode(f, from, key));
          const unit = bad.frames(from).map((f) => encode(f, from, key));
          const tail = after.map((f) => encode(f, from, key));
          const start = head.reduce((n, b) => n + b.length, 0);
          const end = start + unit.reduce((n, b) => n + b.length, 0);
          const wire = Buffer.concat([...head, ...unit, ...tail]);
          const chunks = pieces(wire, cuts);
          const code = await wsVerdict(chunks, from, withDeflate);
          const expected = WS_TO_OURS[code];
          expect(Object.keys(WS_TO_OURS), `ws error ${code} for "${bad.name}" has no mapping`).toContain(code);
          const found = await ours(chunks, from, withDeflate, native);
          // Nothing flagged before the bad unit; the matching violation on it.
          expect(found.filter((f) => f.at < start)).toEqual([]);
          const onUnit = found.filter((f) => f.at >= start && f.at < end).map((f) => f.v.code);
          expect(onUnit.some((c) => (expected as string[]).includes(c)), `"${bad.name}" (${from}): ws says ${code}, we flagged [${onUnit.join(', ')}]`).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
