import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, maxVirtualTop, physicalHeight, revealRow, rowsInView, scrollRatio, toPhysical, toVirtual } from './scaled-scroll';

const RH = 26;
const small = { rows: 1000, rowHeight: RH, viewport: 520 };
const huge = { rows: 10_000_000, rowHeight: RH, viewport: 520 };

describe('scaled scrolling', () => {
  it('is the identity while the rows fit under the cap', () => {
    expect(physicalHeight(small)).toBe(26_000);
    expect(scrollRatio(small)).toBe(1);
    expect(toVirtual(small, 1234)).toBe(1234);
    expect(toPhysical(small, 1234)).toBe(1234);
  });

  it('caps the scrollable height and maps its ends onto the first and the last row', () => {
    expect(physicalHeight(huge)).toBe(MAX_SCROLL_HEIGHT);
    expect(scrollRatio(huge)).toBeGreaterThan(30);
    expect(rowsInView(huge, toVirtual(huge, 0))).toEqual({ first: 0, last: 19 });
    const bottom = toVirtual(huge, MAX_SCROLL_HEIGHT - huge.viewport);
    expect(bottom).toBe(maxVirtualTop(huge));
    expect(rowsInView(huge, bottom).last).toBe(9_999_999);
    expect(rowsInView(huge, bottom).first).toBe(9_999_980);
  });

  it('maps back and forth without drift, and never past either end', () => {
    for (const v of [0, 1, 777_777, maxVirtualTop(huge) / 2, maxVirtualTop(huge)]) expect(toVirtual(huge, toPhysical(huge, v))).toBeCloseTo(v, 3);
    expect(toVirtual(huge, -50)).toBe(0);
    expect(toVirtual(huge, 2 * MAX_SCROLL_HEIGHT)).toBe(maxVirtualTop(huge));
  });

  it('reveals a row exactly, moving as little as possible', () => {
    const top = 1000 * RH;
    expect(revealRow(huge, top, 1005)).toBe(top); // already whole in view
    expect(revealRow(huge, top, 999)).toBe(999 * RH); // just above: scroll up to it
    expect(revealRow(huge, top, 1020)).toBe(1021 * RH - huge.viewport); // just below: it becomes the last row
    expect(rowsInView(huge, revealRow(huge, 0, 9_999_999)).last).toBe(9_999_999);
  });

  it('has no rows in view of an empty table', () => {
    expect(rowsInView({ ...small, rows: 0 }, 0)).toEqual({ first: 0, last: -1 });
  });
});
