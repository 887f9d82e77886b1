// The capture store with the real decoder in front of it: frames recorded from wire bytes, paged
// and filtered, payloads spilled to a 0600 file past the memory budget and read back exactly,
// clearing and pausing, and renderer events coalesced to a bounded rate.
import { readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/api';
import { buildFrame, encodeUtf8 } from '../../../shared/protocol/index';
import { EVENT_FLUSH_INTERVAL_MS } from '../event-bus';
import { startCapture, waitFor, type TestCapture } from '../proxy/test-peers';
import { WsDirectionRecorder } from './ws-recorder';

function frame(opcode: number, payload: Uint8Array | string, options: { fin?: boolean; mask?: boolean } = {}): Uint8Array {
  const bytes = typeof payload === 'string' ? encodeUtf8(payload) : payload;
  const mask = options.mask ?? true;
  return buildFrame({ fin: options.fin ?? true, rsv1: false, rsv2: false, rsv3: false, opcode, mask, maskKey: new Uint8Array([9, 8, 7, 6]), payload: bytes }).bytes;
}

/** This process's open descriptors of spill files in `dir` (unlinked: Linux names them "… (deleted)"). */
function spillDescriptors(dir: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => join('/proc/self/fd', fd))
    .filter((fd) => {
      try {
        return readlinkSync(fd).startsWith(join(dir, 'capture-spill-'));
      } catch {
        return false; // closed meanwhile
      }
    });
}

describe('capture store', () => {
  let t: TestCapture;
  afterEach(async () => {
    await t.close();
  });

  function recorder(from: 'client' | 'server' = 'client') {
    const record = t.capture.store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://test/', client: { address: '127.0.0.1', port: 1 }, openedAt: 1 });
    t.capture.store.opened(record);
    return { record, rec: new WsDirectionRecorder(t.capture.store, record, from, null) };
  }

  it('pages, filters, and locates frames; keeps the filter cache current as frames arrive', async () => {
    t = startCapture();
    const { record, rec } = recorder();
    for (let i = 0; i < 300; i++) rec.push(frame(i % 3 === 0 ? 2 : 1, i % 3 === 0 ? new Uint8Array([i & 0xff]) : `line ${i}`), 1000 + i);
    const all = await t.capture.queryFrames({ start: 290, count: 50 });
    expect([all.total, all.start, all.rows.length, all.rows[0]!.id]).toEqual([300, 290, 10, 290]);
    const binary = await t.capture.queryFrames({ filter: { opcodes: [2] }, start: 0, count: 1000 });
    expect(binary.total).toBe(100);
    const regex = await t.capture.queryFrames({ filter: { text: '^line 1\\d$', regex: true }, start: 0, count: 100 });
    expect(regex.rows.map((r) => r.preview)).toEqual(['line 10', 'line 11', 'line 13', 'line 14', 'line 16', 'line 17', 'line 19']);
    rec.push(frame(1, 'line 1x'), 5000);
    expect((await t.capture.queryFrames({ filter: { text: '^line 1.$', regex: true }, start: 0, count: 100 })).total).toBe(8);
    expect(await t.capture.locateFrame({ filter: { opcodes: [2] }, frameId: 297 })).toBe(99);
    expect(await t.capture.locateFrame({ filter: { opcodes: [2] }, frameId: 298 })).toBe(-1);
    expect((await t.capture.queryFrames({ filter: { connectionId: record.summary.id + 1 }, start: 0, count: 5 })).total).toBe(0);
    await expect(t.capture.queryFrames({ filter: { text: '(', regex: true }, start: 0, count: 5 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.capture.getFrame(10_000)).rejects.toMatchObject({ code: 'not-found' });
    await expect(t.capture.getConnection(77)).rejects.toMatchObject({ code: 'not-found' });
    const violating = await t.capture.queryFrames({ filter: { violationsOnly: true }, start: 0, count: 5 });
    expect(violating.total).toBe(0);
  });

  it('flags violations, shows control characters visibly, and never renders payloads as anything but text', async () => {
    t = startCapture();
    const { rec, record } = recorder('server');
    rec.push(frame(1, 'a\nb\u0007<script>', { mask: true }), 1); // a server must not mask (§5.1)
    rec.push(frame(1, new Uint8Array([0x61, 0xff])), 2); // invalid UTF-8 (§8.1)
    const rows = (await t.capture.queryFrames({ filter: { violationsOnly: true }, start: 0, count: 5 })).rows;
    expect(rows.map((r) => r.preview)).toEqual(['a⏎b·<script>', 'a\ufffd']);
    const detail = await t.capture.getFrame(rows[1]!.id);
    expect(detail.violations.map((v) => [v.code, v.section])).toContainEqual(['invalid-utf8', '8.1']);
    expect(record.summary.violations).toBeGreaterThanOrEqual(3);
  });

  it('judges long text with the native check exactly where the DFA would, and still shows it (decoded only when asked)', async () => {
    t = startCapture();
    const { rec } = recorder('client');
    const good = `{"text":"${'汉字 and ASCII '.repeat(60)}"}`;
    const bad = encodeUtf8(`${'汉字'.repeat(100)}tail`);
    bad[601] = 0xc0; // an overlong lead, 601 bytes in (RFC 3629 §4)
    const split = encodeUtf8('文'.repeat(40)); // fragments that cut a code point: valid once joined
    rec.push(frame(1, good), 1);
    rec.push(frame(1, bad), 2);
    rec.push(frame(1, split.subarray(0, 61), { fin: false }), 3);
    rec.push(frame(0, split.subarray(61)), 4);
    const rows = (await t.capture.queryFrames({ start: 0, count: 10 })).rows;
    expect(rows).toHaveLength(4);
    const details = await Promise.all(rows.map((r) => t.capture.getFrame(r.id)));
    expect(details.map((d) => d.violations.map((v) => v.code))).toEqual([[], ['invalid-utf8'], [], []]);
    // The frame's header is 8 bytes (16-bit length and a masking key): the violation points at the byte.
    expect(details[1]!.violations[0]!.offset).toBe(rows[1]!.offset + 8 + 601);
    expect(rows[0]!.preview.startsWith('{"text":"汉字 and ASCII 汉字')).toBe(true);
  });

  it('previews a large frame from wherever its payload is kept: the spill file, its write batch, or memory', async () => {
    // Memory holds only a large frame's header, so its preview reads the payload's first bytes back.
    const text = (i: number): string => `message ${i} ${'汉字'.repeat(200)} ${'x'.repeat(i % 7)}`;
    const expected = (i: number): string => text(i).slice(0, 96);
    for (const budget of [{}, { diskBytes: 0 }]) {
      t = startCapture({ budget });
      const { rec } = recorder();
      const n = 1500; // ~1.8 MiB of payloads: the first frames' bytes are in the file, the last ones' still in the batch
      for (let i = 0; i < n; i++) rec.push(frame(1, text(i)), i);
      const stats = await t.capture.getStats();
      if ('diskBytes' in budget) expect(stats.spilledBytes).toBe(0);
      else expect(stats.spilledBytes).toBeGreaterThan(n * 1000);
      for (const start of [0, 700, n - 5]) {
        const rows = (await t.capture.queryFrames({ start, count: 5 })).rows;
        expect(rows.map((r) => r.preview)).toEqual([0, 1, 2, 3, 4].map((k) => expected(start + k)));
      }
      await t.close();
    }
    t = startCapture();
  });

  it('spills payloads past the memory budget to a private file and reads them back exactly', async () => {
    t = startCapture({ budget: { memoryBytes: 4 * 1024 * 1024 } });
    const { rec } = recorder();
    const payloads = Array.from({ length: 12 }, (_, i) => {
      const p = new Uint8Array(512 * 1024);
      for (let j = 0; j < p.length; j++) p[j] = (i * 31 + j) & 0xff;
      return p;
    });
    for (const p of payloads) rec.push(frame(2, p), 1);
    const stats = await t.capture.getStats();
    expect(stats.spilledBytes).toBeGreaterThan(0);
    expect(stats.memoryBytes).toBeLessThan(8 * 1024 * 1024);
    // The spill files are unlinked as soon as they are open: no name to open them by, nothing left
    // after a crash. This process still holds them (Linux shows them in /proc), private to the user.
    expect(readdirSync(t.dir).filter((f) => f.startsWith('capture-spill-'))).toHaveLength(0);
    const held = spillDescriptors(t.dir);
    expect(held.length).toBeGreaterThan(0);
    for (const fd of held) expect(statSync(fd).mode & 0o777).toBe(0o600);
    for (let i = 0; i < payloads.length; i++) {
      const detail = await t.capture.getFrame(stats.firstFrameId + i);
      expect(detail.payloadTruncated).toBe(false);
      expect(Buffer.from(detail.payload).equals(Buffer.from(payloads[i]!))).toBe(true);
    }
    await t.capture.clearCapture();
    // A batch still being written keeps its file's descriptors until the write is done (spill-file.ts close).
    await waitFor(() => spillDescriptors(t.dir).length === 0, 5000, 'the spill files to close');
    expect(await t.capture.getStats()).toMatchObject({ frames: 0, spilledBytes: 0 });
  });

  it('writes copied payload bytes to the spill file first; memory takes them with no disk budget or a failed disk; all read back exactly', async () => {
    const payloads = Array.from({ length: 300 }, (_, i) => {
      const p = new Uint8Array(1024);
      for (let j = 0; j < p.length; j++) p[j] = (i * 7 + j * 13) & 0xff;
      return p;
    });
    const readBack = async (): Promise<void> => {
      const stats = await t.capture.getStats();
      expect(stats.frames).toBe(payloads.length);
      for (let i = 0; i < payloads.length; i++) {
        const detail = await t.capture.getFrame(stats.firstFrameId + i);
        expect(detail.payloadTruncated).toBe(false);
        expect(Buffer.from(detail.payload).equals(Buffer.from(payloads[i]!))).toBe(true);
      }
    };
    // Default budget: a 1 KiB frame keeps its 8-byte header in memory, its payload in the spill file.
    t = startCapture();
    for (const p of payloads) recorder().rec.push(frame(2, p), 1);
    const cold = payloads.length * 1024;
    expect((await t.capture.getStats()).spilledBytes).toBe(cold);
    await readBack();
    await t.close();
    // No disk budget: the same bytes stay in memory.
    t = startCapture({ budget: { diskBytes: 0 } });
    for (const p of payloads) recorder().rec.push(frame(2, p), 1);
    expect((await t.capture.getStats()).spilledBytes).toBe(0);
    await readBack();
    await t.close();
    // The data folder is gone, so no spill file can be made: nothing is lost, memory takes the bytes.
    t = startCapture();
    rmSync(t.dir, { recursive: true, force: true });
    for (const p of payloads) recorder().rec.push(frame(2, p), 1);
    expect((await t.capture.getStats()).spilledBytes).toBe(0);
    await readBack();
  });

  it('clears frames and finished connections but keeps live ones; pausing stops recording only', async () => {
    t = startCapture();
    const events: EngineEvent[] = [];
    t.bus.subscribe((batch) => events.push(...batch));
    const live = recorder();
    const done = recorder();
    t.capture.store.closed(done.record, 2);
    live.rec.push(frame(1, 'one'), 1);
    await t.capture.clearCapture();
    expect((await t.capture.listConnections()).map((c) => c.id)).toEqual([live.record.summary.id]);
    await waitFor(() => events.some((e) => e.type === 'capture-deltas' && e.deltas.some((d) => d.type === 'cleared' && d.nextFrameId === 1)), 2000, 'cleared event');
    await t.capture.setCapturePaused(true);
    live.rec.push(frame(1, 'unseen'), 2);
    expect((await t.capture.getStats()).frames).toBe(0);
    await t.capture.setCapturePaused(false);
    live.rec.push(frame(1, 'two', { fin: false }), 3);
    live.rec.push(frame(0, ' parts'), 4);
    // Ids go on after Clear (frame 0 is gone, never reused); the pause left a gap row (id 1).
    const page = await t.capture.queryFrames({ start: 0, count: 5 });
    expect(page.rows.map((r) => [r.id, r.index, r.preview])).toEqual([
      [1, 0, '1 frame passed while paused; not recorded'],
      [2, 2, 'two'],
      [3, 3, ' parts'],
    ]);
    expect(page.rows[0]!.gap).toEqual({ frames: 1, reason: 'paused' });
    expect(new TextDecoder().decode((await t.capture.getFrame(3)).message!.payload)).toBe('two parts');
    await expect(t.capture.getFrame(0)).rejects.toMatchObject({ code: 'not-found' });
    expect(live.record.summary.counters.client.frames).toBe(4);
  });

  it('coalesces a burst of frames into a bounded number of renderer events', async () => {
    t = startCapture();
    t.bus.close();
    const { EventBus } = await import('../event-bus');
    const bus = new EventBus();
    const { CaptureService } = await import('./capture-service');
    const capture = new CaptureService({ bus, dataDir: t.dir });
    let captureEvents = 0;
    bus.subscribe((batch) => (captureEvents += batch.filter((e) => e.type === 'capture-deltas').length));
    const record = capture.store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://burst/', client: { address: '127.0.0.1', port: 1 }, openedAt: 1 });
    const rec = new WsDirectionRecorder(capture.store, record, 'client', null);
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) {
      rec.push(frame(1, `burst ${i}`), i);
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    await waitFor(async () => (await capture.getStats()).frames === 20_000, 5000, 'frames');
    await new Promise((r) => setTimeout(r, EVENT_FLUSH_INTERVAL_MS * 2));
    const elapsed = performance.now() - started;
    expect(captureEvents).toBeGreaterThan(0);
    expect(captureEvents).toBeLessThanOrEqual(Math.ceil(elapsed / EVENT_FLUSH_INTERVAL_MS) + 1);
    await capture.close();
    bus.close();
  });
});
