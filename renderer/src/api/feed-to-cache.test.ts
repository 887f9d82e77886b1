import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ConnectionSummary, HttpExchange } from '../../../shared/model';
import { readVersion } from '../store/read-version';
import { applyFeedToCache, pruneOldVersions } from './feed-to-cache';
import { queryKeys } from './queries/query-keys';

function connection(id: number, frames: number): ConnectionSummary {
  return {
    id,
    state: 'open',
    violations: 0,
    counters: { client: { frames, bytes: frames * 10, messages: frames }, server: { frames: 0, bytes: 0, messages: 0 } },
  } as unknown as ConnectionSummary;
}

function exchange(id: number, connectionId: number, status: number | null): HttpExchange {
  return { id, connectionId, status } as unknown as HttpExchange;
}

describe('the change feed applied to the query cache', () => {
  it('drops answers for versions their connection has moved past, keeps current and observed ones', async () => {
    const qc = new QueryClient();
    const before = { connections: new Map([[1, connection(1, 5)]]), captureVersion: 3 };
    const filter = { connectionId: 1 };
    const old = queryKeys.framePage(filter, 'k', 0, readVersion(before, 1));
    const whole = queryKeys.framePage({}, 'w', 0, readVersion(before, null));
    qc.setQueryData(old, { total: 5, start: 0, rows: [] });
    qc.setQueryData(whole, { total: 5, start: 0, rows: [] });
    pruneOldVersions(qc, before);
    expect(qc.getQueryData(old)).toEqual({ total: 5, start: 0, rows: [] }); // still the current version: going back shows it at once

    const after = { connections: new Map([[1, connection(1, 6)]]), captureVersion: 4 };
    const observed = queryKeys.framePage(filter, 'seen', 0, readVersion(before, 1));
    qc.setQueryData(observed, { total: 5, start: 0, rows: [] });
    const unsubscribe = new QueryObserver(qc, { queryKey: observed, queryFn: () => ({ total: 5, start: 0, rows: [] }), staleTime: Infinity }).subscribe(() => {});
    pruneOldVersions(qc, after);
    expect(qc.getQueryData(old)).toBeUndefined();
    expect(qc.getQueryData(whole)).toBeUndefined();
    expect(qc.getQueryData(observed)).toEqual({ total: 5, start: 0, rows: [] }); // on screen until its successor arrives
    unsubscribe();
  });

  it('writes pushed exchanges into lists already read, never creates one, and forgets them on Clear', () => {
    const qc = new QueryClient();
    const state = { connections: new Map<number, ConnectionSummary>(), captureVersion: 1 };
    qc.setQueryData(queryKeys.exchanges(7), [exchange(1, 7, null)]);
    const changed = [exchange(1, 7, 200), exchange(2, 7, null), exchange(3, 8, null)].map((e) => ({ type: 'exchange' as const, exchange: e }));
    applyFeedToCache(qc, [{ type: 'capture-deltas', version: 2, deltas: changed }], state);
    expect(qc.getQueryData(queryKeys.exchanges(7))).toEqual([exchange(1, 7, 200), exchange(2, 7, null)]);
    expect(qc.getQueryData(queryKeys.exchanges(8))).toBeUndefined();
    applyFeedToCache(qc, [{ type: 'capture-deltas', version: 3, deltas: [{ type: 'cleared', nextFrameId: 40 }] }], state);
    expect(qc.getQueryData(queryKeys.exchanges(7))).toBeUndefined();
  });

  it('re-reads a connection\'s filtered pages when a scan found more rows, though no frame arrived', async () => {
    const qc = new QueryClient();
    const state = { connections: new Map([[1, connection(1, 5)]]), captureVersion: 1 };
    const key = queryKeys.framePage({ connectionId: 1, opcodes: [9] }, 'pings', 0, readVersion(state, 1));
    let reads = 0;
    const observer = new QueryObserver(qc, { queryKey: key, queryFn: () => ({ total: ++reads, start: 0, rows: [] }), staleTime: Infinity });
    const unsubscribe = observer.subscribe(() => {});
    await expect.poll(() => reads).toBe(1);
    applyFeedToCache(qc, [{ type: 'capture-deltas', version: 2, deltas: [] }], state);
    expect(reads).toBe(1); // nothing moved for this connection: the cached page stands
    const progress = { type: 'search-progress' as const, filter: { connectionId: 1, opcodes: [9] }, scanned: 10, total: 20, matches: 2, done: false, cancelled: false };
    applyFeedToCache(qc, [progress], state);
    await expect.poll(() => reads).toBe(2);
    expect(observer.getCurrentResult().data?.total).toBe(2);
    unsubscribe();
  });
});
