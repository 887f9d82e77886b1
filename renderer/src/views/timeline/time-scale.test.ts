import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_SPAN_US, fitViewport, formatOffset, niceStep, panBy, revealTime, span, timeTicks, timeToY, yToTime, zoomAround } from './time-scale';

describe('timeline time scale', () => {
  it('keeps the instant under the cursor fixed while zooming', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 100, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        (start, width, at, factor) => {
          const v = { start, end: start + width };
          const anchor = start + at * width;
          const z = zoomAround(v, anchor, factor);
          const before = timeToY(v, anchor, 600);
          const after = timeToY(z, anchor, 600);
          expect(Math.abs(before - after)).toBeLessThan(1e-6 * 600 + 1e-6);
          expect(span(z)).toBeGreaterThanOrEqual(MIN_SPAN_US);
        },
      ),
    );
  });

  it('maps time to pixels and back', () => {
    const v = { start: 1000, end: 3000 };
    expect(timeToY(v, 2000, 400)).toBe(200);
    expect(yToTime(v, 100, 400)).toBe(1500);
    expect(panBy(v, 500)).toEqual({ start: 1500, end: 3500 });
  });

  it('fits a range with a margin and never collapses to nothing', () => {
    const v = fitViewport(1000, 2000);
    expect(v.start).toBeLessThan(1000);
    expect(v.end).toBeGreaterThan(2000);
    const point = fitViewport(5000, 5000);
    expect(span(point)).toBeGreaterThanOrEqual(MIN_SPAN_US);
    expect(point.start).toBeLessThan(5000);
    expect(point.end).toBeGreaterThan(5000);
  });

  it('reveals a time only when it is off screen', () => {
    const v = { start: 0, end: 100 };
    expect(revealTime(v, 50)).toBe(v);
    expect(revealTime(v, 1000)).toEqual({ start: 950, end: 1050 });
  });

  it('picks 1-2-5 steps', () => {
    expect(niceStep(1000, 10)).toBe(100);
    expect(niceStep(1500, 10)).toBe(200);
    expect(niceStep(4000, 10)).toBe(500);
    expect(niceStep(7, 10)).toBe(1);
    expect(niceStep(9e6, 10)).toBe(1e6);
  });

  it('labels ticks in the unit their step needs', () => {
    expect(formatOffset(0, 1000)).toBe('0');
    expect(formatOffset(20, 10)).toBe('+20 µs');
    expect(formatOffset(1300, 100)).toBe('+1.3 ms');
    expect(formatOffset(25_000, 5000)).toBe('+25 ms');
    expect(formatOffset(1_200_000, 200_000)).toBe('+1.2 s');
    expect(formatOffset(3_000_000, 1_000_000)).toBe('+3 s');
    expect(formatOffset(150e6, 60e6)).toBe('+2 min 30 s');
    expect(formatOffset(-2000, 1000)).toBe('−2 ms');
  });

  it('places ticks on multiples of the step from the origin, inside the window', () => {
    const ticks = timeTicks({ start: 10_050, end: 11_000 }, 10_000, 10);
    expect(ticks.map((t) => t.time)).toEqual([10_100, 10_200, 10_300, 10_400, 10_500, 10_600, 10_700, 10_800, 10_900, 11_000]);
    expect(ticks[0]!.label).toBe('+0.1 ms');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 10, max: 1e10, noNaN: true }), (start, width) => {
        const list = timeTicks({ start, end: start + width }, start - 777, 8);
        expect(list.length).toBeLessThanOrEqual(9);
        for (const t of list) expect(t.time >= start - 1e-3 && t.time <= start + width + 1e-3).toBe(true);
      }),
    );
  });
});
