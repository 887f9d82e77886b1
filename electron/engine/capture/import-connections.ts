// The connection and HTTP records of an opened capture file. A connection comes back as it was
// captured — its source, final state, close code and HTTP byte counts — but closed, and its
// handshake is recomputed from the raw heads (the accept check and permessage-deflate are the
// codec's, not the file's).
import type { ConnectionKind, ConnectionSource, DirectionCounters, HttpExchange, Peer } from '../../../shared/model';
import { parseHttpHead, type HttpHead } from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from './capture-store';
import { buildHandshake } from './handshake-detail';
import { BadRecord, bytes, endpoint, headBytes, int, isObject, optInt, optStr, str, type ByteEncoding, type Json } from './import-fields';
import type { WsDirectionRecorder } from './ws-recorder';

export interface Imported {
  record: ConnectionRecord;
  recorders: Partial<Record<Peer, WsDirectionRecorder>>;
  /** Directions whose stream ended (after an incomplete frame): nothing more can follow. */
  ended: Set<Peer>;
  final: { failed: boolean; closedAt: number | null; closeCode: number | null; closeReason: string | null; error: string | null };
  /** The counters the file recorded (the relay also counted handshake and HTTP bytes). */
  counters: Record<Peer, DirectionCounters> | null;
}

const SOURCES = new Set<ConnectionSource>(['reverse', 'forward', 'client', 'lab', 'import']);

/** Checks a connection record without touching the store; throws BadRecord. */
export function checkConnection(line: Json, encoding: ByteEncoding): void {
  int(line, 'id');
  str(line, 'url');
  int(line, 'openedAt');
  optInt(line, 'closedAt');
  optInt(line, 'closeCode', 0, 65535);
  optStr(line, 'closeReason');
  optStr(line, 'error');
  const handshake = isObject(line.handshake) ? line.handshake : {};
  headBytes(handshake.request, encoding);
}

export function addConnection(store: CaptureStore, line: Json, encoding: ByteEncoding): Imported {
  // Validate everything before touching the store, so a bad record leaves nothing behind.
  const kind: ConnectionKind = line.kind === 'http' || line.kind === 'tunnel' ? line.kind : 'websocket';
  const source = SOURCES.has(line.source as ConnectionSource) ? (line.source as ConnectionSource) : 'import';
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
  const request = head(headBytes(handshake.request, encoding));
  const response = head(headBytes(handshake.response, encoding));
  const counters = fileCounters(line.counters);

  const record = store.addConnection({ kind, source, url, client: endpoint(line.client) ?? { address: '', port: 0 }, openedAt });
  const server = endpoint(line.server);
  if (server !== null) store.connected(record, server);
  if (request !== null && kind === 'websocket') store.upgraded(record, buildHandshake(request, response));
  else store.opened(record);
  return { record, recorders: {}, ended: new Set(), final, counters };
}

/** Ends an imported connection: recorders flushed, the file's final state and byte counts applied. */
export function finishConnection(store: CaptureStore, conn: Imported): void {
  for (const recorder of Object.values(conn.recorders)) recorder.end();
  const s = conn.record.summary;
  const f = conn.final;
  let counters: Record<Peer, DirectionCounters> | null = null;
  if (conn.counters !== null) {
    const theirs = conn.counters;
    const merged = (p: Peer): DirectionCounters => {
      const mine = s.counters[p];
      // Frames and messages are what was replayed; bytes also count what the relay saw outside
      // frames (the handshake, HTTP bodies), which only the file knows. Never fewer than replayed.
      const bytes = Math.max(mine.bytes, theirs[p].bytes);
      return s.kind === 'websocket' ? { ...mine, bytes } : { ...theirs[p], bytes };
    };
    counters = { client: merged('client'), server: merged('server') };
  }
  // The file's close code and reason are the connection's own; close frames alone may not say it.
  store.importedEnd(conn.record, { failed: f.failed, closedAt: f.closedAt ?? s.openedAt, closeCode: f.closeCode, closeReason: f.closeReason, error: f.error, counters });
}

/** The file's exchange ids to the exchanges they became (body records name the file's id). */
export type ImportedExchanges = Map<number, Readonly<HttpExchange>>;

export function addExchange(store: CaptureStore, connections: Map<number, Imported>, line: Json, encoding: ByteEncoding, exchanges?: ImportedExchanges): void {
  const conn = connections.get(int(line, 'connectionId'));
  if (conn === undefined) throw new BadRecord('exchange of an unknown connection');
  const requestHead = bytes(line, 'requestHead', encoding);
  if (requestHead === null) throw new BadRecord('requestHead missing');
  const exchange = store.addExchange({
    connectionId: conn.record.summary.id,
    method: str(line, 'method'),
    url: str(line, 'url'),
    status: optInt(line, 'status', 0, 999),
    requestHead,
    responseHead: bytes(line, 'responseHead', encoding),
    requestBodyBytes: int(line, 'requestBodyBytes'),
    responseBodyBytes: int(line, 'responseBodyBytes'),
    startedAt: int(line, 'startedAt'),
    endedAt: optInt(line, 'endedAt'),
    sseEvents: int(line, 'sseEvents'),
  });
  if (typeof line.id === 'number') exchanges?.set(line.id, exchange);
}

/** A `body` record: the next piece of an exchange's kept body, in order (a piece out of order is skipped). */
export function addBody(store: CaptureStore, exchanges: ImportedExchanges, line: Json): boolean {
  const exchange = exchanges.get(int(line, 'exchange'));
  const side = line.side;
  if (exchange === undefined || (side !== 'request' && side !== 'response')) return false;
  const piece = bytes(line, 'bytes', 'base64');
  if (piece === null || int(line, 'offset') !== store.bodies.size(exchange.id, side).kept) return false;
  store.recordAnyway(() => store.appendBody(exchange, side, piece));
  return true;
}

function head(raw: Uint8Array | null): HttpHead | null {
  if (raw === null) return null;
  const parsed = parseHttpHead(raw);
  return 'error' in parsed ? null : parsed;
}

function fileCounters(v: unknown): Record<Peer, DirectionCounters> | null {
  if (!isObject(v)) return null;
  const one = (d: unknown): DirectionCounters | null => {
    if (!isObject(d)) return null;
    try {
      return { frames: int(d, 'frames'), bytes: int(d, 'bytes'), messages: int(d, 'messages') };
    } catch (err) {
      if (err instanceof BadRecord) return null;
      throw err;
    }
  };
  const client = one(v.client);
  const server = one(v.server);
  return client === null || server === null ? null : { client, server };
}
