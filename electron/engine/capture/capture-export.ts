// Save capture: the whole capture (or one connection) as a Framescope capture file, written through
// the same record functions as `framescope capture --out`, so a saved file and a CLI file are one
// format. Connections come first so a reader meets each connection before its frames. The lines
// are produced one at a time and written in batches, in time slices: a capture of any size is
// saved in bounded memory while the engine goes on relaying.
import { FramescopeError } from '../../../shared/api/errors';
import type { ConnectionSummary } from '../../../shared/model';
import { bodyLines, connectionLine, frameLines, headerLine, httpLine } from './capture-records';
import type { CaptureStore } from './capture-store';
import type { AsyncLineFile } from './line-sink';
import { TimeSlice } from './time-slice';
import { CAPTURE_FRAME_BUDGET } from './ws-recorder';

export function checkConnection(store: CaptureStore, connectionId: number | null): void {
  if (connectionId !== null && !store.connections.has(connectionId)) throw new FramescopeError('not-found', `No connection ${connectionId}.`);
}

/** Every line of the file, in order; frames are those captured when the generator started. */
export function* captureLines(store: CaptureStore, connectionId: number | null, progress?: (p: { done: number; total: number }) => void): Generator<string> {
  checkConnection(store, connectionId);
  const generation = store.generation;
  const table = store.frames;
  const firstId = table.firstId;
  const end = table.nextId;
  const frame = (id: number): boolean => !table.isGap(id) && (connectionId === null || table.connection(id) === connectionId);
  // The header names the most any frame kept: the budget the file's gaps are measured against.
  let budget = CAPTURE_FRAME_BUDGET;
  for (let id = firstId; id < end; id++) if (frame(id)) budget = Math.max(budget, table.kept(id));
  yield headerLine(budget);
  for (const record of [...store.connections.values()]) {
    if (connectionId !== null && record.summary.id !== connectionId) continue;
    yield connectionLine({ summary: store.snapshot(record.summary.id) as ConnectionSummary, handshake: record.handshake });
  }
  for (let id = firstId; id < end; id++) {
    if (store.generation !== generation) throw new FramescopeError('conflict', 'The capture was cleared while it was being saved.');
    // A full capture that drops its oldest frames may drop some before they are written: the file
    // holds what the capture still held. Gap rows are not frames (a reopened file has its own ids).
    if (id < table.firstId) id = table.firstId;
    if (id >= end) break;
    if (!frame(id)) continue;
    yield* frameLines(store, id);
    progress?.({ done: id + 1 - firstId, total: end - firstId });
  }
  for (const e of [...store.exchanges.values()]) {
    if (connectionId !== null && e.connectionId !== connectionId) continue;
    yield httpLine(e);
    yield* bodyLines(store, e);
  }
}

/** Writes the capture file to `out` in slices; progress is reported about every slice. */
export async function writeCapture(
  lines: Iterable<string>,
  out: AsyncLineFile,
  signal?: AbortSignal,
): Promise<void> {
  const slice = new TimeSlice(signal);
  for (const text of lines) {
    const pending = out.write(text);
    if (pending !== null) await pending;
    if (slice.due()) await slice.yield();
  }
  await out.flush();
}
