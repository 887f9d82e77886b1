// Every byte kept and readable at any size (issue 11): a frame larger than memory is read back
// page by page from the spill file, exactly; a message in many fragments is reassembled page by
// page, and finding its first frame does not walk the chain; sizes shown are the true ones.
import { afterEach, describe, expect, it } from 'vitest';
import { PAYLOAD_PAGE_BYTES } from '../../../shared/api/capture';
import { buildFrame } from '../../../shared/protocol/index';
import { startCapture, type TestCapture } from '../proxy/test-peers';
import { WsDirectionRecorder } from './ws-recorder';

const MIB = 1024 * 1024;

function pattern(n: number, seed: number): Uint8Array {
  const p = new Uint8Array(n);
  for (let i = 0; i < n; i++) p[i] = (i * 131 + seed) & 0xff;
  return p;
}

function frame(opcode: number, payload: Uint8Array, fin = true): Uint8Array {
  return buildFrame({ fin, rsv1: false, rsv2: false, rsv3: false, opcode, mask: true, maskKey: new Uint8Array([5, 6, 7, 8]), payload }).bytes;
}

describe('reading payloads page by page', () => {
  let t: TestCapture;
  afterEach(async () => {
    await t.close();
  });

  function recorder() {
    const store = t.capture.store;
    const record = store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://pages/', client: { address: '127.0.0.1', port: 1 }, openedAt: 1 });
    store.opened(record);
    // A decoder that keeps up to 8 MiB per frame, so the whole payload reaches the store.
    return new WsDirectionRecorder(store, record, 'client', null, 8 * MIB);
  }

  async function readAll(frameId: number, part: 'frame' | 'message'): Promise<{ total: number; kept: number; bytes: Uint8Array }> {
    const pages: Uint8Array[] = [];
    let offset = 0;
    for (;;) {
      const chunk = await t.capture.readPayload({ frameId, part, offset, length: 64 * MIB });
      expect(chunk.bytes.length).toBeLessThanOrEqual(PAYLOAD_PAGE_BYTES);
      expect(chunk.offset).toBe(offset);
      pages.push(chunk.bytes);
      offset += chunk.bytes.length;
      if (chunk.bytes.length === 0 || offset >= chunk.kept) return { total: chunk.total, kept: chunk.kept, bytes: Buffer.concat(pages) };
    }
  }

  it('reads a frame spilled to disk back exactly, a page at a time, with its true size', async () => {
    t = startCapture({ budget: { memoryBytes: 4 * MIB } });
    const rec = recorder();
    const payload = pattern(5 * MIB + 3, 1);
    rec.push(frame(2, payload), 1);
    const stats = await t.capture.getStats();
    expect(stats.spilledBytes).toBeGreaterThan(4 * MIB);
    const read = await readAll(0, 'frame');
    expect([read.total, read.kept]).toEqual([payload.length, payload.length]);
    expect(Buffer.from(read.bytes).equals(Buffer.from(payload))).toBe(true);
    // A page from the middle, and one past the end.
    const middle = await t.capture.readPayload({ frameId: 0, part: 'frame', offset: 3 * MIB + 7, length: 10 });
    expect(Array.from(middle.bytes)).toEqual(Array.from(payload.subarray(3 * MIB + 7, 3 * MIB + 17)));
    expect((await t.capture.readPayload({ frameId: 0, part: 'frame', offset: payload.length, length: 10 })).bytes.length).toBe(0);
    // The detail stays small and says the payload is longer than what it carries.
    const detail = await t.capture.getFrame(0);
    expect(detail.payload.length).toBeLessThanOrEqual(MIB);
    expect(detail.payloadKept).toBe(payload.length);
    expect(detail.payloadTruncated).toBe(true);
    await expect(t.capture.readPayload({ frameId: 0, part: 'frame', offset: -1, length: 1 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.capture.readPayload({ frameId: 99, part: 'frame', offset: 0, length: 1 })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reassembles a message of 20,000 fragments page by page, and finds its first frame at once', async () => {
    t = startCapture();
    const rec = recorder();
    const n = 20_000;
    const parts: Uint8Array[] = [];
    const wire: Uint8Array[] = [];
    for (let i = 0; i < n; i++) {
      const p = pattern(100, i);
      parts.push(p);
      wire.push(frame(i === 0 ? 2 : 0, p, i === n - 1));
    }
    rec.push(Buffer.concat(wire), 1);
    const last = n - 1;
    const started = performance.now();
    const rows = await t.capture.queryFrames({ start: n - 200, count: 200 });
    const pageMs = performance.now() - started;
    expect(rows.rows.every((r) => r.messageId === 0)).toBe(true);
    // 200 previews of continuation frames: each finds the first frame with one lookup (was: a walk).
    expect(pageMs).toBeLessThan(1000);
    const detail = await t.capture.getFrame(last);
    expect(detail.message).toMatchObject({ messageId: 0, frameCount: n, length: 100 * n, messageLength: 100 * n, opcode: 2 });
    expect(detail.message!.frameIds.length).toBeLessThanOrEqual(1000);
    const read = await readAll(last, 'message');
    expect(read.total).toBe(100 * n);
    expect(Buffer.from(read.bytes).equals(Buffer.concat(parts))).toBe(true);
    // A frame of the message reads its own payload only.
    expect(Array.from((await t.capture.readPayload({ frameId: 5, part: 'frame', offset: 0, length: 1000 })).bytes)).toEqual(Array.from(parts[5]!));
  });
});
