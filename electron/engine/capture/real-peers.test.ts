// Exact at any size, with real peers through the relay (issue 11): ws (context takeover on and off)
// and Python's websockets send a 3 MiB random binary message, a 20 MiB text message, then small
// messages that lean on the window the big ones left. The capture must show zero violations and
// every message inflated exactly: the kept prefix byte for byte, the true inflated size counted.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { OPCODE_BINARY, OPCODE_TEXT } from '../../../shared/protocol/index';
import { startCapture, startWsServer, waitFor, type TestCapture } from '../proxy/test-peers';
import { CAPTURE_FRAME_BUDGET } from './ws-recorder';

const MiB = 1024 * 1024;
const PYTHON = '/usr/bin/python3';
const PEER_SCRIPT = fileURLToPath(new URL('./fixtures/websockets_peer.py', import.meta.url));

/** ~20 MiB of valid UTF-8 with 1-, 2-, 3- and 4-byte characters, compressible but not trivially. */
function bigText(bytes: number): string {
  const words = ['alpha', 'béta', 'γάμμα', 'delta€', 'ε𝄞', 'zeta', 'ηta', 'θ', 'iota', 'kappa'];
  const seed = randomBytes(4096);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const w = `${words[(seed[i % seed.length] as number) % words.length]}${i % 997} `;
    parts.push(w);
    size += Buffer.byteLength(w);
  }
  return parts.join('');
}

function messagesOf(text: string, binary: Buffer): Array<string | Buffer> {
  // The small ones copy from the end of the big text: only a right window inflates them.
  const small = [text.slice(-300), `${text.slice(-40)} and then some`, 'short', text.slice(-2000, -1000)];
  return [binary, text, ...small];
}

interface Expect {
  from: 'client' | 'server';
  messages: Array<string | Buffer>;
}

async function expectExact(t: TestCapture, connectionId: number, want: Expect): Promise<void> {
  const bytesOf = (m: string | Buffer): Buffer => (typeof m === 'string' ? Buffer.from(m) : m);
  const page = await waitFor(
    async () => {
      const p = await t.capture.queryFrames({ filter: { connectionId, from: want.from }, start: 0, count: 100 });
      return p.rows.filter((r) => r.opcode === OPCODE_TEXT || r.opcode === OPCODE_BINARY).length >= want.messages.length ? p : null;
    },
    120_000,
    `${want.from} messages`,
  );
  const data = page.rows.filter((r) => r.opcode === OPCODE_TEXT || r.opcode === OPCODE_BINARY);
  expect(data).toHaveLength(want.messages.length);
  expect(page.rows.every((r) => r.violationCount === 0)).toBe(true);
  for (const [i, row] of data.entries()) {
    const original = bytesOf(want.messages[i] as string | Buffer);
    const frame = await t.capture.getFrame(row.id);
    expect(frame.violations).toEqual([]);
    const message = frame.message!;
    expect(message.compressed).toBe(true);
    expect(message.inflateError).toBeNull();
    const kept = Math.min(original.length, CAPTURE_FRAME_BUDGET);
    expect(message.payload.length).toBe(kept);
    expect(Buffer.from(message.payload).equals(original.subarray(0, kept))).toBe(true);
    expect(message.truncated).toBe(original.length > kept);
    // The true inflated size, counted past what was kept ("kept 1 MiB of 20 MiB").
    expect(message.inflatedLength ?? message.payload.length).toBe(original.length);
    if (original.length > kept) expect(message.inflatedLength).toBe(original.length);
  }
}

describe('exact at any size, with real peers', () => {
  let t: TestCapture;
  let dir: string;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(() => {
    t = startCapture();
    dir = mkdtempSync(join(tmpdir(), 'framescope-peers-'));
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function echoThroughRelay(deflate: { serverNoContextTakeover: boolean; clientNoContextTakeover: boolean } | true): Promise<string> {
    const server = await startWsServer({ perMessageDeflate: deflate === true ? { threshold: 0 } : { threshold: 0, ...deflate }, maxPayload: 64 * MiB });
    cleanups.push(() => server.close());
    server.wss.on('connection', (ws) => ws.on('message', (data: Buffer, binary) => ws.send(data, { binary })));
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${server.port}/echo` });
    return `ws://127.0.0.1:${proxy.listenPort}/echo`;
  }

  for (const takeover of [true, false]) {
    it(`ws ↔ ws, context takeover ${takeover ? 'on' : 'off'}: 3 MiB binary, 20 MiB text, then small ones`, async () => {
      const deflate = { serverNoContextTakeover: !takeover, clientNoContextTakeover: !takeover };
      const url = await echoThroughRelay(deflate);
      const client = new WebSocket(url, { perMessageDeflate: { threshold: 0, ...deflate }, maxPayload: 64 * MiB });
      cleanups.push(() => client.terminate());
      await new Promise((resolve, reject) => {
        client.once('open', resolve);
        client.once('error', reject);
      });
      const messages = messagesOf(bigText(20 * MiB), randomBytes(3 * MiB));
      for (const m of messages) {
        const echo = new Promise<Buffer>((resolve) => client.once('message', (d: Buffer) => resolve(d)));
        client.send(m, { binary: typeof m !== 'string', compress: true });
        expect((await echo).equals(typeof m === 'string' ? Buffer.from(m) : m)).toBe(true);
      }
      const [conn] = await t.capture.listConnections();
      const detail = await t.capture.getConnection(conn!.id);
      expect(detail.handshake.violations).toEqual([]);
      expect(t.capture.deflateParams(conn!.id, 'client')?.noContextTakeover).toBe(!takeover);
      await expectExact(t, conn!.id, { from: 'client', messages });
      await expectExact(t, conn!.id, { from: 'server', messages });
      expect((await t.capture.getConnection(conn!.id)).summary.violations).toBe(0);
    }, 240_000); // generous: four 20 MiB compressions by the peers on a shared CI machine
  }

  it("Python websockets (Debian's python3-websockets) ↔ ws: the same messages, zero violations", async () => {
    const url = await echoThroughRelay(true);
    const text = bigText(20 * MiB);
    const binary = randomBytes(3 * MiB);
    const messages = messagesOf(text, binary);
    writeFileSync(join(dir, 'binary.bin'), binary);
    writeFileSync(join(dir, 'text.txt'), text);
    writeFileSync(join(dir, 'small.txt'), (messages.slice(2) as string[]).join('\n'));
    const child = spawn(PYTHON, [PEER_SCRIPT, url, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => void child.kill());
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.on('error', (err) => {
        stderr += err.message;
        resolve(-1);
      });
    });
    // Missing module: fail loudly with the reason (CI installs it), never skip.
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const [conn] = await t.capture.listConnections();
    const detail = await t.capture.getConnection(conn!.id);
    expect(detail.handshake.violations).toEqual([]);
    expect(detail.summary.extensions).toContain('permessage-deflate');
    await expectExact(t, conn!.id, { from: 'client', messages });
    await expectExact(t, conn!.id, { from: 'server', messages });
    await waitFor(async () => (await t.capture.getConnection(conn!.id)).summary.state === 'closed', 10_000, 'closed');
    const closed = await t.capture.getConnection(conn!.id);
    expect(closed.summary).toMatchObject({ closeCode: 1000, closeReason: 'done', violations: 0 });
  }, 240_000);
});
