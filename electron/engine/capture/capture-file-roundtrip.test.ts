// Save and open: real traffic through a real reverse proxy to a ws echo server (with
// permessage-deflate, fragments, a ping and a close), exported as JSON Lines and imported into a
// fresh CaptureService must give the same frames; broken files keep what can be read; version-1
// files (hex bytes, no header) still open.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FrameDetail } from '../../../shared/model';
import { decodeUtf8 } from '../../../shared/protocol/index';
import { DATA_PIECE } from './capture-records';
import { recordQueueOf } from './record-queue';
import { CAPTURE_FRAME_BUDGET } from './ws-recorder';
import { startCapture, startWsServer, waitFor, type TestCapture } from '../proxy/test-peers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function capture(): TestCapture {
  const t = startCapture();
  cleanups.push(() => t.close());
  return t;
}

async function liveTraffic(t: TestCapture): Promise<void> {
  const server = await startWsServer({ perMessageDeflate: { threshold: 0 } });
  cleanups.push(() => server.close());
  server.wss.on('connection', (ws) => ws.on('message', (data: Buffer, binary) => ws.send(data, { binary })));
  const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/echo` });
  const client = new WebSocket(proxy.address, { perMessageDeflate: { threshold: 0 } });
  cleanups.push(() => client.terminate());
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
  let replies = 0;
  client.on('message', () => replies++);
  client.send('hello, file');
  client.send(Buffer.from([0, 1, 2, 255]), { binary: true });
  client.send('part one ', { fin: false });
  client.send('part two', { fin: true });
  client.ping('still there?');
  await waitFor(() => replies === 3, 5000, 'echoes');
  client.close(1000, 'done');
  await waitFor(async () => (await t.capture.listConnections()).every((c) => c.state === 'closed'), 5000, 'close');
  // Compressed messages inflate off the event loop and are recorded when they settle, which can be
  // after the close: the export and the frames read below must see the same capture.
  await recordQueueOf(t.capture.store).settled();
}

async function allFrames(t: TestCapture): Promise<FrameDetail[]> {
  const page = await t.capture.queryFrames({ start: 0, count: 1000 });
  return Promise.all(page.rows.map((r) => t.capture.getFrame(r.id)));
}

/** What must survive a round trip: everything but ids and times. */
function essence(f: FrameDetail) {
  const s = f.summary;
  return {
    from: s.from,
    index: s.index,
    offset: s.offset,
    flags: [s.fin, s.rsv1, s.rsv2, s.rsv3, s.masked, s.injected, s.incomplete],
    opcode: s.opcode,
    payloadLength: s.payloadLength,
    header: Buffer.from(f.headerBytes).toString('hex'),
    payload: Buffer.from(f.payload).toString('hex'),
    preview: s.preview,
    message: f.message ? decodeUtf8(f.message.payload) : null,
    close: f.close,
    violations: f.violations,
  };
}

describe('capture files', () => {
  it('round-trips real traffic: same frames, messages, inflation and connection', async () => {
    const live = capture();
    await liveTraffic(live);
    const saved = await live.capture.exportCapture({});
    const before = await allFrames(live);
    expect(before.length).toBeGreaterThanOrEqual(10);
    expect(before.some((f) => f.summary.rsv1)).toBe(true); // deflate really was in use

    const fresh = capture();
    const result = await fresh.capture.importCapture({ name: 'saved.jsonl', bytes: saved });
    expect(result).toEqual({ connections: 1, frames: before.length, skipped: 0 });
    const after = await allFrames(fresh);
    expect(after.map(essence)).toEqual(before.map(essence));
    expect(after.map((f) => f.summary.time)).toEqual(before.map((f) => f.summary.time));
    const texts = after.filter((f) => f.message?.compressed).map((f) => decodeUtf8(f.message!.payload));
    expect(texts).toContain('part one part two');

    const [orig] = await live.capture.listConnections();
    const [copy] = await fresh.capture.listConnections();
    expect(copy).toMatchObject({ source: orig!.source, state: 'closed', url: orig!.url, closeCode: 1000, closeReason: 'done', counters: orig!.counters });
    expect(copy!.extensions).toBe(orig!.extensions);
    const detail = await fresh.capture.getConnection(copy!.id);
    expect(detail.handshake.accept?.ok).toBe(true);

    // One connection's export is the same lines as the whole capture here, and reads back equally.
    const one = await live.capture.exportCapture({ connectionId: orig!.id });
    expect(Buffer.from(one).toString()).toBe(Buffer.from(saved).toString());
  });

  it('keeps what it can read from garbage and a file cut in half', async () => {
    const live = capture();
    await liveTraffic(live);
    const text = Buffer.from(await live.capture.exportCapture({})).toString();
    const lines = text.split('\n').filter(Boolean);
    const frameLines = lines.filter((l) => l.includes('"type":"frame"'));
    const garbage = [
      lines[0], // the header
      lines[1], // the connection
      'not json at all',
      '{"type":"frame","connection":1,"from":"client","opcode":"text"}',
      '[1,2,3]',
      '{"type":"bogus"}',
      frameLines[0],
      frameLines[1]!.replace(/"payload":"[^"]*"/, '"payload":"zz"'),
      frameLines[2]!.slice(0, Math.floor(frameLines[2]!.length / 2)), // cut off mid-write
    ].join('\n');
    const fresh = capture();
    const result = await fresh.capture.importCapture({ name: 'broken.jsonl', bytes: Buffer.from(garbage) });
    expect(result).toEqual({ connections: 1, frames: 1, skipped: 6 });
    const [frame] = await allFrames(fresh);
    expect(decodeUtf8(frame!.message!.payload)).toBe('hello, file'); // inflated like live traffic
    const [conn] = await fresh.capture.listConnections();
    expect(conn!.state).toBe('closed');
  });

  it('refuses a file with nothing usable, in words', async () => {
    const fresh = capture();
    await expect(fresh.capture.importCapture({ name: 'notes.txt', bytes: Buffer.from('hello\nworld\n') })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('notes.txt holds no Framescope capture (2 lines could not be read)'),
    });
    await expect(fresh.capture.importCapture({ name: 'empty.jsonl', bytes: new Uint8Array(0) })).rejects.toMatchObject({ code: 'invalid' });
    expect((await fresh.capture.getStats()).connections).toBe(0);
  });

  it('keeps the true length of a payload cut at the capture budget', async () => {
    const live = capture();
    await liveTraffic(live);
    const lines = Buffer.from(await live.capture.exportCapture({})).toString().split('\n').filter(Boolean);
    // Pretend the first client frame was 5 MiB of which the file kept the budget's worth (1 MiB).
    const i = lines.findIndex((l) => l.includes('"type":"frame"'));
    const kept = Buffer.alloc(CAPTURE_FRAME_BUDGET, 0xab);
    const rec = JSON.parse(lines[i]!);
    Object.assign(rec, { opcode: 2, rsv1: false, payloadLength: 5 * 1048576, headerLength: 14, kept: kept.length, payload: kept.subarray(0, DATA_PIECE).toString('base64') });
    const data = [];
    for (let at = DATA_PIECE; at < kept.length; at += DATA_PIECE) data.push(JSON.stringify({ type: 'data', frame: rec.id, offset: at, bytes: kept.subarray(at, at + DATA_PIECE).toString('base64') }));
    const short = { ...rec, kept: 2, payload: Buffer.from('cafe', 'hex').toString('base64') }; // cut shorter than the budget: zeros would pose as data
    const fresh = capture();
    const result = await fresh.capture.importCapture({ name: 'big.jsonl', bytes: Buffer.from([...lines.slice(0, i), JSON.stringify(rec), ...data].join('\n')) });
    expect(result).toMatchObject({ frames: 1, skipped: 0 });
    const [first] = await allFrames(fresh);
    expect(first!.summary.payloadLength).toBe(5 * 1048576);
    expect(first!.payloadTruncated).toBe(true);
    expect(Buffer.from(first!.payload).equals(kept)).toBe(true);
    const other = capture();
    const refused = await other.capture.importCapture({ name: 'short.jsonl', bytes: Buffer.from([...lines.slice(0, i), JSON.stringify(short)].join('\n')) });
    expect(refused).toMatchObject({ frames: 0, skipped: 1 });
  });

  it('opens version-1 files: hex bytes, no header, frames before their connection', async () => {
    const live = capture();
    await liveTraffic(live);
    const before = await allFrames(live);
    const lines = Buffer.from(await live.capture.exportCapture({})).toString().split('\n').filter(Boolean).slice(1);
    const hex = (v: unknown) => (typeof v === 'string' ? Buffer.from(v, 'base64').toString('hex') : v);
    const v1 = lines.map((l) => {
      const r = JSON.parse(l);
      if (r.type === 'frame') {
        for (const k of ['maskKey', 'header', 'payload']) r[k] = hex(r[k]);
        delete r.kept;
        r.payloadTruncated = false;
      }
      if (r.type === 'connection') for (const h of ['request', 'response']) if (r.handshake[h]) r.handshake[h].raw = hex(r.handshake[h].raw);
      if (r.type === 'http') for (const k of ['requestHead', 'responseHead']) r[k] = hex(r[k]);
      return JSON.stringify(r);
    });
    // `framescope capture --out` of version 1 wrote a connection after its frames.
    const reordered = [...v1.filter((l) => !l.includes('"type":"connection"')), ...v1.filter((l) => l.includes('"type":"connection"'))];
    const fresh = capture();
    const result = await fresh.capture.importCapture({ name: 'old.jsonl', bytes: Buffer.from(reordered.join('\n')) });
    expect(result).toEqual({ connections: 1, frames: before.length, skipped: 0 });
    expect((await allFrames(fresh)).map(essence)).toEqual(before.map(essence));
  });
});
