// Save capture: the whole capture (or one connection) as JSON Lines, written through the same
// record functions as `framescope capture --out`, so a saved file and a CLI file are one format.
// Connections come first so a reader meets each connection before its frames.
import { FramescopeError } from '../../../shared/api/errors';
import type { ConnectionSummary } from '../../../shared/model';
import { connectionRecord, frameRecord, httpRecord, recordLine } from './capture-records';
import type { CaptureStore } from './capture-store';
import { frameDetail } from './frame-detail';

export function exportCapture(store: CaptureStore, connectionId: number | null): Uint8Array {
  if (connectionId !== null && !store.connections.has(connectionId)) throw new FramescopeError('not-found', `No connection ${connectionId}.`);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  const add = (record: object): void => {
    const bytes = encoder.encode(recordLine(record));
    parts.push(bytes);
    size += bytes.length;
  };
  for (const record of store.connections.values()) {
    if (connectionId !== null && record.summary.id !== connectionId) continue;
    add(connectionRecord({ summary: store.snapshot(record.summary.id) as ConnectionSummary, handshake: record.handshake }));
  }
  const table = store.frames;
  for (let id = table.firstId; id < table.nextId; id++) {
    if (table.isGap(id) || (connectionId !== null && table.connection(id) !== connectionId)) continue;
    add(frameRecord(frameDetail(table, id)));
  }
  for (const e of store.exchanges.values()) if (connectionId === null || e.connectionId === connectionId) add(httpRecord(e));
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
