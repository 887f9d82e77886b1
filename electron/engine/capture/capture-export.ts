// Save capture: the whole capture (or one connection) as a Framescope capture file, written through
// the same record functions as `framescope capture --out`, so a saved file and a CLI file are one
// format. Connections come first so a reader meets each connection before its frames. The lines
// are produced one at a time and written in batches, in time slices: a capture of any size is
// saved in bounded memory while the engine goes on relaying.
import { FramescopeError } from '../../../shared/api/errors';
import { connectionLine, frameLines, headerLine, httpLine } from './capture-records';
import { snapshotConnection, type CaptureStore } from './capture-store';
import type { AsyncLineFile } from './line-sink';
import { frameKept } from './payload-reader';
import { TimeSlice } from './time-slice';
import { CAPTURE_FRAME_BUDGET } from './ws-recorder';

export function checkConnection(store: CaptureStore, connectionId: number | null): void {
  if (connectionId !== null && !store.connections.has(connectionId)) throw new FramescopeError('not-found', `No connection ${connectionId}.`);
}

/** Every line of the file, in order; frames are those captured when the generator started. */
export function* captureLines(store: CaptureStore, connectionId: number | null, progress?: (p: { done: number; total: number }) => void): Generator<string> {
  checkConnection(store, connectionId);
  const generation = store.generation;
  const count = store.frames.count;
  const table = store.frames;
  // The header names the most any frame kept: the budget the file's gaps are measured against.
  let budget = CAPTURE_FRAME_BUDGET;
  for (let id = 0; id < count; id++) if (connectionId === null || table.connection.data[id] === connectionId) budget = Math.max(budget, frameKept(store, id));
  yield headerLine(budget);
  for (const record of [...store.connections.values()]) {
    if (connectionId !== null && record.summary.id !== connectionId) continue;
    yield connectionLine({ summary: snapshotConnection(record.summary), handshake: record.handshake });
  }
  for (let id = 0; id < count; id++) {
    if (store.generation !== generation) throw new FramescopeError('conflict', 'The capture was cleared while it was being saved.');
    if (connectionId !== null && table.connection.data[id] !== connectionId) continue;
    yield* frameLines(store, id);
    progress?.({ done: id + 1, total: count });
  }
  for (const e of [...store.exchanges.values()]) if (connectionId === null || e.connectionId === connectionId) yield httpLine(e);
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
