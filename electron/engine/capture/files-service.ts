// The FilesApi: saving and opening captures of any size through private files in the engine's
// data folder (mode 0600, deleted when the job ends or the engine closes). A save is written in
// time slices (the engine keeps relaying), then read by the renderer page by page; an open is
// uploaded page by page, then decoded in slices (capture-import.ts). Progress goes out as
// `file-progress` events, at most ~10 a second per job.
import { rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaptureExportOptions, CaptureImportResult } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import { FILE_PAGE_BYTES, type ExportFile, type FileProgressEvent, type FilesApi } from '../../../shared/api/files';
import type { EventBus } from '../event-bus';
import { captureLines, checkConnection, writeCapture } from './capture-export';
import { IMPORT_CAPS, importCaptureFile } from './capture-import';
import type { CaptureStore } from './capture-store';
import { harPieces } from './har-export';
import { AsyncLineFile } from './line-sink';

/** Jobs at once: each holds a file and a handle. */
const MAX_JOBS = 8;
const PROGRESS_INTERVAL_MS = 100;

interface Job {
  id: number;
  kind: 'export' | 'import';
  path: string;
  handle: FileHandle | null;
  abort: AbortController;
  name: string;
  /** export: the written size; import: the declared size. */
  size: number;
  received: number;
  busy: boolean;
}

export interface FilesServiceDeps {
  store: CaptureStore;
  bus: EventBus;
  dataDir: string;
  version: string;
}

export class FilesService implements FilesApi {
  private readonly jobs = new Map<number, Job>();
  private nextJob = 1;

  constructor(private readonly deps: FilesServiceDeps) {}

  async beginExport(options: CaptureExportOptions): Promise<ExportFile> {
    const connectionId = options?.connectionId ?? null;
    checkConnection(this.deps.store, connectionId);
    const job = await this.newJob('export', 'capture');
    const progress = this.progressFor(job, 'write');
    const pieces = options?.format === 'har'
      ? harPieces(this.deps.store, connectionId, this.deps.version)
      : captureLines(this.deps.store, connectionId, (p) => progress(p.done, p.total));
    try {
      const out = new AsyncLineFile(job.handle as FileHandle);
      job.busy = true;
      await writeCapture(pieces, out, job.abort.signal);
      job.size = out.size;
      return { jobId: job.id, size: job.size };
    } catch (err) {
      await this.end(job);
      throw err;
    } finally {
      job.busy = false;
    }
  }

  async readExport(options: { jobId: number; offset: number; length: number }): Promise<Uint8Array> {
    const job = this.job(options?.jobId, 'export');
    const offset = Math.max(0, Math.floor(Number(options.offset) || 0));
    const length = Math.min(FILE_PAGE_BYTES, Math.max(0, Math.floor(Number(options.length) || 0)), Math.max(0, job.size - offset));
    const out = new Uint8Array(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await (job.handle as FileHandle).read(out, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return out.subarray(0, got);
  }

  async beginImport(options: { name: string; size: number }): Promise<{ jobId: number }> {
    const size = options?.size;
    if (!Number.isSafeInteger(size) || size < 0) throw new FramescopeError('invalid', 'The file size must be a whole number of bytes.');
    const name = typeof options.name === 'string' && options.name !== '' ? options.name : 'The file';
    if (size > IMPORT_CAPS.fileBytes) {
      throw new FramescopeError('limit', `${name} is ${Math.round(size / 1048576)} MiB; Framescope opens captures up to ${IMPORT_CAPS.fileBytes / 1048576} MiB.`);
    }
    const job = await this.newJob('import', name);
    job.size = size;
    return { jobId: job.id };
  }

  async importChunk(options: { jobId: number; bytes: Uint8Array }): Promise<void> {
    const job = this.job(options?.jobId, 'import');
    const bytes = options.bytes;
    if (!(bytes instanceof Uint8Array) || bytes.length > FILE_PAGE_BYTES) throw new FramescopeError('invalid', `A page must be bytes, at most ${FILE_PAGE_BYTES} of them.`);
    if (job.busy) throw new FramescopeError('conflict', 'Pages must be sent one at a time, in order.');
    if (job.received + bytes.length > job.size) throw new FramescopeError('invalid', `More bytes than the ${job.size} announced.`);
    job.busy = true;
    try {
      await (job.handle as FileHandle).write(bytes, 0, bytes.length, job.received);
      job.received += bytes.length;
    } finally {
      job.busy = false;
    }
  }

  async finishImport(options: { jobId: number }): Promise<CaptureImportResult> {
    const job = this.job(options?.jobId, 'import');
    if (job.busy) throw new FramescopeError('conflict', 'This file is already being opened.');
    if (job.received !== job.size) throw new FramescopeError('invalid', `Only ${job.received} of the ${job.size} announced bytes arrived.`);
    job.busy = true;
    const progress = this.progressFor(job, 'decode');
    try {
      await job.handle?.close();
      job.handle = null;
      return await importCaptureFile(this.deps.store, job.path, {
        name: job.name,
        signal: job.abort.signal,
        onProgress: (p) => progress(p.bytes, p.totalBytes, p.phase),
      });
    } finally {
      job.busy = false;
      await this.end(job);
    }
  }

  async endFileJob(options: { jobId: number }): Promise<void> {
    const job = this.jobs.get(options?.jobId);
    if (job !== undefined) await this.end(job);
  }

  async close(): Promise<void> {
    for (const job of [...this.jobs.values()]) await this.end(job);
  }

  private async newJob(kind: Job['kind'], name: string): Promise<Job> {
    if (this.jobs.size >= MAX_JOBS) throw new FramescopeError('limit', `At most ${MAX_JOBS} saves and opens can run at once.`);
    const id = this.nextJob++;
    const path = join(this.deps.dataDir, `${kind}-${process.pid}-${id}.tmp`);
    const handle = await open(path, 'w+', 0o600);
    const job: Job = { id, kind, path, handle, abort: new AbortController(), name, size: 0, received: 0, busy: false };
    this.jobs.set(id, job);
    return job;
  }

  private job(id: number, kind: Job['kind']): Job {
    const job = this.jobs.get(id);
    if (job === undefined || job.kind !== kind) throw new FramescopeError('not-found', `No ${kind} job ${id}.`);
    return job;
  }

  private async end(job: Job): Promise<void> {
    if (this.jobs.get(job.id) !== job) return;
    this.jobs.delete(job.id);
    job.abort.abort('The job was cancelled.');
    await job.handle?.close().catch(() => undefined);
    job.handle = null;
    rmSync(job.path, { force: true });
  }

  /** A throttled progress reporter for one job. */
  private progressFor(job: Job, phase: FileProgressEvent['phase']): (done: number, total: number, p?: FileProgressEvent['phase']) => void {
    let last = 0;
    return (done, total, p = phase) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS && done < total) return;
      last = now;
      this.deps.bus.emit({ type: 'file-progress', jobId: job.id, kind: job.kind, phase: p, done, total });
    };
  }
}
