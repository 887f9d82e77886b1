// Saving and opening captures of any size. A file never crosses the contract as one message: the
// engine owns the files (private ones in its data folder, mode 0600) and both sides move them in
// pages — Save writes the file in the engine, then the renderer reads it page by page and
// downloads it; Open uploads the file page by page, then the engine reads it in slices. Progress
// comes as `file-progress` events; either job can be cancelled.
import type { CaptureExportOptions, CaptureImportResult } from './capture';

/** Largest page of readExport and importChunk. */
export const FILE_PAGE_BYTES = 4 * 1024 * 1024;

export interface ExportFile {
  jobId: number;
  /** Bytes of the written file. */
  size: number;
}

export interface FilesApi {
  /** Writes the capture (or one connection) as JSON Lines or HAR into a private file, streamed; resolves when it is whole. */
  beginExport(options: CaptureExportOptions): Promise<ExportFile>;
  /** One page (at most FILE_PAGE_BYTES) of a written export. */
  readExport(options: { jobId: number; offset: number; length: number }): Promise<Uint8Array>;
  /** Uploading a capture file of `size` bytes to open: returns the job the pages go to. */
  beginImport(options: { name: string; size: number }): Promise<{ jobId: number }>;
  /** The next page of the file (at most FILE_PAGE_BYTES), in order. */
  importChunk(options: { jobId: number; bytes: Uint8Array }): Promise<void>;
  /** Opens the uploaded file (decoded in slices, with progress events) and forgets it. */
  finishImport(options: { jobId: number }): Promise<CaptureImportResult>;
  /** Stops a job (a save being written, an open being uploaded or decoded) and deletes its file. Unknown ids are ignored. */
  endFileJob(options: { jobId: number }): Promise<void>;
}

export const FILES_METHODS = [
  'beginExport',
  'readExport',
  'beginImport',
  'importChunk',
  'finishImport',
  'endFileJob',
] as const satisfies readonly (keyof FilesApi)[];

/** How far a save or an open has got: about ten a second while it runs. */
export interface FileProgressEvent {
  type: 'file-progress';
  jobId: number;
  kind: 'export' | 'import';
  /** write: the engine writes the save; scan, decode: the engine reads an opened file (two passes). */
  phase: 'write' | 'scan' | 'decode';
  done: number;
  total: number;
}
