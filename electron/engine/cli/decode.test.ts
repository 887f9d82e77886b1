import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { constants, createDeflateRaw } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import { main } from './main';

// @types/ws does not declare Sender.frame; this is its shape in ws 8.
const { Sender } = wsModule as unknown as { Sender: { frame(data: Buffer, o: Record<string, unknown>): Buffer[] } };

function wsFrame(data: Buffer, opcode: number, opts: { fin?: boolean; mask?: boolean; rsv1?: boolean } = {}): Buffer {
  const mask = opts.mask ?? false;
  return Buffer.concat(
    Sender.frame(Buffer.from(data), {
      fin: opts.fin ?? true,
      rsv1: opts.rsv1 ?? false,
      opcode,
      mask,
      readOnly: false,
      generateMask: (m: Buffer) => m.set([1, 2, 3, 4]),
    }),
  );
}

/** Compresses messages with one shared window, as a sender without no_context_takeover does (RFC 7692 §7.2.1). */
function sharedWindowCompressor(): { compress: (data: string | Buffer) => Promise<Buffer>; close: () => void } {
  const deflater = createDeflateRaw({ windowBits: 15 });
  const chunks: Buffer[] = [];
  deflater.on('data', (c: Buffer) => chunks.push(c));
  const compress = (data: string | Buffer) =>
    new Promise<Buffer>((resolve) => {
      chunks.length = 0;
      deflater.write(data);
      deflater.flush(constants.Z_SYNC_FLUSH, () => resolve(Buffer.concat(chunks).subarray(0, -4)));
    });
  return { compress, close: () => deflater.close() };
}

async function decode(argv: string[], stdin: Buffer = Buffer.alloc(0)) {
  let out = '';
  let err = '';
  const code = await main(['decode', ...argv], {
    out: (l) => (out += `${l}\n`),
    err: (l) => (err += `${l}\n`),
    interrupted: Promise.resolve(),
    // Feed stdin in small pieces to exercise the incremental parser.
    stdin: Readable.from(Array.from({ length: Math.ceil(stdin.length / 3) }, (_, i) => stdin.subarray(i * 3, i * 3 + 3))),
  });
  return { code, out, err, json: () => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('framescope decode', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'framescope-decode-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON object per frame with the documented keys, from a file', async () => {
    const bytes = Buffer.concat([
      wsFrame(Buffer.from('Hel'), 1, { fin: false, mask: true }),
      wsFrame(Buffer.from('ping!'), 9, { mask: true }),
      wsFrame(Buffer.from('lo'), 0, { mask: true }),
      wsFrame(Buffer.alloc(300, 7), 2, { mask: true }),
    ]);
    const file = join(dir, 'client.bin');
    writeFileSync(file, bytes);
    const result = await decode([file, '--from', 'client', '--json']);
    expect(result.code).toBe(0);
    const rows = result.json();
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ fin: false, rsv1: false, rsv2: false, rsv3: false, opcode: 1, masked: true, maskKey: '01020304', payloadLength: 3, headerLength: 6, offset: 0, payload: '48656c', violations: [] });
    expect(rows[1]).toMatchObject({ opcode: 9, payload: Buffer.from('ping!').toString('hex') });
    expect(rows[2]).toMatchObject({ opcode: 0, message: { frames: 2, text: 'Hello' } });
    expect(rows[3]).toMatchObject({ opcode: 2, payloadLength: 300, headerLength: 8, offset: (6 + 3) + (6 + 5) + (6 + 2) });
    expect(rows[3]!.payload).toBe('07'.repeat(300));
  });

  it('names violations with their RFC section', async () => {
    const unmasked = wsFrame(Buffer.from('hi'), 1);
    const result = await decode(['-', '--from', 'client', '--json'], unmasked);
    const [row] = result.json();
    expect(row!.violations).toEqual([expect.objectContaining({ section: '5.1', code: 'unmasked-client-frame', message: expect.any(String) })]);
  });

  it('inflates permessage-deflate messages with context takeover', async () => {
    // Two messages compressed with one shared window, as a server without no_context_takeover sends them.
    const { compress, close } = sharedWindowCompressor();
    const a = await compress('the quick brown fox jumps over the lazy dog');
    const b = await compress('the quick brown fox jumps over the lazy dog again');
    close();
    const stream = Buffer.concat([wsFrame(a, 1, { rsv1: true }), wsFrame(b, 1, { rsv1: true })]);
    const rows = (await decode(['-', '--from', 'server', '--deflate', 'permessage-deflate', '--json'], stream)).json();
    expect(rows.map((r) => (r.message as { text: string }).text)).toEqual([
      'the quick brown fox jumps over the lazy dog',
      'the quick brown fox jumps over the lazy dog again',
    ]);
    expect(rows[1]!.payloadLength).toBeLessThan(20); // the second message leans on the first one's window
    expect(rows.every((r) => r.compressed === true && (r.violations as unknown[]).length === 0)).toBe(true);
  });

  it('--deflate inflates exactly after a message far above the display budget, and says what it kept', async () => {
    const { compress, close } = sharedWindowCompressor();
    // 20 MiB of text whose last bytes the next message copies from the window.
    const big = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = 0x61 + ((i * 7919) % 26);
    const a = await compress(big);
    const b = await compress(big.subarray(big.length - 300));
    close();
    const file = join(dir, 'big-deflate.bin');
    writeFileSync(file, Buffer.concat([wsFrame(a, 1, { rsv1: true }), wsFrame(b, 1, { rsv1: true })]));
    const json = await decode([file, '--from', 'server', '--deflate', 'permessage-deflate', '--json']);
    const rows = json.json();
    expect(rows[0]).toMatchObject({ violations: [], message: { length: big.length, kept: 1024 * 1024, truncated: true } });
    expect(rows[1]).toMatchObject({ violations: [], message: { length: 300, kept: 300, text: big.subarray(big.length - 300).toString() } });
    const text = await decode([file, '--from', 'server', '--deflate', 'permessage-deflate']);
    expect(text.out).toContain('message=20971520 (Framescope kept 1 MiB of 20 MiB)');
    expect(text.out).not.toContain('✗');
  });

  it('cuts large payloads to a preview but reports the true length', async () => {
    const big = wsFrame(Buffer.alloc(100_000, 0x41), 2);
    const [row] = (await decode(['-', '--from', 'server', '--json'], big)).json();
    expect(row).toMatchObject({ payloadLength: 100_000, truncated: true });
    expect((row!.payload as string).length).toBe(4096 * 2);
  });

  it('survives garbage: reports a fatal violation and the rest as undecodable, exit 0', async () => {
    const garbage = Buffer.concat([wsFrame(Buffer.from('ok'), 1), Buffer.from([0x83, 0x05, 1, 2, 3, 4, 5, 6, 7, 8, 9])]);
    const result = await decode(['-', '--from', 'server', '--json'], garbage);
    expect(result.code).toBe(0);
    const rows = result.json();
    expect(rows[1]!.violations).toEqual([expect.objectContaining({ section: '5.2', code: 'reserved-opcode' })]);
    // The reserved-opcode frame at offset 4 is shown whole (its 5 payload bytes arrived); the 4 after it cannot be parsed.
    expect(rows[1]).toMatchObject({ opcode: 3, complete: true, payload: '0102030405' });
    expect(rows.at(-1)).toEqual({ undecodable: { offset: 11, length: 4 } });
  });

  it('gives one-line errors for a missing file and bad flags', async () => {
    const missing = await decode([join(dir, 'nope.bin'), '--from', 'client']);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toContain('no such file');
    expect((await decode(['--from', 'both'])).code).toBe(2);
    expect((await decode(['-', '--from', 'client', '--deflate', 'x-webkit-deflate-frame'])).code).toBe(2);
  });
});
