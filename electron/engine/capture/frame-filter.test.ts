// Filters match whole payloads: a word at the end of a 20 MiB message, a word split across the
// fragments of a message; scans yield to the event loop with progress, can be cancelled, and a
// regex that would backtrack for ages elsewhere runs in linear time (RE2JS).
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchProgressEvent } from '../../../shared/api/search';
import { OPCODE_PING, OPCODE_TEXT, buildFrame } from '../../../shared/protocol/index';
import { startCapture, waitFor, type TestCapture } from '../proxy/test-peers';
import { recordMessages } from './files-test-kit';
import { WsDirectionRecorder } from './ws-recorder';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function capture(): { t: TestCapture; events: SearchProgressEvent[] } {
  const t = startCapture();
  cleanups.push(() => t.close());
  const events: SearchProgressEvent[] = [];
  t.capture.store.filters.onProgress = (e) => events.push(e);
  return { t, events };
}

const rowsOf = async (t: TestCapture, text: string, regex = false) => (await t.capture.queryFrames({ filter: { text, regex }, start: 0, count: 100 })).rows.map((r) => r.id);

describe('whole-payload filters', () => {
  it('finds a word at the end of a 20 MiB message, with progress, the engine turning meanwhile', async () => {
    const { t, events } = capture();
    const big = Buffer.from(`${'lorem ipsum '.repeat(1_800_000)}zanzibar`);
    recordMessages(t, [
      { from: 'client', opcode: OPCODE_TEXT, payload: Buffer.from('small talk') },
      { from: 'server', opcode: OPCODE_TEXT, payload: big },
    ]);
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const first = await rowsOf(t, 'ZANZIBAR'); // case-insensitive, like the preview filter was
    await waitFor(() => events.some((e) => e.done), 60_000, 'search done');
    clearInterval(timer);
    expect(first).toEqual([]); // the first answer came before the scan reached the big message
    expect(turns).toBeGreaterThan(2);
    expect(await rowsOf(t, 'ZANZIBAR')).toEqual([1]);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ done: true, cancelled: false, scanned: 2, total: 2, matches: 1, filter: { text: 'ZANZIBAR' } });
    expect(await rowsOf(t, 'small')).toEqual([0]);
  }, 120_000);

  it('matches a message across its fragments, on the frame that completes it', async () => {
    const { t } = capture();
    const store = t.capture.store;
    const record = store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://a/', client: { address: '', port: 0 }, openedAt: 0 });
    const rec = new WsDirectionRecorder(store, record, 'server', null);
    rec.push(buildFrame({ fin: false, rsv1: false, rsv2: false, rsv3: false, opcode: OPCODE_TEXT, mask: false, payload: Buffer.from('hello wor') }).bytes, 1);
    rec.push(buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 0, mask: false, payload: Buffer.from('ld!') }).bytes, 2);
    expect(await rowsOf(t, 'world')).toEqual([1]);
    expect(await rowsOf(t, 'hello')).toEqual([0, 1]); // the first fragment holds it too
    expect(await rowsOf(t, 'w.r+ld', true)).toEqual([1]);
  });

  it('runs a catastrophic regex in linear time and refuses a broken one in words', async () => {
    const { t, events } = capture();
    recordMessages(t, [{ from: 'client', opcode: OPCODE_TEXT, payload: Buffer.from(`${'a'.repeat(200_000)}b`) }]);
    const started = performance.now();
    await rowsOf(t, '(a+)+$', true);
    await waitFor(() => events.some((e) => e.done) || events.length === 0, 30_000, 'regex done');
    expect(await rowsOf(t, '(a+)+$', true)).toEqual([]);
    expect(await rowsOf(t, '(a+)+b$', true)).toEqual([0]);
    expect(performance.now() - started).toBeLessThan(10_000);
    await expect(rowsOf(t, 'a(b', true)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('not a valid regular expression') });
  });

  it('cancels a long scan: rows so far stay, the progress says cancelled', async () => {
    const { t, events } = capture();
    const store = t.capture.store;
    const record = store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://a/', client: { address: '', port: 0 }, openedAt: 0 });
    const rec = new WsDirectionRecorder(store, record, 'server', null);
    const one = buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: OPCODE_TEXT, mask: false, payload: Buffer.from('needle in a haystack of frames') }).bytes;
    rec.push(Buffer.concat(Array.from({ length: 400_000 }, () => one)), 1);
    await rowsOf(t, 'needle');
    await waitFor(() => events.length > 0, 10_000, 'a running scan');
    await t.capture.store.filters.cancelSearch();
    const last = events.at(-1)!;
    expect(last).toMatchObject({ done: true, cancelled: true, total: 400_000 });
    expect(last.scanned).toBeLessThan(400_000);
    const page = await t.capture.queryFrames({ filter: { text: 'needle' }, start: 0, count: 1 });
    expect(page.total).toBe(last.matches);
  }, 120_000);

  it('scans a field filter over a big capture in slices for the table, whole for the timeline', async () => {
    const { t, events } = capture();
    const store = t.capture.store;
    store.filters.queryScanMs = 0; // answer after the first 256 frames, whatever this machine's speed
    const record = store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://a/', client: { address: '', port: 0 }, openedAt: 0 });
    const rec = new WsDirectionRecorder(store, record, 'server', null);
    const text = buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: OPCODE_TEXT, mask: false, payload: Buffer.from('t') }).bytes;
    const ping = buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: OPCODE_PING, mask: false, payload: Buffer.from('p') }).bytes;
    // 300,000 frames, every tenth a ping.
    rec.push(Buffer.concat(Array.from({ length: 300_000 }, (_, i) => (i % 10 === 9 ? ping : text))), 1);
    const pings = { opcodes: [OPCODE_PING] };

    const first = await t.capture.queryFrames({ filter: pings, start: 0, count: 5, progressive: true });
    expect(first.total).toBeLessThan(30_000); // a partial answer: the scan goes on in slices
    expect(first.rows.map((r) => r.id).slice(0, 2)).toEqual([9, 19]);
    await waitFor(() => events.some((e) => e.done), 30_000, 'the scan to finish');
    expect(events.at(-1)).toMatchObject({ done: true, cancelled: false, total: 300_000, scanned: 300_000, matches: 30_000 });
    expect((await t.capture.queryFrames({ filter: pings, start: 0, count: 1, progressive: true })).total).toBe(30_000);

    // Cancelled half way, a complete read (the timeline's) still gets every row.
    const closes = { opcodes: [OPCODE_PING], from: 'server' as const };
    await t.capture.queryFrames({ filter: closes, start: 0, count: 1, progressive: true });
    await store.filters.cancelSearch();
    expect(events.at(-1)).toMatchObject({ cancelled: true });
    expect((await t.capture.queryFrames({ filter: closes, start: 0, count: 1 })).total).toBe(30_000);
    expect(await t.capture.locateFrame({ filter: closes, frameId: 299_999 })).toBe(29_999);
  }, 120_000);
});
