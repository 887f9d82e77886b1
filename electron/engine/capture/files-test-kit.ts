// Test-only helpers for the capture-file tests: a capture service and its FilesService in a
// temporary folder, a connection recorded through the relay's recorder with a large budget (as a
// capture that keeps whole payloads would), and paged save and open through the contract methods.
import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import { buildFrame } from '../../../shared/protocol/index';
import type { CaptureApi } from '../../../shared/api/capture';
import { FILE_PAGE_BYTES } from '../../../shared/api/files';
import { parseHttpHead, type HttpHead } from '../../../shared/protocol/index';
import { startCapture, type TestCapture } from '../proxy/test-peers';
import { FilesService } from './files-service';
import { buildHandshake } from './handshake-detail';
import { WsDirectionRecorder } from './ws-recorder';

export interface FilesKit extends TestCapture {
  files: FilesService;
}

/** Registers cleanup in the calling test file; returns a maker of kits closed after each test. */
export function useFilesKits(): () => FilesKit {
  const open: FilesKit[] = [];
  afterEach(async () => {
    for (const k of open.splice(0).reverse()) await k.close();
  });
  return () => {
    const k = startFiles();
    open.push(k);
    return k;
  };
}

export function startFiles(): FilesKit {
  const t = startCapture();
  const files = new FilesService({ store: t.capture.store, bus: t.bus, dataDir: t.dir, version: 'test' });
  return { ...t, files, close: async () => (await files.close(), await t.close()) };
}

function head(text: string): HttpHead {
  const parsed = parseHttpHead(Buffer.from(text));
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

/** RFC 6455 §1.3's example handshake (its key and accept). */
const UPGRADE = {
  request: 'GET /big HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  response: 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n',
};

/**
 * Records one closed connection carrying `messages` (one frame each), keeping up to `budget` per
 * frame; with `handshake`, the connection was upgraded by RFC 6455 §1.3's example handshake first.
 */
export function recordMessages(
  t: TestCapture,
  messages: Array<{ from: 'client' | 'server'; opcode: number; payload: Uint8Array }>,
  budget = 64 << 20,
  handshake = false,
): number {
  const store = t.capture.store;
  const record = store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://127.0.0.1:1/big', client: { address: '127.0.0.1', port: 5 }, openedAt: 1_000_000 });
  if (handshake) store.upgraded(record, buildHandshake(head(UPGRADE.request), head(UPGRADE.response)));
  else store.opened(record);
  const recorders = {
    client: new WsDirectionRecorder(store, record, 'client', null, budget),
    server: new WsDirectionRecorder(store, record, 'server', null, budget),
  };
  let time = 2_000_000;
  for (const m of messages) {
    const frame = buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: m.opcode, mask: m.from === 'client', maskKey: new Uint8Array([1, 2, 3, 4]), payload: m.payload });
    recorders[m.from].push(frame.bytes, time++);
  }
  recorders.client.end();
  recorders.server.end();
  store.closed(record, time);
  return record.summary.id;
}

/** Saves through beginExport + readExport pages. */
export async function saveFile(files: FilesService, format: 'jsonl' | 'har' = 'jsonl', connectionId: number | null = null): Promise<Buffer> {
  const { jobId, size } = await files.beginExport({ format, connectionId });
  const parts: Uint8Array[] = [];
  for (let at = 0; at < size; at += FILE_PAGE_BYTES) parts.push(await files.readExport({ jobId, offset: at, length: FILE_PAGE_BYTES }));
  await files.endFileJob({ jobId });
  return Buffer.concat(parts);
}

/** Opens through beginImport + importChunk pages + finishImport. */
export async function openFile(files: FilesService, name: string, bytes: Uint8Array) {
  const { jobId } = await files.beginImport({ name, size: bytes.length });
  for (let at = 0; at < bytes.length; at += FILE_PAGE_BYTES) await files.importChunk({ jobId, bytes: bytes.subarray(at, at + FILE_PAGE_BYTES) });
  return files.finishImport({ jobId });
}

/** sha256 of a frame's whole message, read page by page through readPayload. */
export async function messageHash(capture: Pick<CaptureApi, 'readPayload'>, frameId: number): Promise<{ hash: string; total: number; kept: number }> {
  const hash = createHash('sha256');
  let at = 0;
  for (;;) {
    const chunk = await capture.readPayload({ frameId, part: 'message', offset: at, length: 1 << 20 });
    hash.update(chunk.bytes);
    at += chunk.bytes.length;
    if (chunk.bytes.length === 0 || at >= chunk.kept) return { hash: hash.digest('hex'), total: chunk.total, kept: chunk.kept };
  }
}
