import { describe, expect, it } from 'vitest';
import type { FrameSummary } from '../../../../../shared/model';
import { FramePageCache, PAGE_SIZE, pagesFor } from './frame-page-cache';
import { formatRelativeSeconds } from './time-format';

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: from + i }) as FrameSummary);

describe('FramePageCache', () => {
  it('evicts the least recently used page beyond its capacity', () => {
    const cache = new FramePageCache(2);
    cache.set('f', 0, 1, rows(PAGE_SIZE));
    cache.set('f', 1, 1, rows(PAGE_SIZE, PAGE_SIZE));
    cache.get('f', 0); // page 0 is now the most recent
    cache.set('f', 2, 1, rows(PAGE_SIZE, 2 * PAGE_SIZE));
    expect(cache.size).toBe(2);
    expect(cache.get('f', 1)).toBeUndefined();
    expect(cache.row('f', 5)?.id).toBe(5);
    expect(cache.row('f', 2 * PAGE_SIZE + 1)?.id).toBe(2 * PAGE_SIZE + 1);
  });

  it('keeps filters apart and never lets an older answer replace a newer one', () => {
    const cache = new FramePageCache();
    cache.set('a', 0, 5, rows(3));
    cache.set('b', 0, 5, rows(3, 100));
    cache.set('a', 0, 4, rows(1, 999));
    expect(cache.get('a', 0)?.version).toBe(5);
    expect(cache.row('a', 0)?.id).toBe(0);
    expect(cache.row('b', 0)?.id).toBe(100);
  });
});

describe('pagesFor', () => {
  it('lists the pages covering a row range, and page 0 for an empty range', () => {
    expect(pagesFor(0, 0)).toEqual([0]);
    expect(pagesFor(PAGE_SIZE - 1, PAGE_SIZE)).toEqual([0, 1]);
    expect(pagesFor(3 * PAGE_SIZE + 4, 3 * PAGE_SIZE + 10)).toEqual([3]);
    expect(pagesFor(10, -1)).toEqual([0]);
  });
});

describe('formatRelativeSeconds', () => {
  it('prints seconds to the microsecond', () => {
    expect(formatRelativeSeconds(0)).toBe('0.000000');
    expect(formatRelativeSeconds(1_234_567)).toBe('1.234567');
    expect(formatRelativeSeconds(-42)).toBe('-0.000042');
  });
});
