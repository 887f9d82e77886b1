// `--out` writes each frame as the store records it (CaptureStore.tap), Save capture reads it back
// from the store (capture-records.ts frameLines): the two must write the very same bytes. And a
// file that cannot be written stops, says why, and never disturbs the capture.
import { closeSync, fstatSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPCODE_BINARY, OPCODE_TEXT } from '../../../shared/protocol/index';
import { startCapture, type TestCapture } from '../proxy/test-peers';
import { DATA_PIECE, frameLines } from '../capture/capture-records';
import { recordMessages } from '../capture/files-test-kit';
import { CaptureFile } from './capture-file';

const MESSAGES = [
  { from: 'client' as const, opcode: OPCODE_TEXT, payload: Buffer.from('hi, ünïcode ✓') },
  { from: 'server' as const, opcode: OPCODE_BINARY, payload: Buffer.alloc(DATA_PIECE * 2 + 5, 7) },
  { from: 'client' as const, opcode: OPCODE_BINARY, payload: Buffer.from(Array.from({ length: 300 }, (_, i) => i & 0xff)) },
  // A reserved opcode: a violation whose words go into the record; decoding stops after it.
  { from: 'server' as const, opcode: 3, payload: Buffer.from('reserved opcode') },
];

describe('framescope capture --out', () => {
  let t: TestCapture;
  afterEach(() => t.close());

  it('writes byte for byte what Save capture writes for the same frames', () => {
    t = startCapture();
    const path = join(t.dir, 'out.jsonl');
    const file = CaptureFile.create(path);
    const unfollow = file.follow(t.capture.store);
    recordMessages(t, MESSAGES);
    unfollow();
    file.close();
    expect(file.error).toBeNull();
    const store = t.capture.store;
    const saved: string[] = [];
    for (let id = store.frames.firstId; id < store.frames.nextId; id++) saved.push(...frameLines(store, id));
    const written = readFileSync(path, 'utf8').split('\n').slice(1, -1).map((l) => `${l}\n`);
    expect(saved.length).toBe(6); // 4 frame records, 2 data records of the large one
    expect(written).toEqual(saved);
    expect(saved.some((l) => l.includes('"violations":[{'))).toBe(true);
  });

  it('stops writing when the file fails, says why, and the capture records on', () => {
    t = startCapture();
    const path = join(t.dir, 'out.jsonl');
    const file = CaptureFile.create(path);
    const unfollow = file.follow(t.capture.store);
    // Take the file's descriptor away behind its back: every later write fails (EBADF).
    const fd = readdirSync('/proc/self/fd').map(Number).find((n) => {
      try {
        return readlinkSync(`/proc/self/fd/${n}`) === path;
      } catch {
        return false;
      }
    });
    // The descriptor found is the capture file's: it holds the header line written so far.
    expect(fstatSync(fd!).ino).toBe(statSync(path).ino);
    closeSync(fd!);
    const big = Buffer.alloc(1 << 20, 1); // more than half a batch: written at once
    expect(() => recordMessages(t, [{ from: 'server', opcode: OPCODE_BINARY, payload: big }, { from: 'client', opcode: OPCODE_TEXT, payload: Buffer.from('after') }])).not.toThrow();
    unfollow();
    file.close();
    expect(file.error?.message).toMatch(/EBADF/);
    expect(t.capture.store.frames.frames).toBe(2);
  });
});
