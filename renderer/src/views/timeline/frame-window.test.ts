import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FramePage, FrameSummary, Peer } from '../../../../shared/model';
import { binRows, estimateDensity } from './density';
import { FrameSequence, loadWindow, type PageSource } from './frame-window';

function row(id: number, time: number, from: Peer = id % 2 ? 'server' : 'client'): FrameSummary {
  return {
    id, connectionId: 1, from, index: id, time, offset: 0, fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1,
    masked: from === 'client', payloadLength: 1, headerLength: 2, preview: 'x', messageId: id, injected: false, incomplete: false, violationCount: 0,
  };
}

/** A sequence held in an array, read through the same paging signature as queryFrames. */
function arraySource(rows: FrameSummary[]): PageSource & { calls: number } {
  const source = async (start: number, count: number): Promise<FramePage> => {
    source.calls++;
    return { total: rows.length, start, rows: rows.slice(start, start + count) };
  };
  source.calls = 0;
  return source;
}

const sortedTimes = fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 300 }).map((ts) => ts.sort((a, b) => a - b));

describe('timeline window loading', () => {
  it('finds the first row at or after a time, like a linear scan', async () => {
    await fc.assert(
      fc.asyncProperty(sortedTimes, fc.integer({ min: -10, max: 10_010 }), async (times, t) => {
        const seq = new FrameSequence(arraySource(times.map((time, i) => row(i, time))));
        await seq.refresh();
        const expected = times.findIndex((time) => time >= t);
        expect(await seq.lowerBound(t)).toBe(expected === -1 ? times.length : expected);
      }),
    );
  });

  it('returns exactly the rows inside the window as arrows when few, in a few rounds of reads', async () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => row(i, i * 10));
    const source = arraySource(rows);
    const w = await loadWindow(new FrameSequence(source), { start: 1_500_000, end: 1_501_000 });
    expect(w.total).toBe(300_000);
    expect(w.arrows?.map((r) => r.time)).toEqual(Array.from({ length: 100 }, (_, k) => 1_500_000 + k * 10));
    expect(w.density).toBeNull();
    expect(w.last?.id).toBe(299_999);
    // Two searches of four or five rounds of 15 probes, the last row and a page or two (a scan: 600).
    expect(source.calls).toBeLessThan(160);
  });

  it('switches to exact density above the arrow cap and to sampled density above the exact cap', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => row(i, i));
    const exact = await loadWindow(new FrameSequence(arraySource(rows)), { start: 0, end: 1000 }, { arrowCap: 100, exactCap: 5000, samples: 50, buckets: 10, burstUs: 0 });
    expect(exact.arrows).toBeNull();
    expect(exact.approximate).toBe(false);
    expect(exact.density!.map((b) => b.client + b.server)).toEqual(new Array(10).fill(100));
    expect(exact.density![0]).toMatchObject({ client: 50, server: 50 });

    const sampled = await loadWindow(new FrameSequence(arraySource(rows)), { start: 0, end: 20_000 }, { arrowCap: 100, exactCap: 5000, samples: 64, buckets: 20, burstUs: 0 });
    expect(sampled.approximate).toBe(true);
    const counts = sampled.density!.map((b) => b.client + b.server);
    const sum = counts.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 20_000)).toBeLessThan(2);
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(50);
  });

  it('estimates bursts where they are', () => {
    // 900 rows in the first tenth of the window, 100 spread over the rest.
    const times = [...Array.from({ length: 900 }, (_, i) => i), ...Array.from({ length: 100 }, (_, i) => 1000 + i * 90)];
    const samples = times.filter((_, i) => i % 10 === 0 || i === times.length - 1).map((time) => ({ index: times.indexOf(time), time, from: 'client' as const }));
    const v = { start: 0, end: 10_000 };
    const estimated = estimateDensity(samples, 0, 1000, v, 10);
    const exact = binRows(times.map((time) => ({ time, from: 'client' as const })), v, 10);
    expect(Math.round(estimated[0]!.client)).toBeGreaterThan(850);
    for (let k = 1; k < 10; k++) expect(Math.abs(estimated[k]!.client - exact[k]!.client)).toBeLessThan(15);
  });

  it('hands over the first frames of a burst no zoom can separate, to be drawn in order', async () => {
    // 1000 frames stamped with one time (one TCP read), then a few more later.
    const rows = [...Array.from({ length: 1000 }, (_, i) => row(i, 5000)), ...Array.from({ length: 10 }, (_, i) => row(1000 + i, 9000 + i))];
    const limits = { arrowCap: 100, exactCap: 5000, samples: 50, buckets: 10, burstUs: 4 };
    const burst = await loadWindow(new FrameSequence(arraySource(rows)), { start: 4990, end: 5010 }, limits);
    expect(burst).toMatchObject({ burst: true, lo: 0, hi: 1000, density: null });
    expect(burst.arrows!.map((r) => r.id)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const wide = await loadWindow(new FrameSequence(arraySource(rows)), { start: 0, end: 10_000 }, limits);
    expect(wide.burst).toBe(false);
    expect(wide.density).not.toBeNull();
  });

  it('handles an empty capture', async () => {
    const w = await loadWindow(new FrameSequence(arraySource([])), { start: 0, end: 10 });
    expect(w).toMatchObject({ total: 0, lo: 0, hi: 0, arrows: [], density: null, last: null });
  });
});
