// The one writer and its change feed (issue 13): every transition shows up as a typed delta
// without anyone calling touch(); frames arrive as id ranges per connection; ids never repeat
// after Clear; a pause leaves a gap row; large batches leave in pages; a failing subscriber hurts
// no one.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DELTAS_PER_EVENT, type CaptureDelta, type CaptureDeltaEvent } from '../../../shared/api/capture';
import { buildFrame, encodeUtf8 } from '../../../shared/protocol/index';
import { startCapture, type TestCapture } from '../proxy/test-peers';
import { WsDirectionRecorder } from './ws-recorder';

function frame(text: string, fin = true, opcode = 1): Uint8Array {
  return buildFrame({ fin, rsv1: false, rsv2: false, rsv3: false, opcode, mask: true, maskKey: new Uint8Array([1, 2, 3, 4]), payload: encodeUtf8(text) }).bytes;
}

describe('the capture change feed', () => {
  let t: TestCapture;
  afterEach(async () => {
    await t.close();
  });

  /** Subscribes in process, like the lab meter and the CLI; flush() hands over what is pending. */
  function feed(): { events: CaptureDeltaEvent[]; flush(): CaptureDelta[] } {
    const events: CaptureDeltaEvent[] = [];
    t.capture.subscribeCapture((e) => events.push(e));
    return {
      events,
      flush() {
        const before = events.length;
        t.bus.flush();
        return events.slice(before).flatMap((e) => e.deltas);
      },
    };
  }

  function open(url = 'ws://test/') {
    const store = t.capture.store;
    const record = store.addConnection({ kind: 'websocket', source: 'reverse', url, client: { address: '127.0.0.1', port: 1 }, openedAt: 1 });
    store.opened(record);
    return { record, client: new WsDirectionRecorder(store, record, 'client', null), server: new WsDirectionRecorder(store, record, 'server', null) };
  }

  it('publishes each transition as a typed delta, folded per batch', () => {
    t = startCapture();
    const f = feed();
    const a = open('ws://a/');
    const b = open('ws://b/');
    a.client.push(frame('one'), 1);
    b.client.push(frame('two'), 2);
    a.server.push(frame('three'), 3);
    t.capture.store.closing(a.record, { code: 1000, reason: 'bye' });
    t.capture.store.failed(b.record, 'The server reset the connection.');
    const deltas = f.flush();
    const connections = deltas.filter((d) => d.type === 'connection');
    // Each connection once, with its latest state (no touch(), nothing forgotten).
    expect(connections.map((d) => [d.connection.url, d.connection.state, d.connection.counters.client.frames])).toEqual([
      ['ws://a/', 'closing', 1],
      ['ws://b/', 'failed', 1],
    ]);
    expect(deltas.filter((d) => d.type === 'frames')).toEqual([
      { type: 'frames', connectionId: a.record.summary.id, firstId: 0, lastId: 2, count: 2 },
      { type: 'frames', connectionId: b.record.summary.id, firstId: 1, lastId: 1, count: 1 },
    ]);
    expect(deltas.at(-1)).toMatchObject({ type: 'stats', stats: { frames: 3, connections: 2 } });
    // Nothing changed: no event at all (and no polling to find that out).
    expect(f.flush()).toEqual([]);
    const exchange = t.capture.store.addExchange({
      connectionId: a.record.summary.id,
      method: 'GET',
      url: 'http://a/',
      status: null,
      requestHead: encodeUtf8('GET / HTTP/1.1\r\n\r\n'),
      responseHead: null,
      requestBodyBytes: 0,
      responseBodyBytes: 0,
      startedAt: 1,
      endedAt: null,
      sseEvents: 0,
    });
    t.capture.store.updateExchange(exchange, { status: 200, endedAt: 5 });
    const ex = f.flush().filter((d) => d.type === 'exchange');
    expect(ex.map((d) => [d.exchange.status, d.exchange.endedAt])).toEqual([[200, 5]]);
    expect(f.events.map((e) => e.version)).toEqual([1, 2]);
  });

  it('never reuses an id after Clear, and says where ids go on', async () => {
    t = startCapture();
    const f = feed();
    const live = open();
    for (let i = 0; i < 5; i++) live.client.push(frame(`before ${i}`), i);
    await t.capture.clearCapture();
    live.client.push(frame('after'), 9);
    const deltas = f.flush();
    expect(deltas[0]).toEqual({ type: 'cleared', nextFrameId: 5 });
    expect(deltas.find((d) => d.type === 'frames')).toMatchObject({ firstId: 5, lastId: 5 });
    const page = await t.capture.queryFrames({ start: 0, count: 10 });
    expect(page.rows.map((r) => [r.id, r.preview])).toEqual([[5, 'after']]);
    await expect(t.capture.getFrame(0)).rejects.toMatchObject({ code: 'not-found' });
    expect(await t.capture.locateFrame({ frameId: 5 })).toBe(0);
    expect(await t.capture.getStats()).toMatchObject({ firstFrameId: 5, nextFrameId: 6, frames: 1 });
  });

  it('leaves one gap row per connection for what passed while paused, and none when nothing did', async () => {
    t = startCapture();
    const f = feed();
    const a = open('ws://a/');
    const b = open('ws://b/');
    a.client.push(frame('seen'), 1);
    await t.capture.setCapturePaused(true);
    for (let i = 0; i < 412; i++) a.client.push(frame(`a ${i}`), 2);
    for (let i = 0; i < 3; i++) b.server.push(buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 2, mask: false, payload: new Uint8Array([i]) }).bytes, 3);
    await t.capture.setCapturePaused(false);
    const deltas = f.flush();
    expect(deltas.filter((d) => d.type === 'recording')).toEqual([
      { type: 'recording', paused: true, passed: 0 },
      { type: 'recording', paused: false, passed: 415 },
    ]);
    const rows = (await t.capture.queryFrames({ start: 0, count: 10 })).rows;
    expect(rows.map((r) => [r.connectionId, r.preview, r.gap?.frames])).toEqual([
      [a.record.summary.id, 'seen', undefined],
      [a.record.summary.id, '412 frames passed while paused; not recorded', 412],
      [b.record.summary.id, '3 frames passed while paused; not recorded', 3],
    ]);
    // The connection's counters count the wire, paused or not.
    expect(a.record.summary.counters.client.frames).toBe(413);
    // A gap row is shown with its connection's frames, not in filtered views, and is not a frame.
    expect((await t.capture.queryFrames({ filter: { connectionId: b.record.summary.id }, start: 0, count: 5 })).total).toBe(1);
    expect((await t.capture.queryFrames({ filter: { opcodes: [1] }, start: 0, count: 5 })).total).toBe(1);
    await expect(t.capture.getFrame(rows[1]!.id)).rejects.toMatchObject({ code: 'not-found' });
    // Pause and resume with nothing in between: no gap.
    await t.capture.setCapturePaused(true);
    await t.capture.setCapturePaused(false);
    expect(f.flush().filter((d) => d.type === 'frames')).toEqual([]);
    expect((await t.capture.queryFrames({ start: 0, count: 10 })).total).toBe(3);
  });

  it('splits a large batch into pages, and a throwing subscriber stops neither the engine nor the others', () => {
    t = startCapture();
    const pages: CaptureDeltaEvent[] = [];
    t.capture.subscribeCapture(() => {
      throw new Error('a host whose send failed');
    });
    t.capture.subscribeCapture((e) => pages.push(e));
    let renderer = 0;
    t.bus.subscribe(() => {
      throw new Error('the renderer went away');
    });
    t.bus.subscribe((batch) => (renderer += batch.length));
    const n = MAX_DELTAS_PER_EVENT * 2 + 10;
    for (let i = 0; i < n; i++) open(`ws://many/${i}`);
    t.bus.flush();
    expect(pages.length).toBe(3);
    expect(pages.every((p) => p.deltas.length <= MAX_DELTAS_PER_EVENT && p.version === 1)).toBe(true);
    expect(pages.flatMap((p) => p.deltas).filter((d) => d.type === 'connection')).toHaveLength(n);
    expect(renderer).toBe(3); // one delivery of at most MAX_EVENTS_PER_DELIVERY events
    expect(t.bus.failures).toBeGreaterThan(0);
  });
});
