import { describe, expect, it } from 'vitest';
import { closePayload } from './close-payload.js';
import { buildFrame, type FrameSpec } from './frame-builder.js';
import { FrameParser } from './frame-parser.js';
import { toHex } from './hex.js';
import { OPCODE_BINARY, OPCODE_CLOSE, OPCODE_PING, OPCODE_TEXT } from './opcodes.js';
import { encodeUtf8 } from './utf8.js';

const base: FrameSpec = { fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: OPCODE_TEXT, mask: false, payload: encodeUtf8('Hello') };
const KEY = new Uint8Array([0x37, 0xfa, 0x21, 0x3d]);

describe('buildFrame', () => {
  it('reproduces the RFC 6455 §5.7 examples', () => {
    expect(toHex(buildFrame(base).bytes)).toBe('81 05 48 65 6c 6c 6f');
    expect(toHex(buildFrame({ ...base, mask: true, maskKey: KEY }).bytes)).toBe('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    expect(toHex(buildFrame({ ...base, fin: false, payload: encodeUtf8('Hel') }).bytes)).toBe('01 03 48 65 6c');
    expect(toHex(buildFrame({ ...base, opcode: 0, payload: encodeUtf8('lo') }).bytes)).toBe('80 02 6c 6f');
    expect(toHex(buildFrame({ ...base, opcode: OPCODE_PING }).bytes)).toBe('89 05 48 65 6c 6c 6f');
    expect(toHex(buildFrame({ ...base, opcode: 0xa, mask: true, maskKey: KEY }).bytes)).toBe('8a 85 37 fa 21 3d 7f 9f 4d 51 58');
    expect(toHex(buildFrame({ ...base, opcode: OPCODE_BINARY, payload: new Uint8Array(256) }).bytes.subarray(0, 4))).toBe('82 7e 01 00');
    expect(toHex(buildFrame({ ...base, opcode: OPCODE_BINARY, payload: new Uint8Array(65536) }).bytes.subarray(0, 10))).toBe('82 7f 00 00 00 00 00 01 00 00');
  });

  it('draws the mask key from the injected generator', () => {
    const built = buildFrame({ ...base, mask: true }, { randomMask: () => KEY });
    expect(toHex(built.maskKey!)).toBe('37 fa 21 3d');
    expect(toHex(built.bytes)).toBe('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    // The default uses globalThis.crypto, present in browsers and Node 20.
    expect(buildFrame({ ...base, mask: true }).maskKey).toHaveLength(4);
  });

  it('forces longer length encodings on request (a non-minimal frame the parser flags)', () => {
    const b16 = buildFrame({ ...base, lengthEncoding: 16 });
    expect(toHex(b16.bytes)).toBe('81 7e 00 05 48 65 6c 6c 6f');
    const b64 = buildFrame({ ...base, lengthEncoding: 64 });
    expect(toHex(b64.bytes.subarray(0, 10))).toBe('81 7f 00 00 00 00 00 00 00 05');
    const parser = new FrameParser({ from: 'server' });
    const ev = parser.push(b16.bytes);
    expect(ev.flatMap((e) => (e.type === 'frame' ? e.frame.violations.map((v) => v.code) : []))).toEqual(['non-minimal-length']);
  });

  it('lies about the length when asked, and the parser waits for the declared bytes', () => {
    const built = buildFrame({ ...base, declaredLength: 10 });
    expect(toHex(built.bytes)).toBe('81 0a 48 65 6c 6c 6f');
    expect(built.fields.at(-1)).toEqual({ field: 'payload', start: 2, end: 12 });
    const parser = new FrameParser({ from: 'server' });
    parser.push(built.bytes);
    expect(parser.nextBoundary()).toBe(12);
    const huge = buildFrame({ ...base, declaredLength: 2 ** 40, lengthEncoding: 64 });
    expect(toHex(huge.bytes.subarray(0, 10))).toBe('81 7f 00 00 01 00 00 00 00 00');
  });

  it('builds invalid frames on purpose and warns about what it could not encode', () => {
    expect(toHex(buildFrame({ ...base, rsv1: true, rsv2: true, rsv3: true, opcode: 0xb }).bytes.subarray(0, 1))).toBe('fb');
    const w = buildFrame({ ...base, lengthEncoding: 16, declaredLength: 70000 });
    expect(w.warnings).toHaveLength(1);
    expect(buildFrame({ ...base, opcode: 17 }).warnings).toHaveLength(1);
    expect(buildFrame({ ...base, mask: true, maskKey: new Uint8Array(2) }).warnings).toHaveLength(1);
  });

  it('builds close frames with closePayload', () => {
    expect(toHex(buildFrame({ ...base, opcode: OPCODE_CLOSE, payload: closePayload(1000, 'bye') }).bytes)).toBe('88 05 03 e8 62 79 65');
  });
});
