// The blob store keeps a decoded frame's large payload in the array it arrived in (no copy into
// fresh memory) and copies everything else into its chunks; either way every byte reads back
// exactly, what it holds is counted, and a caller's reused buffer is never kept by reference.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADOPT_MIN, BlobStore, adoptable } from './blob-store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function store(): BlobStore {
  const dir = mkdtempSync(join(tmpdir(), 'framescope-blobs-'));
  dirs.push(dir);
  return new BlobStore(dir);
}

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

function read(s: BlobStore, loc: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  expect(s.readCold(loc, 0, n, out, 0)).toBe(true);
  return out;
}

describe('blob store', () => {
  it('keeps a handed-over large payload by reference, copies small ones, and reads all back exactly', () => {
    const s = store();
    const header = bytes(10, 1);
    const small = bytes(900, 2);
    const large = bytes(ADOPT_MIN * 3, 3);
    const smallLoc = s.addColdMemory(header, small, 80, 830, true);
    const largeLoc = s.addColdMemory(header, large, 80, header.length + large.length - 80, true);
    const after = bytes(500, 4);
    const afterLoc = s.addColdMemory(header, after, 80, 430, true);
    expect(read(s, smallLoc, 830)).toEqual(small.subarray(70));
    expect(read(s, largeLoc, large.length - 70)).toEqual(large.subarray(70));
    // The small frame after the large one went into the copy chunk, next to the first small one.
    expect(read(s, afterLoc, 430)).toEqual(after.subarray(70));
    expect(afterLoc - smallLoc).toBe(830);
    // Held: the 64 KiB copy chunk and the adopted payload's own buffer.
    expect(s.memoryBytes).toBe(16 * 1024 + 64 * 1024 + large.buffer.byteLength);
    // Sealing trims the copy chunk, not the adopted array.
    s.seal();
    expect(read(s, largeLoc, large.length - 70)).toEqual(large.subarray(70));
    expect(read(s, afterLoc, 430)).toEqual(after.subarray(70));
  });

  it('copies what is not handed over, so a caller may reuse its buffer', () => {
    const s = store();
    const piece = bytes(ADOPT_MIN * 2, 5);
    const loc = s.addColdMemory(piece, new Uint8Array(0), 0, piece.length);
    const expected = piece.slice();
    piece.fill(0);
    expect(read(s, loc, expected.length)).toEqual(expected);
  });

  it('adopts only ranges that lie in one array owning most of its buffer', () => {
    const big = new Uint8Array(ADOPT_MIN * 4);
    const empty = new Uint8Array(0);
    expect(adoptable(big, empty, 0, big.length)?.length).toBe(big.length);
    expect(adoptable(big, empty, 0, ADOPT_MIN - 1)).toBeNull(); // small: copied
    expect(adoptable(big.subarray(0, ADOPT_MIN), empty, 0, ADOPT_MIN)).toBeNull(); // pins 4x its bytes
    const header = new Uint8Array(14);
    expect(adoptable(header, big, 10, ADOPT_MIN * 2)).toBeNull(); // spans both arrays
    const inB = adoptable(header, big, 14 + 66, big.length - 66);
    expect(inB?.byteOffset).toBe(66);
  });
});
