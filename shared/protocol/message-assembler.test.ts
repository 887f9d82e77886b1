import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { closePayload, parseClosePayload } from './close-payload.js';
import { FrameParser } from './frame-parser.js';
import { fromHex, toHex } from './hex.js';
import { createStreamInflater } from '../../electron/engine/capture/inflater';
import { DirectionDecoder } from './direction-decoder.js';
import { MessageAssembler, type AssembledMessage, type AssemblerResult, type MessageAssemblerOptions } from './message-assembler.js';
import type { InflatedMessage } from './message-inflation.js';
import type { Peer, Violation } from './types.js';
import { encodeUtf8 } from './utf8.js';

function hex(text: string): Uint8Array {
  const r = fromHex(text);
  if ('error' in r) throw new Error(r.error);
  return r.bytes;
}

/** Decodes `text` through the one pipeline with the engine's streaming inflater; waits for every inflation. */
async function inflateRun(text: string, noContextTakeover = false): Promise<{ violations: Violation[]; messages: Array<AssembledMessage & { inflated: InflatedMessage | null }> }> {
  const violations: Violation[] = [];
  const pending: Array<Promise<AssembledMessage & { inflated: InflatedMessage | null }>> = [];
  const decoder = new DirectionDecoder(
    { from: 'server', rsv1Allowed: true, inflater: createStreamInflater({ noContextTakeover }) },
    {
      frame: (frame, r) => {
        violations.push(...frame.violations, ...r.violations);
        const m = r.message;
        if (m) pending.push((m.inflation ?? Promise.resolve(null)).then((inflated) => ({ ...m, inflated })));
      },
    },
  );
  decoder.push(hex(text));
  decoder.end();
  const messages = await Promise.all(pending);
  for (const m of messages) violations.push(...(m.inflated?.violations ?? []));
  return { violations, messages };
}

function run(text: string, options: MessageAssemblerOptions = {}, from: Peer = 'server', rsv1Allowed = true): AssemblerResult[] {
  const parser = new FrameParser({ from, rsv1Allowed });
  const assembler = new MessageAssembler(options);
  return [...parser.push(hex(text)), ...parser.end()].flatMap((e) => (e.type === 'frame' ? [assembler.push(e.frame)] : []));
}

function messages(results: AssemblerResult[]) {
  return results.flatMap((r) => (r.message ? [r.message] : []));
}

describe('MessageAssembler', () => {
  it('joins "Hel" + "lo" (RFC 6455 §5.7) and gives both frames one message id', () => {
    const r = run('01 03 48 65 6c 80 02 6c 6f');
    expect(r[0]!.messageId).toBe(r[1]!.messageId);
    expect(r[0]!.message).toBeNull();
    expect(r[1]!.message).toMatchObject({ opcode: 1, frameCount: 2, length: 5, text: 'Hello', compressed: false, truncated: false, complete: true, offset: 0 });
  });

  it('lets control frames sit between fragments, each with its own id (§5.4)', () => {
    const r = run('01 03 48 65 6c 89 00 8a 01 78 80 02 6c 6f');
    const ids = r.map((x) => x.messageId);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe(ids[3]);
    expect(r.every((x) => x.violations.length === 0)).toBe(true);
    expect(messages(r).map((m) => m.text)).toEqual(['Hello']);
  });

  it('reassembles binary payloads', () => {
    const m = messages(run('02 02 00 01 00 01 02 80 01 03'))[0]!;
    expect(m).toMatchObject({ opcode: 2, frameCount: 3, length: 4 });
    expect(toHex(m.payload)).toBe('00 01 02 03');
    expect(m.text).toBeUndefined();
  });

  it('abandons an interrupted message and starts the new one', () => {
    const r = run('01 03 48 65 6c 81 02 6f 6b');
    expect(r[1]!.abandoned).toBe(r[0]!.messageId);
    expect(messages(r).map((m) => m.text)).toEqual(['ok']);
  });

  it('accepts a code point split across fragments and rejects overlongs, surrogates and > U+10FFFF', () => {
    expect(run('01 02 f0 9f 00 01 98 80 02 80 41')[2]!.message!.text).toBe('😀A');
    expect(run('01 02 f0 9f 00 01 98 80 02 80 41').flatMap((r) => r.violations)).toEqual([]);
    for (const bad of ['c0 af', 'e0 80 af', 'ed a0 80', 'f4 90 80 80', 'f8 88 80 80 80', 'ff']) {
      const n = bad.split(' ').length;
      const v = run(`81 ${n.toString(16).padStart(2, '0')} ${bad}`).flatMap((r) => r.violations);
      expect(v.map((x) => [x.code, x.section])).toEqual([['invalid-utf8', '8.1']]);
    }
    // Ends in the middle of a sequence.
    expect(run('01 01 e2 80 01 82').flatMap((r) => r.violations).map((x) => [x.code, x.offset])).toEqual([['invalid-utf8', 6]]);
  });

  it('bounds the reassembled payload by the budget', () => {
    const m = messages(run('02 03 61 62 63 80 03 64 65 66', { payloadBudget: 4 }))[0]!;
    expect(m).toMatchObject({ length: 6, truncated: true });
    expect(toHex(m.payload)).toBe('61 62 63 64');
  });

  it('marks a message cut by the end of the stream as incomplete', () => {
    const m = messages(run('01 03 48 65 6c 80 05 6c 6f'))[0]!;
    expect(m).toMatchObject({ complete: false, truncated: true, text: 'Hello' });
  });

  it('lets the caller choose message ids', () => {
    let id = 100;
    const r = run('81 00 89 00', { nextMessageId: () => id++ });
    expect(r.map((x) => x.messageId)).toEqual([100, 101]);
  });
});

describe('permessage-deflate messages (RFC 7692 §7.2.3)', () => {
  it('marks RSV1 messages compressed and leaves them alone without an inflater', () => {
    const m = messages(run('c1 07 f2 48 cd c9 c9 07 00'))[0]!;
    expect(m).toMatchObject({ compressed: true, length: 7 });
    expect(toHex(m.payload)).toBe('f2 48 cd c9 c9 07 00');
    expect(m.text).toBeUndefined();
  });

  const cases: Array<[string, string]> = [
    ['§7.2.3.1 a message compressed in one frame', 'c1 07 f2 48 cd c9 c9 07 00'],
    ['§7.2.3.1 the same message in two fragments', '41 03 f2 48 cd 80 04 c9 c9 07 00'],
    ['§7.2.3.3 a block with no compression', 'c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00'],
    ['§7.2.3.4 a block with BFINAL set', 'c1 08 f3 48 cd c9 c9 07 00 00'],
    ['§7.2.3.5 two DEFLATE blocks in one message', 'c1 0d f2 48 05 00 00 00 ff ff ca c9 c9 07 00'],
  ];
  for (const [name, bytes] of cases) {
    it(`inflates ${name} to "Hello"`, async () => {
      const r = await inflateRun(bytes);
      expect(r.violations).toEqual([]);
      expect(r.messages[0]).toMatchObject({ compressed: true, inflated: { text: 'Hello', length: 5, truncated: false } });
    });
  }

  it('§7.2.3.2 shares the LZ77 window between messages', async () => {
    const r = await inflateRun('c1 07 f2 48 cd c9 c9 07 00 c1 05 f2 00 11 00 00');
    expect(r.messages.map((m) => [m.inflated?.text, m.length])).toEqual([
      ['Hello', 7],
      ['Hello', 5],
    ]);
  });

  it('flags corrupt compressed data (1007) and invalid UTF-8 after inflation', async () => {
    const bad = await inflateRun('c1 02 ff ff');
    expect(bad.violations.map((v) => [v.code, v.section])).toEqual([['inflate-failed', 'RFC 7692 §7.2.2']]);
    expect(bad.messages[0]!.inflated!.error).toBeTruthy();
    const deflated = new Uint8Array(zlib.deflateRawSync(Buffer.from([0x41, 0xc0, 0x80]), { finishFlush: zlib.constants.Z_SYNC_FLUSH })).subarray(0, -4);
    const r = await inflateRun(`c1 ${deflated.length.toString(16).padStart(2, '0')} ${toHex(deflated)}`);
    expect(r.violations.map((v) => [v.code, v.section])).toEqual([['invalid-utf8', '8.1']]);
  });

  it('flags bytes after a final DEFLATE block, and starts a fresh window after it (as ws does)', async () => {
    // "Hello" in one BFINAL block, then 3 stray bytes; then a normal message.
    const final = toHex(new Uint8Array(zlib.deflateRawSync(Buffer.from('Hello'))));
    const n = final.split(' ').length;
    const r = await inflateRun(`c1 ${(n + 3).toString(16).padStart(2, '0')} ${final} 01 02 03 c1 07 f2 48 cd c9 c9 07 00`);
    expect(r.violations.map((v) => [v.code, v.message])).toEqual([['deflate-trailing-bytes', expect.stringMatching(/^3 compressed byte/)]]);
    expect(r.messages.map((m) => m.inflated?.text)).toEqual(['Hello', 'Hello']);
  });

  it('keeps only the budget but counts and validates every inflated byte', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61);
    big[big.length - 1] = 0xff; // invalid UTF-8, far past what is kept
    const deflated = new Uint8Array(zlib.deflateRawSync(big, { finishFlush: zlib.constants.Z_SYNC_FLUSH })).subarray(0, -4);
    const len = deflated.length;
    const header = len < 126 ? `c1 ${len.toString(16)}` : `c1 7e ${(len >> 8).toString(16).padStart(2, '0')} ${(len & 0xff).toString(16).padStart(2, '0')}`;
    const r = await inflateRun(`${header} ${toHex(deflated)}`);
    expect(r.messages[0]!.inflated).toMatchObject({ length: big.length, truncated: true });
    expect(r.messages[0]!.inflated!.bytes.length).toBe(1024 * 1024);
    expect(r.violations.map((v) => [v.code, v.message])).toEqual([['invalid-utf8', `The inflated text is not valid UTF-8 (at byte ${big.length - 1} of the inflated message).`]]);
  });
});

describe('Close payloads (§5.5.1)', () => {
  it('parses code and reason, and builds them', () => {
    expect(parseClosePayload(hex('03 e8 62 79 65'))).toEqual({ code: 1000, reason: 'bye', violations: [] });
    expect(parseClosePayload(new Uint8Array(0))).toEqual({ code: null, reason: '', violations: [] });
    expect(toHex(closePayload(1001, 'gone'))).toBe('03 e9 67 6f 6e 65');
    expect(closePayload(null).length).toBe(0);
    expect(parseClosePayload(closePayload(4000, 'é'))).toEqual({ code: 4000, reason: 'é', violations: [] });
    expect(parseClosePayload(encodeUtf8('x')).violations.map((v) => v.code)).toEqual(['close-payload-one-byte']);
  });
});
