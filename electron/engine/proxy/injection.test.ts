// Injection at frame boundaries, with raw peers so every byte order is known: crafted frames that
// arrive while a frame is mid-way (in its payload, or in its header) wait for its last byte, and go
// out before the rest of the chunk that completed it. Both directions; paused capture too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { buildFrame, encodeUtf8 } from '../../../shared/protocol/index';
import { rawWsClient, rawWsServer, startCapture, waitFor, type TestCapture } from './test-peers';

const KEY = new Uint8Array([0x11, 0x22, 0x33, 0x44]);
function frame(opcode: number, payload: Uint8Array, mask: boolean): Buffer {
  return Buffer.from(buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode, mask, maskKey: KEY, payload }).bytes);
}

describe('injection', () => {
  let t: TestCapture;
  let serverSocket: Promise<{ socket: Socket; received: () => Buffer }>;
  let closeServer: () => Promise<void>;
  let connectionId: number;
  let client: Awaited<ReturnType<typeof rawWsClient>>;

  beforeEach(async () => {
    t = startCapture();
    let resolveSocket!: (v: { socket: Socket; received: () => Buffer }) => void;
    serverSocket = new Promise((r) => (resolveSocket = r));
    const server = await rawWsServer((socket, received) => resolveSocket({ socket, received }));
    closeServer = server.close;
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/` });
    client = await rawWsClient(proxy.listenPort);
    connectionId = (await t.capture.listConnections())[0]!.id;
  });
  afterEach(async () => {
    client.socket.destroy();
    await closeServer();
    await t.close();
  });

  it('waits for the end of a payload that is mid-way, then goes in before the next frame', async () => {
    const { socket } = await serverSocket;
    const payload = Buffer.alloc(1000, 0x61);
    const big = frame(2, payload, false);
    const after = frame(1, encodeUtf8('next'), false);
    socket.write(big.subarray(0, 504));
    await waitFor(() => client.frames().length === 504, 5000, 'first half');
    const crafted = frame(1, encodeUtf8('crafted'), false);
    const injected = t.capture.inject({ connectionId, from: 'server', bytes: crafted });
    // The rest of the big frame and the next frame arrive in one chunk: it must be split.
    socket.write(Buffer.concat([big.subarray(504), after]));
    const { firstFrameId } = await injected;
    await waitFor(() => client.frames().length === big.length + crafted.length + after.length, 5000, 'all bytes');
    expect(client.frames().equals(Buffer.concat([big, crafted, after]))).toBe(true);
    const page = await t.capture.queryFrames({ filter: { connectionId, from: 'server' }, start: 0, count: 10 });
    expect(page.rows.map((r) => [r.preview.slice(0, 7), r.injected])).toEqual([
      ['61 61 6', false],
      ['crafted', true],
      ['next', false],
    ]);
    expect(firstFrameId).toBe(page.rows[1]!.id);
  });

  it('waits for a header that is mid-way (its length not even known yet)', async () => {
    const { socket } = await serverSocket;
    const hello = frame(1, encodeUtf8('hello'), false);
    socket.write(hello.subarray(0, 1));
    await waitFor(() => client.frames().length === 1, 5000, 'first byte');
    const crafted = frame(9, encodeUtf8('ping?'), false);
    const injected = t.capture.inject({ connectionId, from: 'server', bytes: crafted });
    socket.write(hello.subarray(1));
    await injected;
    await waitFor(() => client.frames().length === hello.length + crafted.length, 5000, 'all bytes');
    expect(client.frames().equals(Buffer.concat([hello, crafted]))).toBe(true);
  });

  it('injects masked frames towards the server at a client frame boundary', async () => {
    const { received } = await serverSocket;
    const first = frame(1, encodeUtf8('a'.repeat(300)), true);
    client.socket.write(first.subarray(0, 100));
    await waitFor(() => received().length === 100, 5000, 'partial client frame');
    const crafted = frame(1, encodeUtf8('from the crafter'), true);
    const injected = t.capture.inject({ connectionId, from: 'client', bytes: crafted });
    client.socket.write(first.subarray(100));
    const { firstFrameId } = await injected;
    await waitFor(() => received().length === first.length + crafted.length, 5000, 'server bytes');
    expect(received().equals(Buffer.concat([first, crafted]))).toBe(true);
    const detail = await t.capture.getFrame(firstFrameId!);
    expect(detail.summary).toMatchObject({ from: 'client', injected: true, masked: true, preview: 'from the crafter' });
    expect(Array.from(detail.maskKey!)).toEqual(Array.from(KEY));
  });

  it('still relays injected frames while capture is paused (and reports no frame id)', async () => {
    const { received } = await serverSocket;
    await t.capture.setCapturePaused(true);
    const crafted = frame(2, new Uint8Array([1, 2, 3]), true);
    expect(await t.capture.inject({ connectionId, from: 'client', bytes: crafted })).toEqual({ firstFrameId: null });
    await waitFor(() => received().length === crafted.length, 5000, 'server bytes');
    expect((await t.capture.getStats()).frames).toBe(0);
    await t.capture.setCapturePaused(false);
    client.socket.write(frame(1, encodeUtf8('recorded again'), true));
    await waitFor(async () => (await t.capture.getStats()).frames === 1, 5000, 'recorded');
    const page = await t.capture.queryFrames({ start: 0, count: 5 });
    // The pause left a visible gap row; the parser kept counting, so the offset points at the right byte.
    expect(page.rows[0]).toMatchObject({ gap: { frames: 1, reason: 'paused' }, preview: '1 frame passed while paused; not recorded' });
    expect(page.rows[1]).toMatchObject({ preview: 'recorded again', offset: crafted.length, index: 1 });
  });
});
