// The frame record is written as a template (capture-records.ts) for speed: it must still be the
// JSON of the record — every field, right types, violations included — for masked and unmasked,
// small and multi-piece frames.
import { afterEach, describe, expect, it } from 'vitest';
import { OPCODE_BINARY, OPCODE_TEXT } from '../../../shared/protocol/index';
import { startCapture, type TestCapture } from '../proxy/test-peers';
import { DATA_PIECE, frameLines } from './capture-records';
import { frameDetail } from './frame-detail';
import { recordMessages } from './files-test-kit';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('frame records', () => {
  it('are the JSON of each frame, payload split into data pieces', async () => {
    const t: TestCapture = startCapture();
    cleanups.push(() => t.close());
    const big = Buffer.alloc(DATA_PIECE * 2 + 5, 7);
    recordMessages(t, [
      { from: 'client', opcode: OPCODE_TEXT, payload: Buffer.from('hi') },
      { from: 'server', opcode: OPCODE_BINARY, payload: big },
      { from: 'client', opcode: 3, payload: Buffer.from('reserved opcode: a violation') },
    ]);
    const store = t.capture.store;
    for (let id = store.frames.firstId; id < store.frames.nextId; id++) {
      const lines = [...frameLines(store, id)].map((l) => JSON.parse(l) as Record<string, unknown>);
      const d = frameDetail(store.frames, id);
      const s = d.summary;
      expect(lines[0]).toEqual({
        type: 'frame', id, connection: s.connectionId, from: s.from, index: s.index, time: s.time, offset: s.offset,
        fin: s.fin, rsv1: s.rsv1, rsv2: s.rsv2, rsv3: s.rsv3, opcode: s.opcode, masked: s.masked,
        maskKey: d.maskKey === null ? null : Buffer.from(d.maskKey).toString('base64'),
        payloadLength: s.payloadLength, headerLength: s.headerLength, header: Buffer.from(d.headerBytes).toString('base64'),
        kept: d.payload.length, payload: Buffer.from(d.payload.subarray(0, DATA_PIECE)).toString('base64'),
        messageId: s.messageId, injected: s.injected, incomplete: s.incomplete, violations: JSON.parse(JSON.stringify(d.violations)),
      });
      const data = lines.slice(1);
      expect(data.map((l) => l.offset)).toEqual(id === 1 ? [DATA_PIECE, 2 * DATA_PIECE] : []);
      const whole = Buffer.concat([lines[0]!.payload, ...data.map((l) => l.bytes)].map((b) => Buffer.from(b as string, 'base64')));
      expect(whole.equals(Buffer.from(d.payload))).toBe(true);
    }
    expect(frameDetail(store.frames, 2).violations.length).toBeGreaterThan(0);
  });
});
