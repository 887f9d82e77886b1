// Open capture: reads a Framescope capture file (capture-records.ts; version 1 or 2) from a file in
// the engine's data folder back into the store as closed connections. A file may be garbage,
// hand-edited, cut off or hostile: unusable lines are counted, never fatal; everything is read in
// slices that yield to the event loop (the relay and RPC go on), with progress; and caps on
// records, connections and the bytes the capture grows by refuse a file beyond them with a clear
// message, so no file can crash, freeze or fill the engine.
import { stat } from 'node:fs/promises';
import type { CaptureImportResult } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import type { CaptureStore } from './capture-store';
import { addBody, addConnection, addExchange, checkConnection, finishConnection, type Imported, type ImportedExchanges } from './import-connections';
import { BadRecord, isObject, type ByteEncoding, type Json } from './import-fields';
import { FrameFeeder } from './import-frames';
import { fileLines } from './import-lines';
import { recordQueueOf } from './record-queue';
import { TimeSlice } from './time-slice';
import { CAPTURE_FRAME_BUDGET } from './ws-recorder';

export const IMPORT_CAPS = {
  /** Size of a file Framescope opens. */
  fileBytes: 4 * 1024 * 1024 * 1024,
  /** Lines (records) in a file. */
  records: 20_000_000,
  /** Connections in a file: each is an object the renderer lists. */
  connections: 20_000,
  /** Payload a frame may keep on opening (the writer's budget, up to this). */
  frameBudget: 64 * 1024 * 1024,
  /** Bytes the capture may grow by (payloads and inflated messages): a deflate bomb stops here. */
  storedBytes: (fileBytes: number): number => Math.min(2 * 1024 * 1024 * 1024, Math.max(256 * 1024 * 1024, 16 * fileBytes)),
};

export interface ImportProgress {
  phase: 'scan' | 'decode';
  /** File bytes read in this phase, of totalBytes. */
  bytes: number;
  totalBytes: number;
  frames: number;
}

export interface ImportOptions {
  /** What the user calls the file, for messages. */
  name: string;
  signal?: AbortSignal;
  onProgress?(progress: ImportProgress): void;
}

interface Scan {
  encoding: ByteEncoding;
  frameBudget: number;
  connections: Json[];
  skipped: number;
  /** Non-empty lines that were neither the header nor a connection. */
  others: number;
}

export async function importCaptureFile(store: CaptureStore, path: string, options: ImportOptions): Promise<CaptureImportResult> {
  const label = options.name !== '' ? options.name : 'The file';
  const { size } = await stat(path);
  if (size > IMPORT_CAPS.fileBytes) throw new FramescopeError('limit', `${label} is ${mib(size)}; Framescope opens captures up to ${mib(IMPORT_CAPS.fileBytes)}.`);
  const scan = await scanFile(path, label, size, options);
  if (scan.connections.length === 0) {
    const unread = scan.skipped + scan.others;
    const why = unread > 0 ? ` (${unread} line${unread === 1 ? '' : 's'} could not be read)` : '';
    throw new FramescopeError('invalid', `${label} holds no Framescope capture${why}. Open a .jsonl file saved by Framescope or written by framescope capture --out.`);
  }
  return decodeFile(store, path, label, size, scan, options);
}

/** Pass 1: counts records against the caps and collects the header and connection records. */
async function scanFile(path: string, label: string, size: number, options: ImportOptions): Promise<Scan> {
  const scan: Scan = { encoding: 'hex', frameBudget: CAPTURE_FRAME_BUDGET, connections: [], skipped: 0, others: 0 };
  const slice = new TimeSlice(options.signal);
  let records = 0;
  let first = true;
  for await (const line of fileLines(path)) {
    if (++records > IMPORT_CAPS.records) throw new FramescopeError('limit', `${label} has more than ${IMPORT_CAPS.records.toLocaleString('en-US')} records; Framescope opens captures up to that many.`);
    const text = line.text;
    if (text === null) scan.skipped++;
    else if (first && text.startsWith('{"type":"capture"')) readHeader(scan, text);
    else if (text.length < 65536 && /"type"\s*:\s*"connection"/.test(text)) {
      const value = parse(text);
      if (isObject(value) && value.type === 'connection') {
        if (scan.connections.length >= IMPORT_CAPS.connections) {
          throw new FramescopeError('limit', `${label} has more than ${IMPORT_CAPS.connections.toLocaleString('en-US')} connections; Framescope opens captures up to that many.`);
        }
        scan.connections.push(value);
      } else scan.others++;
    } else if (text.trim() !== '') scan.others++;
    if (text !== null && text.trim() !== '') first = false;
    if (slice.due()) {
      options.onProgress?.({ phase: 'scan', bytes: line.end, totalBytes: size, frames: 0 });
      await slice.yield();
    }
  }
  return scan;
}

function readHeader(scan: Scan, text: string): void {
  const header = parse(text);
  if (!isObject(header)) return;
  if (header.bytes === 'base64') scan.encoding = 'base64';
  const budget = header.frameBudget;
  if (typeof budget === 'number' && Number.isSafeInteger(budget) && budget > 0) scan.frameBudget = Math.min(budget, IMPORT_CAPS.frameBudget);
}

/** Pass 2: connections into the store, then frames, data and HTTP records in file order. */
async function decodeFile(store: CaptureStore, path: string, label: string, size: number, scan: Scan, options: ImportOptions): Promise<CaptureImportResult> {
  const generation = store.generation;
  const grown = storeBytes(store);
  const maxStored = IMPORT_CAPS.storedBytes(size);
  const connections = new Map<number, Imported>();
  const exchanges: ImportedExchanges = new Map();
  let skipped = scan.skipped;
  const guard = (run: () => void): void => {
    // A bad record is counted and skipped. (The file's recorders record through a pause: import-frames.ts.)
    try {
      run();
    } catch (err) {
      if (!(err instanceof BadRecord)) throw err;
      skipped++;
    }
  };
  /** Frames this file added (live frames recorded between slices are not among them). */
  const recorded = (): number => {
    let n = 0;
    for (const c of connections.values()) for (const r of Object.values(c.recorders)) n += r.recorded;
    return n;
  };
  for (const line of scan.connections) {
    guard(() => {
      checkConnection(line, scan.encoding);
      const id = line.id as number;
      if (connections.has(id)) throw new BadRecord('duplicate connection');
      connections.set(id, addConnection(store, line, scan.encoding));
    });
  }
  const feeder = new FrameFeeder(store, connections, scan.encoding, scan.frameBudget);
  const slice = new TimeSlice(options.signal);
  const queue = recordQueueOf(store);
  try {
    for await (const line of fileLines(path)) {
      if (line.text !== null) feedLine(line.text, feeder, (run) => guard(run), store, connections, exchanges, scan.encoding, () => skipped++);
      // Inflation runs off the event loop (codec); wait for it here so the growth cap below sees
      // what each compressed message really inflates to before the next one is read.
      if (queue.pending > 0) await queue.settled();
      if (store.generation !== generation) throw new FramescopeError('conflict', `The capture was cleared while ${label} was being opened.`);
      if (storeBytes(store) - grown + inflatedBytes(connections) > maxStored) {
        throw new FramescopeError('limit', `${label} grew the capture by more than ${mib(maxStored)} (its messages inflate far beyond the file's ${mib(size)}). Framescope stopped opening it after ${recorded().toLocaleString('en-US')} frames.`);
      }
      if (slice.due()) {
        options.onProgress?.({ phase: 'decode', bytes: line.end, totalBytes: size, frames: recorded() });
        await slice.yield();
      }
    }
  } finally {
    // Whatever happened, nothing stays open: every connection read so far ends closed.
    guard(() => feeder.finishOpen());
    // Compressed messages inflate asynchronously (codec): every recorder ends and settles first.
    const recorders = [...connections.values()].flatMap((c) => Object.values(c.recorders));
    for (const r of recorders) guard(() => r.end());
    await Promise.all(recorders.map((r) => r.settled().catch(() => undefined)));
    for (const c of connections.values()) guard(() => finishConnection(store, c));
  }
  const frames = recorded();
  options.onProgress?.({ phase: 'decode', bytes: size, totalBytes: size, frames });
  return { connections: connections.size, frames, skipped };
}

function feedLine(
  text: string,
  feeder: FrameFeeder,
  guard: (run: () => void) => void,
  store: CaptureStore,
  connections: Map<number, Imported>,
  exchanges: ImportedExchanges,
  encoding: ByteEncoding,
  skip: () => void,
): void {
  if (text.trim() === '') return;
  const value = parse(text);
  const type = isObject(value) ? value.type : undefined;
  const line = value as Json;
  if (type === 'connection' || type === 'capture') return; // read in pass 1
  if (type === 'frame') guard(() => void (feeder.frame(line) || skip()));
  else if (type === 'data') guard(() => void (feeder.data(line) || skip()));
  else if (type === 'http') guard(() => addExchange(store, connections, line, encoding, exchanges));
  else if (type === 'body') guard(() => void (addBody(store, exchanges, line) || skip()));
  else skip(); // garbage, or the last line of a file cut off mid-write
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Bytes the file's compressed messages inflated to so far, kept or not. */
function inflatedBytes(connections: Map<number, Imported>): number {
  let n = 0;
  for (const c of connections.values()) for (const r of Object.values(c.recorders)) n += r.inflatedBytes;
  return n;
}

function storeBytes(store: CaptureStore): number {
  return store.frames.memoryBytes + store.frames.diskBytes + store.bodies.memoryBytes + store.bodies.diskBytes;
}

function mib(n: number): string {
  return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MiB`;
}
