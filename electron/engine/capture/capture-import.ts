// Open capture: reads a Framescope JSON Lines file (capture-records.ts) back into the store as
// closed connections. Each frame's exact wire bytes are rebuilt from its record with the codec's
// buildFrame and fed through the same WsDirectionRecorder the relay uses, so anatomy, violations,
// message reassembly and inflation are computed exactly as for live traffic, not trusted from the
// file. The file may be garbage, hand-edited or cut off: unusable lines are counted, never fatal.
import type { CaptureImportResult } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import type { ConnectionKind, Peer } from '../../../shared/model';
import { buildFrame, parseHttpHead, type HttpHead } from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from './capture-store';
import { buildHandshake } from './handshake-detail';
import { BadRecord, bool, bytes, endpoint, headBytes, int, isObject, optInt, optStr, peer, str, type Json } from './import-fields';
import { CAPTURE_FRAME_BUDGET, WsDirectionRecorder } from './ws-recorder';

/** Largest file accepted (also the browser-mode RPC's message limit). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** Payload bytes beyond what a truncated record kept, re-created as zeros so the true length stays. */
const MAX_PADDING = 512 * 1024 * 1024;
const PAD_CHUNK = 1024 * 1024;

interface Imported {
  record: ConnectionRecord;
  recorders: Partial<Record<Peer, WsDirectionRecorder>>;
  /** Directions whose stream ended (after an incomplete frame): nothing more can follow. */
  ended: Set<Peer>;
  final: { failed: boolean; closedAt: number | null; closeCode: number | null; closeReason: string | null; error: string | null };
}

export function importCapture(store: CaptureStore, name: string, data: Uint8Array): CaptureImportResult {
  const label = typeof name === 'string' && name !== '' ? name : 'The file';
  if (!(data instanceof Uint8Array)) throw new FramescopeError('invalid', 'The capture file must be bytes.');
  if (data.length > MAX_IMPORT_BYTES) {
    throw new FramescopeError('invalid', `${label} is ${(data.length / 1048576).toFixed(0)} MiB; Framescope opens captures up to ${MAX_IMPORT_BYTES / 1048576} MiB.`);
  }
  const records: Record<'connection' | 'frame' | 'http', Json[]> = { connection: [], frame: [], http: [] };
  let skipped = 0;
  for (const line of new TextDecoder().decode(data).split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped++; // garbage, or the last line of a file cut off mid-write
      continue;
    }
    const type = isObject(value) ? value.type : undefined;
    if (type === 'connection' || type === 'frame' || type === 'http') records[type].push(value as Json);
    else skipped++;
  }

  // Nothing else runs while this synchronous import does, so recording through a pause cannot let
  // live frames in; without it addFrame would drop every imported frame.
  const connections = new Map<number, Imported>();
  const framesBefore = store.frames.frames;
  store.recordAnyway(() => {
    for (const line of records.connection) {
      try {
        const id = int(line, 'id');
        if (connections.has(id)) throw new BadRecord('duplicate connection');
        connections.set(id, addConnection(store, line));
      } catch (err) {
        if (!(err instanceof BadRecord)) throw err;
        skipped++;
      }
    }
    const padding = { left: MAX_PADDING };
    for (const line of records.frame) {
      try {
        if (!feedFrame(store, connections, line, padding)) skipped++;
      } catch (err) {
        if (!(err instanceof BadRecord)) throw err;
        skipped++;
      }
    }
    for (const c of connections.values()) finish(store, c);
    for (const line of records.http) {
      try {
        addExchange(store, connections, line);
      } catch (err) {
        if (!(err instanceof BadRecord)) throw err;
        skipped++;
      }
    }
  });
  if (connections.size === 0) {
    const why = skipped > 0 ? ` (${skipped} line${skipped === 1 ? '' : 's'} could not be read)` : '';
    throw new FramescopeError('invalid', `${label} holds no Framescope capture${why}. Open a .jsonl file saved by Framescope or written by framescope capture --out.`);
  }
  return { connections: connections.size, frames: store.frames.frames - framesBefore, skipped };
}

function addConnection(store: CaptureStore, line: Json): Imported {
  // Validate everything before touching the store, so a bad record leaves nothing behind.
  const kind: ConnectionKind = line.kind === 'http' || line.kind === 'tunnel' ? line.kind : 'websocket';
  const url = str(line, 'url');
  const openedAt = int(line, 'openedAt');
  const final = {
    failed: line.state === 'failed',
    closedAt: optInt(line, 'closedAt'),
    closeCode: optInt(line, 'closeCode', 0, 65535),
    closeReason: optStr(line, 'closeReason'),
    error: optStr(line, 'error'),
  };
  const handshake = isObject(line.handshake) ? line.handshake : {};
  const request = head(headBytes(handshake.request));
  const response = head(headBytes(handshake.response));

  const record = store.addConnection({ kind, source: 'import', url, client: endpoint(line.client) ?? { address: '', port: 0 }, openedAt });
  const server = endpoint(line.server);
  if (server !== null) store.connected(record, server);
  // Recomputed from the raw heads, like the relay does, so the accept check and the
  // negotiated permessage-deflate are the codec's, not the file's.
  if (request !== null && kind === 'websocket') store.upgraded(record, buildHandshake(request, response));
  else store.opened(record);
  return { record, recorders: {}, ended: new Set(), final };
}

function head(raw: Uint8Array | null): HttpHead | null {
  if (raw === null) return null;
  const parsed = parseHttpHead(raw);
  return 'error' in parsed ? null : parsed;
}

/** Rebuilds one frame's bytes and records them; false when the record cannot be replayed. */
function feedFrame(store: CaptureStore, connections: Map<number, Imported>, line: Json, padding: { left: number }): boolean {
  const conn = connections.get(int(line, 'connection'));
  if (conn === undefined || conn.record.summary.kind !== 'websocket') return false;
  const from = peer(line, 'from');
  if (conn.ended.has(from)) return false;
  const masked = bool(line, 'masked');
  const maskKey = bytes(line, 'maskKey');
  if (masked && maskKey?.length !== 4) throw new BadRecord('a masked frame needs a 4-byte key');
  const payload = bytes(line, 'payload') ?? new Uint8Array(0);
  const payloadLength = int(line, 'payloadLength');
  const missing = payloadLength - payload.length;
  if (missing < 0) throw new BadRecord('payload longer than payloadLength');
  const incomplete = line.incomplete === true;
  // A payload cut at the capture budget is padded back to its true length with zeros: the
  // recorder keeps only the budget's worth, which is exactly the bytes the file holds, so no zero
  // is ever shown as data. A shorter cut would show zeros as data, so such a record is skipped.
  const paddable = line.payloadTruncated === true && payload.length >= CAPTURE_FRAME_BUDGET && missing <= padding.left;
  if (missing > 0 && !incomplete && !paddable) return false;
  // Keep the length encoding the sender chose (a non-minimal one is a violation worth keeping).
  const lengthBytes = int(line, 'headerLength') - (masked ? 4 : 0);
  const built = buildFrame({
    fin: bool(line, 'fin'),
    rsv1: bool(line, 'rsv1'),
    rsv2: bool(line, 'rsv2'),
    rsv3: bool(line, 'rsv3'),
    opcode: int(line, 'opcode', 0, 15),
    mask: masked,
    ...(maskKey !== null ? { maskKey } : {}),
    lengthEncoding: lengthBytes === 4 ? 16 : lengthBytes === 10 ? 64 : 'minimal',
    payload,
    declaredLength: payloadLength,
  });
  const time = int(line, 'time');
  const recorder = recorderFor(store, conn, from);
  if (line.injected === true) recorder.beginInjection(built.bytes.length + (incomplete ? 0 : missing));
  recorder.push(built.bytes, time);
  if (incomplete) {
    // The stream ended inside this frame: end() records it as incomplete, as the relay did.
    recorder.end();
    conn.ended.add(from);
  } else {
    padding.left -= missing;
    for (let left = missing; left > 0; left -= PAD_CHUNK) recorder.push(new Uint8Array(Math.min(PAD_CHUNK, left)), time);
  }
  return true;
}

function recorderFor(store: CaptureStore, conn: Imported, from: Peer): WsDirectionRecorder {
  let recorder = conn.recorders[from];
  if (recorder === undefined) {
    recorder = new WsDirectionRecorder(store, conn.record, from, conn.record.deflate);
    conn.recorders[from] = recorder;
  }
  return recorder;
}

function finish(store: CaptureStore, conn: Imported): void {
  for (const recorder of Object.values(conn.recorders)) recorder.end();
  const f = conn.final;
  // The file's close code and reason are the connection's own; close frames alone may not say it.
  store.importedEnd(conn.record, { failed: f.failed, closedAt: f.closedAt ?? conn.record.summary.openedAt, closeCode: f.closeCode, closeReason: f.closeReason, error: f.error });
}

function addExchange(store: CaptureStore, connections: Map<number, Imported>, line: Json): void {
  const conn = connections.get(int(line, 'connectionId'));
  if (conn === undefined) throw new BadRecord('exchange of an unknown connection');
  const requestHead = bytes(line, 'requestHead');
  if (requestHead === null) throw new BadRecord('requestHead missing');
  store.addExchange({
    connectionId: conn.record.summary.id,
    method: str(line, 'method'),
    url: str(line, 'url'),
    status: optInt(line, 'status', 0, 999),
    requestHead,
    responseHead: bytes(line, 'responseHead'),
    requestBodyBytes: int(line, 'requestBodyBytes'),
    responseBodyBytes: int(line, 'responseBodyBytes'),
    startedAt: int(line, 'startedAt'),
    endedAt: optInt(line, 'endedAt'),
    sseEvents: int(line, 'sseEvents'),
  });
}
