// The older one-message form of Save and Open (exportCapture / importCapture in the contract), for
// small captures and scripts: the same file format and the same sliced importer, with a cap on
// what may travel in one message. The app uses the paged FilesApi (files-service.ts).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaptureImportResult } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import { captureLines } from './capture-export';
import { importCaptureFile } from './capture-import';
import type { CaptureStore } from './capture-store';
import { LineBatch } from './line-sink';

/** Largest file sent or received as one contract message. */
export const MAX_MESSAGE_FILE = 256 * 1024 * 1024;
let nextTemp = 1;

export function exportCaptureBytes(store: CaptureStore, connectionId: number | null): Uint8Array {
  const batch = new LineBatch();
  const parts: Buffer[] = [];
  for (const line of captureLines(store, connectionId)) {
    if (batch.add(line)) parts.push(...batch.drain());
    if (batch.size > MAX_MESSAGE_FILE) throw new FramescopeError('limit', `The capture is larger than ${MAX_MESSAGE_FILE / 1048576} MiB; save it with Save capture, which writes it page by page.`);
  }
  parts.push(...batch.drain());
  const out = Buffer.concat(parts);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export async function importCaptureBytes(store: CaptureStore, dataDir: string, name: unknown, bytes: unknown): Promise<CaptureImportResult> {
  const label = typeof name === 'string' && name !== '' ? name : 'The file';
  if (!(bytes instanceof Uint8Array)) throw new FramescopeError('invalid', 'The capture file must be bytes.');
  if (bytes.length > MAX_MESSAGE_FILE) throw new FramescopeError('limit', `${label} is larger than ${MAX_MESSAGE_FILE / 1048576} MiB; open it with Open capture, which sends it page by page.`);
  const path = join(dataDir, `import-${process.pid}-b${nextTemp++}.tmp`);
  writeFileSync(path, bytes, { mode: 0o600 });
  try {
    return await importCaptureFile(store, path, { name: label });
  } finally {
    rmSync(path, { force: true });
  }
}
