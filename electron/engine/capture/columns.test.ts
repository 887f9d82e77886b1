// The capture's columns grow by chunks and never copy what they hold; what they report as their
// size is what they allocated, since the capture budget is charged from it.
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, Column, WideColumn } from './columns';

describe('columns', () => {
  it('keeps every value across chunk boundaries and charges whole chunks, trimming only the last at seal', () => {
    const c = new Column(Uint32Array);
    expect([c.bytes, c.growthFor(0)]).toEqual([0, CHUNK_ROWS * 4]);
    const n = 2 * CHUNK_ROWS + 5;
    for (let i = 0; i < n; i++) {
      expect(c.growthFor(i)).toBe(i % CHUNK_ROWS === 0 ? CHUNK_ROWS * 4 : 0);
      c.set(i, i * 7 + 1);
    }
    expect(c.bytes).toBe(3 * CHUNK_ROWS * 4);
    c.trim(n);
    expect([c.bytes, c.length]).toEqual([n * 4, n]);
    for (let i = 0; i < n; i++) if (c.get(i) !== i * 7 + 1) throw new Error(`value ${i} is ${c.get(i)}`);
    expect(c.get(n - 1)).toBe((n - 1) * 7 + 1);
  });

  it('adds the chunks up to a value set past the end, the skipped ones reading 0', () => {
    const c = new Column(Float64Array);
    expect(c.growthFor(CHUNK_ROWS + 3)).toBe(2 * CHUNK_ROWS * 8);
    c.set(CHUNK_ROWS + 3, -42.5);
    expect([c.bytes, c.get(CHUNK_ROWS + 3), c.get(CHUNK_ROWS + 2), c.get(0)]).toEqual([2 * CHUNK_ROWS * 8, -42.5, 0, 0]);
  });

  it('stores numbers as 4-byte deltas while they fit, and widens once, keeping every earlier value', () => {
    const w = new WideColumn();
    const base = 1_700_000_000_000_000;
    for (let i = 0; i < CHUNK_ROWS + 10; i++) w.set(i, base + i * 1000);
    expect(w.bytes).toBe(2 * CHUNK_ROWS * 4);
    w.set(CHUNK_ROWS + 10, base - 5); // before the base: does not fit a delta
    expect(w.bytes).toBe(2 * CHUNK_ROWS * 8);
    for (let i = 0; i < CHUNK_ROWS + 10; i++) if (w.get(i) !== base + i * 1000) throw new Error(`value ${i} is ${w.get(i)}`);
    expect(w.get(CHUNK_ROWS + 10)).toBe(base - 5);
  });
});
