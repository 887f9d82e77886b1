// HTTP bodies under the capture budget: kept in memory, then spilled to disk, then cut (the wire
// length stays true), read back exactly across pieces, charged in the stats, and given back on Clear.
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../../shared/model';
import { startCapture, type TestCapture } from '../proxy/test-peers';

const MIB = 1024 * 1024;

describe('HTTP bodies in the capture store', () => {
  let t: TestCapture;
  afterEach(async () => {
    await t.close();
  });

  function exchange(): Readonly<HttpExchange> {
    const store = t.capture.store;
    const record = store.addConnection({ kind: 'http', source: 'forward', url: 'http://x/', client: { address: '127.0.0.1', port: 1 }, openedAt: 1 });
    return store.addExchange({ connectionId: record.summary.id, method: 'GET', url: 'http://x/', status: 200, requestHead: new Uint8Array(0), responseHead: null, requestBodyBytes: 0, responseBodyBytes: 0, startedAt: 1, endedAt: null, sseEvents: 0 });
  }

  it('keeps bodies in memory, then on disk, then cuts them with the true length kept', () => {
    t = startCapture({ budget: { memoryBytes: 4 * MIB, diskBytes: 2 * MIB } });
    const store = t.capture.store;
    const e = exchange();
    const piece = new Uint8Array(256 * 1024);
    for (let i = 0; i < 40; i++) store.appendBody(e, 'response', piece.fill(i));
    const size = store.bodies.size(e.id, 'response');
    expect(size.wire).toBe(40 * piece.length);
    expect(size.kept).toBeGreaterThan(3 * MIB);
    expect(size.kept).toBeLessThan(size.wire);
    expect(store.exchanges.get(e.id)?.responseBodyKept).toBe(size.kept);
    expect(store.bodies.diskBytes).toBeGreaterThan(0);
    const stats = store.stats();
    expect(stats.memoryBytes).toBeLessThanOrEqual(4 * MIB);
    expect(stats.spilledBytes).toBeLessThanOrEqual(2 * MIB);
    // Every kept byte reads back, across memory and disk pieces.
    const all = store.bodies.read(e.id, 'response', 0, size.kept);
    expect(all.length).toBe(size.kept);
    for (let i = 0; i * piece.length < size.kept; i++) expect(all[i * piece.length]).toBe(i);
    const mid = store.bodies.read(e.id, 'response', piece.length - 2, 4);
    expect([...mid]).toEqual([0, 0, 1, 1]);
    store.clear();
    expect(store.bodies.memoryBytes).toBe(0);
    expect(store.bodies.diskBytes).toBe(0);
  });

  it('keeps nothing while paused, and nothing of a cleared exchange', () => {
    t = startCapture();
    const store = t.capture.store;
    const e = exchange();
    store.setPaused(true);
    store.appendBody(e, 'request', new Uint8Array([1, 2, 3]));
    store.setPaused(false);
    store.appendBody(e, 'request', new Uint8Array([4]));
    expect(store.bodies.size(e.id, 'request')).toEqual({ wire: 4, kept: 0 });
    store.clear();
    store.appendBody(e, 'request', new Uint8Array([5]));
    expect(store.bodies.size(e.id, 'request')).toEqual({ wire: 0, kept: 0 });
  });
});
