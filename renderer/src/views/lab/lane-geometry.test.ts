import { describe, expect, it } from 'vitest';
import { ticks, windowFor, xOf } from './lane-geometry';

describe('lab lane geometry', () => {
  it('maps the window onto the width', () => {
    const w = { from: 1_000_000, to: 11_000_000 };
    expect(xOf(w, 1000, 1_000_000)).toBe(0);
    expect(xOf(w, 1000, 6_000_000)).toBe(500);
    expect(xOf(w, 1000, 11_000_000)).toBe(1000);
  });

  it('puts round ticks relative to the run start', () => {
    const t = ticks({ from: 0, to: 10e6 }, 0);
    expect(t.map((x) => x.label)).toEqual(['0 s', '2 s', '4 s', '6 s', '8 s', '10 s']);
    expect(ticks({ from: 0.25e6, to: 1.2e6 }, 0)[0]!.label).toBe('0.4 s');
  });

  it('follows live, pins the run start early on, and honours a scrubbed end', () => {
    expect(windowFor(null, 50e6, 10, 0)).toEqual({ from: 40e6, to: 50e6 });
    expect(windowFor(null, 3e6, 10, 1e6)).toEqual({ from: 1e6, to: 11e6 });
    expect(windowFor(20e6, 50e6, 5, 0)).toEqual({ from: 15e6, to: 20e6 });
    expect(windowFor(null, null, 10, null)).toBeNull();
  });
});
