// The capture budget (issues 12 and 13): small frames cost at most 48 bytes each, all-in; the
// budget holds as frames arrive, through the real relay too; 'stop' stops recording (and says how
// much passed), 'drop-oldest' gives back the oldest frames; Clear gives the memory back.
import { afterEach, describe, expect, it } from 'vitest';
import { buildFrame, encodeUtf8 } from '../../../shared/protocol/index';
import { rawWsClient, rawWsServer, startCapture, waitFor, type TestCapture } from '../proxy/test-peers';
import { WsDirectionRecorder } from './ws-recorder';

const MIB = 1024 * 1024;
const KEY = new Uint8Array([0x37, 0xfa, 0x21, 0x3d]);

/** `count` masked text frames "message 0000042" (21 bytes each), in 64 KiB chunks. */
function smallFrames(count: number): Uint8Array[] {
  const one = (i: number) => buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, mask: true, maskKey: KEY, payload: encodeUtf8(`message ${String(i).padStart(7, '0')}`) }).bytes;
  const all = new Uint8Array(count * 21);
  for (let i = 0; i < count; i++) all.set(one(i), i * 21);
  const chunks = [];
  for (let i = 0; i < all.length; i += 65536) chunks.push(all.subarray(i, i + 65536));
  return chunks;
}

describe('the capture budget', () => {
  let t: TestCapture;
  afterEach(async () => {
    await t.close();
  });

  function recorder() {
    const store = t.capture.store;
    const record = store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://budget/', client: { address: '127.0.0.1', port: 1 }, openedAt: 1 });
    store.opened(record);
    return { record, rec: new WsDirectionRecorder(store, record, 'client', null) };
  }

  it('holds a small frame in at most 48 bytes, all-in, and gives it all back on Clear', async () => {
    t = startCapture();
    const { rec } = recorder();
    const n = 200_000; // three segments and part of a fourth
    let time = 0;
    for (const chunk of smallFrames(n)) rec.push(chunk, time++);
    const stats = await t.capture.getStats();
    expect(stats.frames).toBe(n);
    // Columns, offsets and the frame's own 21 bytes; the last segment's slack included.
    expect(stats.memoryBytes / n).toBeLessThanOrEqual(48);
    const last = await t.capture.getFrame(n - 1);
    expect(last.summary).toMatchObject({ preview: `message ${String(n - 1).padStart(7, '0')}`, payloadLength: 15, headerLength: 6, masked: true, fin: true });
    await t.capture.clearCapture();
    expect((await t.capture.getStats()).memoryBytes).toBe(0);
  }, 60_000);

  it("stops recording when full ('stop'), says how much passed, and records again when the budget grows", async () => {
    t = startCapture({ budget: { memoryBytes: 4 * MIB, diskBytes: 0, whenFull: 'stop' } });
    const { record, rec } = recorder();
    const payload = new Uint8Array(256 * 1024).fill(7);
    const big = buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 2, mask: true, maskKey: KEY, payload }).bytes;
    for (let i = 0; i < 30; i++) rec.push(big, i);
    let stats = await t.capture.getStats();
    expect(stats).toMatchObject({ full: true, budget: { whenFull: 'stop' } });
    expect(stats.memoryBytes).toBeLessThanOrEqual(4 * MIB);
    expect(stats.frames + stats.notRecordedFrames).toBe(30);
    expect(stats.notRecordedFrames).toBeGreaterThan(0);
    expect(record.summary.counters.client.frames).toBe(30);
    const kept = stats.frames;
    stats = await t.capture.setCaptureBudget({ memoryBytes: 64 * MIB });
    expect(stats.full).toBe(false);
    const rows = (await t.capture.queryFrames({ start: 0, count: 100 })).rows;
    expect(rows.at(-1)?.gap).toEqual({ frames: 30 - kept, reason: 'full' });
    expect(rows.at(-1)?.preview).toBe(`${30 - kept} frames passed while the capture was full; not recorded`);
    rec.push(big, 99);
    expect((await t.capture.getStats()).frames).toBe(kept + 1);
    await expect(t.capture.setCaptureBudget({ memoryBytes: 1 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.capture.setCaptureBudget({ whenFull: 'later' as never })).rejects.toMatchObject({ code: 'invalid' });
  });

  it("drops the oldest frames when full ('drop-oldest'): ids stay, filters and positions follow", async () => {
    t = startCapture({ budget: { memoryBytes: 4 * MIB, diskBytes: 0, whenFull: 'drop-oldest' } });
    const events: number[] = [];
    t.capture.subscribeCapture((e) => e.deltas.forEach((d) => d.type === 'dropped' && events.push(d.firstKeptId)));
    const { rec } = recorder();
    for (let i = 0; i < 60; i++) {
      const payload = new Uint8Array(128 * 1024).fill(i);
      rec.push(buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 2, mask: true, maskKey: KEY, payload }).bytes, i);
    }
    const stats = await t.capture.getStats();
    expect(stats.full).toBe(true);
    expect(stats.memoryBytes).toBeLessThanOrEqual(4 * MIB);
    expect(stats.droppedFrames).toBeGreaterThan(0);
    expect(stats.frames + stats.droppedFrames).toBe(60);
    expect(stats.nextFrameId - stats.firstFrameId).toBe(stats.frames);
    t.bus.flush();
    expect(events.at(-1)).toBe(stats.firstFrameId);
    // The newest frame is whole; the oldest are gone, not replaced.
    const newest = await t.capture.getFrame(59);
    expect(newest.payload.every((b) => b === 59)).toBe(true);
    await expect(t.capture.getFrame(0)).rejects.toMatchObject({ code: 'not-found' });
    const page = await t.capture.queryFrames({ filter: { opcodes: [2] }, start: 0, count: 1000 });
    expect(page.rows[0]!.id).toBe(stats.firstFrameId);
    expect(page.total).toBe(stats.frames);
    expect(await t.capture.locateFrame({ filter: { opcodes: [2] }, frameId: 59 })).toBe(stats.frames - 1);
  });

  it('a small budget spilling to disk closes its segments at a sixteenth of the budget, not at every frame', async () => {
    // The 1 MiB spill batch once counted as the segment's size: with segments of 512 KiB every
    // spilled frame closed one, opening a spill file per frame (150 µs a frame, one drop per frame).
    t = startCapture({ budget: { memoryBytes: 8 * MIB, diskBytes: 8 * MIB, whenFull: 'drop-oldest' } });
    const drops: number[] = [];
    t.capture.subscribeCapture((e) => e.deltas.forEach((d) => d.type === 'dropped' && drops.push(d.firstKeptId)));
    const { rec } = recorder();
    const frame = (i: number) => buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 2, mask: true, maskKey: KEY, payload: new Uint8Array(1024).fill(i & 0xff) }).bytes;
    const n = 20_000; // 20 MiB: more than memory and disk together
    for (let i = 0; i < n; i += 16) rec.push(Buffer.concat(Array.from({ length: 16 }, (_, k) => frame(i + k))), i);
    t.bus.flush();
    const stats = await t.capture.getStats();
    expect(stats.spilledBytes).toBeGreaterThan(4 * MIB);
    expect(stats.spilledBytes).toBeLessThanOrEqual(8 * MIB);
    expect(stats.memoryBytes).toBeLessThanOrEqual(8 * MIB);
    expect(stats.frames + stats.droppedFrames).toBe(n);
    // Each drop gives back a segment of about 512 KiB of frames (~500 of them).
    expect(drops.length).toBeGreaterThan(0);
    expect(stats.droppedFrames / drops.length).toBeGreaterThan(200);
    const newest = await t.capture.getFrame(n - 1);
    expect(newest.payload.every((b) => b === ((n - 1) & 0xff))).toBe(true);
  });

  it('holds its budget against a flood of empty frames through the relay, and shows the full state', async () => {
    // Issue 12: 5M empty frames took 491 MiB. The same flood, bounded in count so it runs in seconds.
    t = startCapture({ budget: { memoryBytes: 4 * MIB, diskBytes: 0, whenFull: 'stop' } });
    const server = await rawWsServer(() => {});
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/` });
    try {
      const client = await rawWsClient(proxy.listenPort);
      const n = 400_000;
      const empty = new Uint8Array([0x82, 0x80, 1, 2, 3, 4]); // an empty masked binary frame: 6 bytes
      const flood = new Uint8Array(n * empty.length);
      for (let i = 0; i < n; i++) flood.set(empty, i * empty.length);
      client.socket.write(flood);
      const id = await waitFor(async () => (await t.capture.listConnections())[0]?.id);
      await waitFor(async () => (await t.capture.getConnection(id)).summary.counters.client.frames === n, 30_000, 'all frames relayed');
      const stats = await t.capture.getStats();
      expect(stats.full).toBe(true);
      expect(stats.memoryBytes).toBeLessThanOrEqual(4 * MIB);
      expect(stats.frames + stats.notRecordedFrames).toBe(n);
      expect(stats.frames).toBeGreaterThan(100_000); // about 27 bytes each: the budget was used, not wasted
      client.socket.destroy();
    } finally {
      await server.close();
    }
  });
});
