// Issue 11's proof: a capture holding a 3 MiB binary and a 20 MiB text message is saved and opened
// page by page through the FilesApi, and comes back identical (bytes, lengths, source, counters);
// its HAR carries both messages whole, base64 for the binary one, as Chrome writes them.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OPCODE_BINARY, OPCODE_TEXT } from '../../../shared/protocol/index';
import { messageHash, openFile, recordMessages, saveFile, useFilesKits } from './files-test-kit';

const kit = useFilesKits();

const binary = randomBytes(3 * 1048576);
const text = Buffer.from(`${'lorem ipsum dolor sit amet, '.repeat(748983)}the last word is zanzibar`);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('large captures, saved and opened', () => {
  it('reopen a 3 MiB binary and a 20 MiB text message identical, source and byte counts included', { timeout: 180_000 }, async () => {
    expect(text.length).toBeGreaterThan(20 * 1048576);
    const a = kit();
    recordMessages(a, [
      { from: 'server', opcode: OPCODE_BINARY, payload: binary },
      { from: 'client', opcode: OPCODE_TEXT, payload: text },
    ]);
    const file = await saveFile(a.files);
    // No line grows with the payload: the biggest is a data piece.
    expect(Math.max(...file.toString().split('\n').map((l) => l.length))).toBeLessThan(400 * 1024);

    const b = kit();
    expect(await openFile(b.files, 'big.jsonl', file)).toEqual({ connections: 1, frames: 2, skipped: 0 });
    const [bin, txt] = [await messageHash(b.capture, 0), await messageHash(b.capture, 1)];
    expect(bin).toEqual({ hash: sha(binary), total: binary.length, kept: binary.length });
    expect(txt).toEqual({ hash: sha(text), total: text.length, kept: text.length });
    const [before] = await a.capture.listConnections();
    const [after] = await b.capture.listConnections();
    expect(after).toMatchObject({ source: 'reverse', counters: before!.counters, closedAt: before!.closedAt, url: before!.url });
    // And saving the reopened capture gives the same file.
    expect(sha(await saveFile(b.files))).toBe(sha(file));
  });

  it('writes both messages whole into the HAR: UTF-8 text, base64 binary', { timeout: 180_000 }, async () => {
    const a = kit();
    // HAR needs a handshake to describe a socket.
    recordMessages(
      a,
      [
        { from: 'server', opcode: OPCODE_BINARY, payload: binary },
        { from: 'client', opcode: OPCODE_TEXT, payload: text },
      ],
      64 << 20,
      true,
    );
    const har = JSON.parse((await saveFile(a.files, 'har')).toString());
    const messages = har.log.entries[0]._webSocketMessages as Array<{ type: string; opcode: number; data: string }>;
    expect(messages.map((m) => [m.type, m.opcode, m.data.length])).toEqual([
      ['receive', 2, Math.ceil(binary.length / 3) * 4],
      ['send', 1, text.length],
    ]);
    expect(sha(Buffer.from(messages[0]!.data, 'base64'))).toBe(sha(binary));
    expect(messages[1]!.data === text.toString()).toBe(true);
  });
});
