import { describe, expect, it } from 'vitest';
import { closeCodeValidity } from './close-codes.js';
import { FrameParser, type FrameParserOptions } from './frame-parser.js';
import { fromHex, toHex } from './hex.js';
import { MessageAssembler } from './message-assembler.js';
import type { DecodedFrame, Violation } from './types.js';
import { VIOLATION_KINDS, violationKind } from './violations.js';

function hex(text: string): Uint8Array {
  const r = fromHex(text);
  if ('error' in r) throw new Error(r.error);
  return r.bytes;
}

function decode(text: string, options: FrameParserOptions): { frames: DecodedFrame[]; all: Violation[]; undecodable: number } {
  const parser = new FrameParser(options);
  const events = [...parser.push(hex(text)), ...parser.end()];
  const frames = events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
  const undecodable = events.reduce((n, e) => n + (e.type === 'undecodable' ? e.length : 0), 0);
  return { frames, all: frames.flatMap((f) => f.violations), undecodable };
}

/** [code, section, offset, fatal] of every violation. */
function codes(text: string, options: FrameParserOptions): Array<[string, string, number, boolean]> {
  return decode(text, options).all.map((v) => [v.code, v.section, v.offset, v.fatal]);
}

const server = { from: 'server' } as const;
const client = { from: 'client' } as const;
const HELLO = '48 65 6c 6c 6f';

describe('frame-level violations', () => {
  it('5.1 unmasked-client-frame / masked-server-frame', () => {
    expect(codes(`81 05 ${HELLO}`, client)).toEqual([['unmasked-client-frame', '5.1', 1, false]]);
    expect(codes('81 85 37 fa 21 3d 7f 9f 4d 51 58', server)).toEqual([['masked-server-frame', '5.1', 1, false]]);
    expect(codes(`81 05 ${HELLO}`, server)).toEqual([]);
  });

  it('5.2 rsv-without-extension for RSV1 (unless negotiated), RSV2 and RSV3', () => {
    expect(codes(`c1 05 ${HELLO}`, server)).toEqual([['rsv-without-extension', '5.2', 0, false]]);
    expect(codes(`c1 05 ${HELLO}`, { ...server, rsv1Allowed: true })).toEqual([]);
    expect(codes(`a1 05 ${HELLO}`, { ...server, rsv1Allowed: true })).toEqual([['rsv-without-extension', '5.2', 0, false]]);
    expect(codes(`91 05 ${HELLO}`, server)).toEqual([['rsv-without-extension', '5.2', 0, false]]);
    const msgs = decode('f1 00', server).all.map((v) => v.message);
    expect(msgs).toHaveLength(3);
    expect(msgs[1]).toContain('RSV2');
  });

  it('5.2 reserved-opcode is fatal for 3-7 and 11-15; the rest is undecodable', () => {
    for (const op of [3, 4, 5, 6, 7, 11, 12, 13, 14, 15]) {
      const b0 = (0x80 | op).toString(16);
      const r = decode(`${b0} 00 81 00`, server);
      expect(r.all.map((v) => [v.code, v.section, v.fatal])).toEqual([['reserved-opcode', '5.2', true]]);
      expect(r.undecodable).toBe(2);
    }
  });

  it('5.2 non-minimal-length for 16- and 64-bit encodings', () => {
    expect(codes(`82 7e 00 05 ${HELLO}`, server)).toEqual([['non-minimal-length', '5.2', 2, false]]);
    expect(codes(`82 7f 00 00 00 00 00 00 00 05 ${HELLO}`, server)).toEqual([['non-minimal-length', '5.2', 2, false]]);
    expect(codes(`82 7f 00 00 00 00 00 00 ff ff`, server).map((c) => c[0])).toEqual(['non-minimal-length', 'incomplete-frame']);
  });

  it('5.2 length-msb-set and lengths beyond 2^53-1 are fatal but decoded without crashing', () => {
    const r = decode('82 7f 80 00 00 00 00 00 00 01 aa', server);
    expect(r.all.map((v) => [v.code, v.section, v.offset, v.fatal])).toEqual([['length-msb-set', '5.2', 2, true]]);
    expect(r.frames[0]!.payloadLength).toBeGreaterThanOrEqual(2 ** 63);
    expect(r.undecodable).toBe(1);
    expect(codes('82 7f 00 20 00 00 00 00 00 00', server)).toEqual([['length-too-large', '5.2', 2, true]]);
    // 2^53 - 1 itself is fine (and simply incomplete here).
    expect(codes('82 7f 00 1f ff ff ff ff ff ff', server).map((c) => c[0])).toEqual(['incomplete-frame']);
  });

  it('5.5 fragmented-control and control-too-long', () => {
    expect(codes('09 00', server)).toEqual([['fragmented-control', '5.5', 0, false]]);
    // Any extended length field on a control frame is fatal, as in ws (even a non-minimal one ≤ 125).
    expect(codes(`89 7e 00 7e ${'00 '.repeat(126)}`, server)).toEqual([['control-too-long', '5.5', 1, true]]);
    expect(codes(`8a 7e 00 05 ${HELLO}`, server)).toEqual([['non-minimal-length', '5.2', 2, false], ['control-too-long', '5.5', 1, true]]);
    expect(decode(`89 7f 00 00 00 00 00 00 00 02 aa bb 81 00`, server).undecodable).toBe(2);
    expect(codes(`89 7d ${'00 '.repeat(125)}`, server)).toEqual([]);
  });

  it('5.5.1 close-payload-one-byte', () => {
    expect(codes('88 01 03', server)).toEqual([['close-payload-one-byte', '5.5.1', 2, false]]);
  });

  it('7.4 invalid-close-code on the wire', () => {
    for (const code of [0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535]) {
      const b = toHex(new Uint8Array([code >> 8, code & 0xff]));
      expect(codes(`88 02 ${b}`, server)).toEqual([['invalid-close-code', '7.4', 2, false]]);
    }
    for (const code of [1000, 1001, 1003, 1007, 1011, 1014, 3000, 3999, 4000, 4999]) {
      const b = toHex(new Uint8Array([code >> 8, code & 0xff]));
      expect(codes(`88 02 ${b}`, server)).toEqual([]);
    }
  });

  it('closeCodeValidity follows §7.4.1 / §7.4.2', () => {
    expect(closeCodeValidity(1000)).toEqual({ valid: true, range: 'standard' });
    expect(closeCodeValidity(3001)).toEqual({ valid: true, range: 'registered' });
    expect(closeCodeValidity(4001)).toEqual({ valid: true, range: 'private' });
    expect(closeCodeValidity(1005).valid).toBe(false);
  });

  it('8.1 invalid-utf8 in a close reason points at the bad byte', () => {
    expect(codes('88 05 03 e8 41 c0 80', server)).toEqual([['invalid-utf8', '8.1', 5, false]]);
    expect(codes('88 04 03 e8 e2 82', server)).toEqual([['invalid-utf8', '8.1', 6, false]]);
    expect(codes('88 05 03 e8 e2 82 ac', server)).toEqual([]);
  });

  it('5.5.1 data-after-close flags data frames after the sender\'s Close, never Ping or Pong', () => {
    expect(codes(`88 00 81 05 ${HELLO} 89 00 8a 00 02 00 80 00`, server)).toEqual([
      ['data-after-close', '5.5.1', 2, false],
      ['data-after-close', '5.5.1', 13, false],
      ['data-after-close', '5.5.1', 15, false],
    ]);
  });

  it('RFC 7692 §6.1: RSV1 on continuation or control frames when deflate is negotiated', () => {
    const opts = { ...server, rsv1Allowed: true };
    expect(codes(`41 01 aa c0 01 bb`, opts)).toEqual([['rsv1-on-continuation', 'RFC 7692 §6.1', 3, false]]);
    expect(codes(`c9 00`, opts)).toEqual([['rsv1-on-control', 'RFC 7692 §6.1', 0, false]]);
  });

  it('10.4 payload-too-large when a maximum is configured (decoding continues)', () => {
    const r = decode(`82 05 ${HELLO} 81 00`, { ...server, maxPayloadLength: 4 });
    expect(r.all.map((v) => [v.code, v.section, v.offset, v.fatal])).toEqual([['payload-too-large', '10.4', 1, false]]);
    expect(r.frames).toHaveLength(2);
  });

  it('every violation has a one-sentence message', () => {
    const r = decode(`f1 85 00 00 00 00 ${HELLO}`, client);
    for (const v of r.all) expect(v.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('message-level violations', () => {
  function run(text: string): Array<[string, string, number]> {
    const assembler = new MessageAssembler();
    return decode(text, server).frames.flatMap((f) => assembler.push(f).violations.map((v): [string, string, number] => [v.code, v.section, v.offset]));
  }

  it('5.4 unexpected-continuation', () => {
    expect(run(`80 02 6c 6f`)).toEqual([['unexpected-continuation', '5.4', 0]]);
  });

  it('5.4 message-interrupted', () => {
    expect(run(`01 03 48 65 6c 81 02 6c 6f`)).toEqual([['message-interrupted', '5.4', 5]]);
  });

  it('8.1 invalid-utf8 in a text message, at the offending byte, across fragments', () => {
    // "é" is c3 a9: split across two fragments it is fine; c3 followed by 41 is not.
    expect(run(`01 01 c3 80 01 a9`)).toEqual([]);
    expect(run(`01 01 c3 80 01 41`)).toEqual([['invalid-utf8', '8.1', 5]]);
    expect(run(`81 02 41 ed`)).toEqual([['invalid-utf8', '8.1', 4]]);
    expect(run(`81 03 ed a0 80`)).toEqual([['invalid-utf8', '8.1', 3]]);
  });
});

describe('the violation registry', () => {
  it('gives every code a section, a title, a one-sentence message and the close code it implies', () => {
    for (const [code, kind] of Object.entries(VIOLATION_KINDS)) {
      expect(kind.section, code).toMatch(/^(\d+(\.\d+)*|RFC \d+ §\d+(\.\d+)*)$/);
      expect(kind.title, code).toMatch(/^[A-Z0-9]/);
      expect(kind.message, code).toMatch(/^[A-Z].*\.$/);
      expect([1002, 1007, 1009], code).toContain(kind.closeCode);
    }
    expect(violationKind('invalid-utf8')).toMatchObject({ closeCode: 1007, section: '8.1' });
    expect(violationKind('inflate-failed')).toMatchObject({ closeCode: 1007 });
    expect(violationKind('toString')).toBeUndefined();
    expect(violationKind('handshake-missing-host')).toBeUndefined();
  });
});
