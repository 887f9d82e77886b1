// The paged FilesApi refuses what breaks its protocol in words (pages beyond the announced size,
// opening before every byte arrived, unknown jobs, files over the cap), cancels cleanly, and
// leaves no private file behind; readPayload pages a frame and a message and says what was kept.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPCODE_TEXT } from '../../../shared/protocol/index';
import { IMPORT_CAPS } from './capture-import';
import { recordMessages, saveFile, useFilesKits } from './files-test-kit';

const kit = useFilesKits();
const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('FilesService', () => {
  it('refuses a broken upload in words and cleans up after a cancel', async () => {
    const k = kit();
    await expect(k.files.beginImport({ name: 'huge.jsonl', size: IMPORT_CAPS.fileBytes + 1 })).rejects.toMatchObject({ code: 'limit', message: expect.stringContaining('huge.jsonl is 4096 MiB') });
    const { jobId } = await k.files.beginImport({ name: 'a.jsonl', size: 4 });
    await expect(k.files.importChunk({ jobId, bytes: new Uint8Array(5) })).rejects.toMatchObject({ code: 'invalid', message: 'More bytes than the 4 announced.' });
    await k.files.importChunk({ jobId, bytes: new Uint8Array(2) });
    await expect(k.files.finishImport({ jobId })).rejects.toMatchObject({ code: 'invalid', message: 'Only 2 of the 4 announced bytes arrived.' });
    expect(temps(k.dir)).toHaveLength(1);
    await k.files.endFileJob({ jobId });
    expect(temps(k.dir)).toEqual([]);
    await expect(k.files.importChunk({ jobId, bytes: new Uint8Array(1) })).rejects.toMatchObject({ code: 'not-found' });
    await expect(k.files.readExport({ jobId: 999, offset: 0, length: 1 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(k.files.beginExport({ connectionId: 42 })).rejects.toMatchObject({ code: 'not-found' });
    await k.files.endFileJob({ jobId: 12345 }); // unknown ids are ignored
  });

  it('saves through a private file that is gone once read', async () => {
    const k = kit();
    recordMessages(k, [{ from: 'client', opcode: OPCODE_TEXT, payload: Buffer.from('hello') }]);
    const file = (await saveFile(k.files)).toString();
    expect(file.split('\n')[0]).toContain('"type":"capture"');
    expect(file).toContain(Buffer.from('hello').toString('base64'));
    expect(temps(k.dir)).toEqual([]);
  });

  it('reads payloads in pages, and says what a limit cut', async () => {
    const k = kit();
    recordMessages(k, [{ from: 'server', opcode: OPCODE_TEXT, payload: Buffer.alloc(3000, 0x41) }], 1000);
    const page = await k.capture.readPayload({ frameId: 0, part: 'frame', offset: 990, length: 100 });
    expect({ total: page.total, kept: page.kept, offset: page.offset, length: page.bytes.length }).toEqual({ total: 3000, kept: 1000, offset: 990, length: 10 });
    const message = await k.capture.readPayload({ frameId: 0, part: 'message', offset: 0, length: 10 << 20 });
    expect(message.bytes.length).toBe(1000); // a page is at most 1 MiB, and only kept bytes exist
    await expect(k.capture.readPayload({ frameId: 7, part: 'frame', offset: 0, length: 1 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(k.capture.readPayload({ frameId: 0, part: 'nope' as never, offset: 0, length: 1 })).rejects.toMatchObject({ code: 'invalid' });
  });
});
