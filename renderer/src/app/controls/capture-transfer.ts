// Moves capture files between the renderer and the engine in pages (the FilesApi): a save is
// written by the engine, then read page by page into a Blob for download; an open is uploaded
// page by page from the File, then decoded by the engine. Progress: bytes moved here, and the
// engine's own `file-progress` events while it writes or decodes.
import type { CaptureExportFormat, CaptureImportResult, FileProgressEvent, FramescopeClient } from '../../../../shared/api';
import { FILE_PAGE_BYTES } from '../../../../shared/api';

export interface TransferProgress {
  /** upload / download: bytes moved over the contract; write / scan / decode: the engine's work. */
  phase: 'upload' | 'download' | FileProgressEvent['phase'];
  done: number;
  total: number;
}

export interface Transfer {
  /** The job to cancel with endFileJob, once the engine has one. */
  jobId: number | null;
  cancelled: boolean;
}

type Api = Pick<FramescopeClient, 'beginExport' | 'readExport' | 'beginImport' | 'importChunk' | 'finishImport' | 'endFileJob' | 'subscribe'>;

/** Listens to the engine's progress for the transfer's job while `run` goes on. */
async function withProgress<T>(api: Api, transfer: Transfer, onProgress: (p: TransferProgress) => void, run: () => Promise<T>): Promise<T> {
  const stop = api.subscribe((events) => {
    for (const e of events) if (e.type === 'file-progress' && e.jobId === transfer.jobId) onProgress({ phase: e.phase, done: e.done, total: e.total });
  });
  try {
    return await run();
  } finally {
    stop();
  }
}

export async function saveCapture(api: Api, options: { connectionId: number | null; format: CaptureExportFormat }, transfer: Transfer, onProgress: (p: TransferProgress) => void): Promise<Blob> {
  return withProgress(api, transfer, onProgress, async () => {
    onProgress({ phase: 'write', done: 0, total: 1 });
    const file = await api.beginExport(options);
    transfer.jobId = file.jobId;
    try {
      const parts: Uint8Array[] = [];
      for (let at = 0; at < file.size; ) {
        if (transfer.cancelled) throw new Error('Saving was cancelled.');
        const page = await api.readExport({ jobId: file.jobId, offset: at, length: FILE_PAGE_BYTES });
        if (page.length === 0) break;
        parts.push(page);
        at += page.length;
        onProgress({ phase: 'download', done: at, total: file.size });
      }
      return new Blob(parts as BlobPart[], { type: options.format === 'har' ? 'application/json' : 'application/x-ndjson' });
    } finally {
      await api.endFileJob({ jobId: file.jobId });
    }
  });
}

export async function openCapture(api: Api, file: File, transfer: Transfer, onProgress: (p: TransferProgress) => void): Promise<CaptureImportResult> {
  const { jobId } = await api.beginImport({ name: file.name, size: file.size });
  transfer.jobId = jobId;
  try {
    for (let at = 0; at < file.size; at += FILE_PAGE_BYTES) {
      if (transfer.cancelled) throw new Error('Opening was cancelled.');
      const bytes = new Uint8Array(await file.slice(at, at + FILE_PAGE_BYTES).arrayBuffer());
      await api.importChunk({ jobId, bytes });
      onProgress({ phase: 'upload', done: Math.min(file.size, at + bytes.length), total: file.size });
    }
    return await withProgress(api, transfer, onProgress, () => api.finishImport({ jobId }));
  } catch (err) {
    await api.endFileJob({ jobId }).catch(() => undefined);
    throw err;
  }
}

const PHASES: Record<TransferProgress['phase'], string> = {
  write: 'Writing',
  download: 'Downloading',
  upload: 'Sending',
  scan: 'Checking',
  decode: 'Decoding',
};

/** How far a transfer is, 0–100, rounded down (100 only when it is done). */
export function progressPercent(p: TransferProgress): number {
  return p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
}

export function progressText(p: TransferProgress): string {
  return `${PHASES[p.phase]} ${progressPercent(p)}%`;
}
