// The relay under load: 200 concurrent WebSockets captured without mixing them up, and a single
// 1 GiB frame streamed through with backpressure while the process's memory stays bounded (the
// decoder keeps a bounded prefix of the payload; nothing holds the whole message).
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rawWsClient, rawWsServer, startCapture, startWsServer, waitFor, type TestCapture } from './test-peers';

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;

describe('relay under load', () => {
  let t: TestCapture;
  beforeEach(() => {
    t = startCapture();
  });
  afterEach(async () => {
    await t.close();
  });

  it('captures 200 concurrent connections, each with its own frames', async () => {
    const server = await startWsServer();
    server.wss.on('connection', (ws) => ws.on('message', (d: Buffer) => ws.send(d.toString().toUpperCase())));
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/` });
    const N = 200;
    const clients = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        new Promise<{ ws: WebSocket; got: string[] }>((resolve, reject) => {
          const ws = new WebSocket(`${proxy.address}?client=${i}`);
          const got: string[] = [];
          ws.on('message', (d: Buffer) => got.push(d.toString()));
          ws.once('open', () => resolve({ ws, got }));
          ws.once('error', reject);
        }),
      ),
    );
    clients.forEach(({ ws }, i) => {
      for (let m = 0; m < 3; m++) ws.send(`client ${i} message ${m}`);
    });
    await waitFor(() => clients.every((c) => c.got.length === 3), 20_000, 'all echoes');
    clients.forEach(({ got }, i) => expect(got).toEqual([0, 1, 2].map((m) => `CLIENT ${i} MESSAGE ${m}`)));
    await Promise.all(clients.map(({ ws }) => new Promise((resolve) => (ws.once('close', resolve), ws.close(1000)))));
    const connections = await waitFor(async () => {
      const list = await t.capture.listConnections();
      return list.length === N && list.every((c) => c.state === 'closed') ? list : null;
    }, 20_000, 'all closed');
    expect(connections.every((c) => c.error === null && c.closeCode === 1000 && c.counters.client.frames === 4 && c.counters.server.frames === 4)).toBe(true);
    expect((await t.capture.getStats()).frames).toBe(N * 8);
    // Every connection's frames carry only its own client's text.
    for (const c of connections.slice(0, 20)) {
      const page = await t.capture.queryFrames({ filter: { connectionId: c.id, opcodes: [1] }, start: 0, count: 10 });
      const i = /client=(\d+)/.exec(c.url)![1];
      expect(page.rows.map((r) => r.preview.toLowerCase()).sort()).toEqual([0, 0, 1, 1, 2, 2].map((m) => `client ${i} message ${m}`));
    }
    await server.close();
  }, 60_000);

  it('stops reading from a fast sender while the receiver reads nothing (backpressure)', async () => {
    let serverSocket: Socket | null = null;
    let atServer = 0;
    const server = await rawWsServer((socket) => {
      serverSocket = socket;
      socket.pause(); // a reader that reads nothing
      socket.on('data', (c: Buffer) => (atServer += c.length));
    });
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/` });
    const client = await rawWsClient(proxy.listenPort);
    await waitFor(() => serverSocket, 5000, 'server socket');
    const total = 64 * MIB;
    // One 64 MiB binary frame (mask key 0), written without waiting for 'drain': a hostile sender.
    client.socket.write(Buffer.from([0x82, 0xff, 0, 0, 0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0]));
    const chunk = Buffer.alloc(MIB, 0x5a);
    for (let i = 0; i < total / MIB; i++) client.socket.write(chunk);
    const relayed = async (): Promise<number> => (await t.capture.listConnections())[0]!.counters.client.bytes;
    // Wait until the relay stops taking bytes: ten polls in a row without progress.
    let last = -1;
    let still = 0;
    await waitFor(async () => {
      const now = await relayed();
      still = now === last ? still + 1 : 0;
      last = now;
      return still >= 10;
    }, 20_000, 'the relay to stop reading');
    console.log(`backpressure: relay read ${(last / MIB).toFixed(1)} MiB of ${total / MIB} MiB while the receiver was paused`);
    expect(last).toBeLessThan(32 * MIB);
    expect(client.socket.writableLength).toBeGreaterThan(16 * MIB); // the sender is the one holding its bytes
    (serverSocket as unknown as Socket).resume();
    await waitFor(() => atServer === 14 + total, 30_000, 'everything delivered after resuming');
    client.socket.destroy();
    await server.close();
  }, 60_000);

  it('streams a 1 GiB message through with bounded memory', async () => {
    const hashAtServer = createHash('sha1');
    let receivedAtServer = 0;
    const server = await rawWsServer((socket, received) => {
      const first = received();
      hashAtServer.update(first);
      receivedAtServer += first.length;
      socket.removeAllListeners('data');
      socket.on('data', (c: Buffer) => {
        hashAtServer.update(c);
        receivedAtServer += c.length;
      });
    });
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/` });
    const client = await rawWsClient(proxy.listenPort);
    const header = Buffer.from([0x82, 0xff, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0]); // binary, masked, 64-bit length 2^30, key 0
    const hashSent = createHash('sha1').update(header);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    client.socket.write(header);
    // Four reusable 1 MiB buffers: a buffer is refilled only after its previous write completed.
    const pool = Array.from({ length: 4 }, () => Buffer.alloc(MIB));
    const inFlight: Array<Promise<void> | null> = [null, null, null, null];
    for (let i = 0; i < GIB / MIB; i++) {
      const slot = i % 4;
      await inFlight[slot];
      const buf = pool[slot]!;
      buf.fill(i & 0xff);
      buf.writeUInt32BE(i, 0);
      hashSent.update(buf);
      let done!: () => void;
      inFlight[slot] = new Promise<void>((r) => (done = r));
      if (!client.socket.write(buf, () => done())) await new Promise((r) => client.socket.once('drain', r));
    }
    await waitFor(() => receivedAtServer === header.length + GIB, 120_000, '1 GiB at the server');
    clearInterval(sample);
    expect(hashAtServer.digest('hex')).toBe(hashSent.digest('hex'));
    const growth = (peak - baseline) / MIB;
    console.log(`1 GiB relay: RSS ${Math.round(baseline / MIB)} MiB before, peak +${growth.toFixed(0)} MiB`);
    expect(growth).toBeLessThan(256);
    const [row] = (await t.capture.queryFrames({ start: 0, count: 1 })).rows;
    expect(row).toMatchObject({ payloadLength: GIB, incomplete: false, opcode: 2 });
    const frame = await t.capture.getFrame(row!.id);
    expect(frame.payloadTruncated).toBe(true);
    expect(frame.payload.length).toBeLessThanOrEqual(MIB);
    expect(new DataView(frame.payload.buffer, frame.payload.byteOffset).getUint32(0)).toBe(0);
    client.socket.destroy();
    await server.close();
  }, 180_000);
});
