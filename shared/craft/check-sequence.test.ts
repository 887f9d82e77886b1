import { describe, expect, it } from 'vitest';
import { fromHex } from '../protocol/hex';
import { checkSequence, countWholeFrames } from './check-sequence';

function hex(text: string): Uint8Array {
  const r = fromHex(text);
  if ('error' in r) throw new Error(r.error);
  return r.bytes;
}

describe('checking a crafted sequence as the receiving peer would', () => {
  it('attributes each violation to its frame, with frame-relative offsets', () => {
    const ok = hex('81 02 68 69'); // "hi" from a server
    const masked = hex('81 82 00 00 00 00 68 69'); // masked server frame
    const result = checkSequence([ok, masked], { from: 'server', rsv1Allowed: false });
    expect(result.frames[0]!.violations).toEqual([]);
    expect(result.frames[1]!.violations).toMatchObject([{ code: 'masked-server-frame', offset: 1 }]);
  });

  it('sees fragmentation across frames: a stray continuation and an unfinished message', () => {
    const stray = checkSequence([hex('80 01 61')], { from: 'server', rsv1Allowed: false });
    expect(stray.frames[0]!.violations.map((v) => v.code)).toEqual(['unexpected-continuation']);
    const open = checkSequence([hex('01 01 61')], { from: 'server', rsv1Allowed: false });
    expect(open.unfinishedMessage).toBe(true);
  });

  it('finds invalid UTF-8 split across fragments', () => {
    // "€" is e2 82 ac: first fragment ends after e2 82, the next starts with 28 (invalid).
    const result = checkSequence([hex('01 02 e2 82'), hex('80 01 28')], { from: 'server', rsv1Allowed: false });
    expect(result.frames[1]!.violations).toMatchObject([{ code: 'invalid-utf8', offset: 2 }]);
  });

  it('marks frames after a fatal violation as undecodable', () => {
    const result = checkSequence([hex('83 00'), hex('81 01 61')], { from: 'server', rsv1Allowed: false });
    expect(result.frames[0]).toMatchObject({ undecodable: true });
    expect(result.frames[0]!.violations.map((v) => v.code)).toContain('reserved-opcode');
    expect(result.frames[1]).toMatchObject({ undecodable: true, violations: [] });
  });

  it('allows RSV1 only when an extension was negotiated', () => {
    const frame = hex('c1 01 61');
    expect(checkSequence([frame], { from: 'server', rsv1Allowed: false }).frames[0]!.violations[0]!.code).toBe('rsv-without-extension');
    expect(checkSequence([frame], { from: 'server', rsv1Allowed: true }).frames[0]!.violations).toEqual([]);
  });
});

describe('whole frames', () => {
  it('counts frames of every length encoding', () => {
    expect(countWholeFrames(hex('81 00 81 7e 00 01 61 82 7f 00 00 00 00 00 00 00 01 ff'))).toEqual({ frames: 3 });
    expect(countWholeFrames(hex('81 81 01 02 03 04 61'))).toEqual({ frames: 1 });
  });

  it('refuses bytes that stop inside a frame', () => {
    expect(countWholeFrames(hex('81'))).toHaveProperty('error');
    expect(countWholeFrames(hex('81 7e 00'))).toHaveProperty('error');
    expect(countWholeFrames(hex('81 05 61'))).toMatchObject({ error: expect.stringMatching(/declares 5 payload bytes/) });
    expect(countWholeFrames(hex('81 7f ff ff ff ff ff ff ff ff'))).toHaveProperty('error');
  });
});
