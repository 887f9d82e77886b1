// Issue 12's proof: hostile files are refused with a clear message in bounded memory, and the
// engine stays alive meanwhile (its event loop keeps turning): 1.6M connection records, and a
// deflate bomb (small compressed messages that inflate to 16 MiB each).
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildFrame, computeAccept } from '../../../shared/protocol/index';
import { RAW_KEY, RAW_UPGRADE } from '../proxy/test-peers';
import { IMPORT_CAPS } from './capture-import';
import { openFile, useFilesKits } from './files-test-kit';

const kit = useFilesKits();

/** Largest gap between event-loop turns while `run` goes on, in ms. */
async function longestStall<T>(run: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  const [result] = await Promise.allSettled([run()]);
  clearInterval(timer);
  return { result: result!, stall };
}

async function writeLines(path: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) if (!out.write(line(i))) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

describe('opening hostile capture files', () => {
  it('refuses 1.6M connection records in words, stays responsive, and adds nothing', async () => {
    const k = kit();
    const path = join(k.dir, 'many.jsonl');
    await writeLines(path, 1_600_000, (i) => `{"type":"connection","id":${i},"url":"ws://a/","openedAt":0}\n`);
    const bytes = readFileSync(path);
    const heapBefore = process.memoryUsage().heapUsed;
    const { result, stall } = await longestStall(() => openFile(k.files, 'many.jsonl', bytes));
    expect(result.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'limit', message: `many.jsonl has more than ${IMPORT_CAPS.connections.toLocaleString('en-US')} connections; Framescope opens captures up to that many.` });
    expect(stall).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1048576);
    expect((await k.capture.getStats()).connections).toBe(0);
  }, 120_000);

  it('stops a deflate bomb at the growth cap, in words, with the engine alive', async () => {
    const k = kit();
    const ext = '\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n';
    const request = RAW_UPGRADE.replace('\r\n\r\n', ext);
    const response = `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${computeAccept(RAW_KEY)}${ext}`;
    // 16 MiB of zeros deflates to ~16 KiB; RFC 7692 §7.2.1: the sender drops the 00 00 ff ff tail.
    const z = deflateRawSync(Buffer.alloc(16 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
    const bomb = z.subarray(0, z.length - 4);
    const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
    const lines = [
      JSON.stringify({ type: 'capture', format: 'framescope', version: 2, bytes: 'base64', frameBudget: 64 << 20 }),
      JSON.stringify({ type: 'connection', id: 1, kind: 'websocket', url: 'ws://a/', openedAt: 0, handshake: { request: { raw: b64(Buffer.from(request)) }, response: { raw: b64(Buffer.from(response)) } } }),
    ];
    const frame = buildFrame({ fin: true, rsv1: true, rsv2: false, rsv3: false, opcode: 2, mask: false, payload: bomb });
    for (let i = 0; i < 400; i++) {
      lines.push(JSON.stringify({ type: 'frame', id: i, connection: 1, from: 'server', time: i, fin: true, rsv1: true, rsv2: false, rsv3: false, opcode: 2, masked: false, maskKey: null, payloadLength: bomb.length, headerLength: frame.bytes.length - bomb.length, kept: bomb.length, payload: b64(bomb) }));
    }
    const file = Buffer.from(lines.join('\n'));
    expect(file.length).toBeLessThan(10 << 20); // ~6.4 GiB once inflated
    const { result, stall } = await longestStall(() => openFile(k.files, 'bomb.jsonl', file));
    expect(result.status).toBe('rejected');
    const cap = IMPORT_CAPS.storedBytes(file.length);
    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'limit', message: expect.stringMatching(/^bomb\.jsonl grew the capture by more than 256 MiB \(its messages inflate far beyond the file's .* MiB\)\. Framescope stopped opening it after \d+ frames\.$/) });
    const stats = await k.capture.getStats();
    expect(stats.memoryBytes + stats.spilledBytes).toBeLessThan(cap + (64 << 20));
    // Each message is one 16 MiB inflate plus the store's synchronous spill write of it: the loop
    // still turns between messages (it was blocked for 24 s before), even on a loaded machine.
    expect(stall).toBeLessThan(2500);
    // What was read ends closed, and the engine still answers.
    const [conn] = await k.capture.listConnections();
    expect(conn!.state).toBe('closed');
  }, 120_000);
});
