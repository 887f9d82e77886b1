// Save capture as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) in the shape Chrome
// DevTools writes, so the file opens in Chrome's Network panel (and other HAR viewers): one entry
// per HTTP exchange, and one per WebSocket connection carrying Chrome's private `_resourceType:
// 'websocket'` and `_webSocketMessages` fields. HAR is lossy (no frame headers, masks, fragments
// or violations) — JSON Lines remains the lossless format. Messages are written whole (reassembled
// and inflated, base64 for binary, as Chrome writes them) at any size: the file is produced as a
// sequence of text pieces, each message read and encoded page by page, never as one string.
import { FramescopeError } from '../../../shared/api/errors';
import type { ConnectionSummary, HttpExchange } from '../../../shared/model';
import { OPCODE_TEXT, parseHttpHead, type HttpHead } from '../../../shared/protocol/index';
import { IndexList } from './columns';
import { harBody, type HarBody } from './har-body';
import type { CaptureStore, ConnectionRecord } from './capture-store';
import { messageOpcode } from './frame-preview';
import { R_GAP, R_MESSAGE_END } from './frame-table';
import { messageSpan, readMessageRange } from './payload-reader';

interface HarHeader {
  name: string;
  value: string;
}

interface HarEntry {
  startedDateTime: string;
  time: number;
  request: object;
  response: object;
  cache: object;
  timings: { send: number; wait: number; receive: number };
  connection: string;
  _resourceType?: string;
  /** Only for sorting; removed before writing. */
  start: number;
}

/** Opcodes Chrome records for a WebSocket: text, binary, close, ping, pong (RFC 6455 §5.2). */
const RECORDED_OPCODES = new Set([0x1, 0x2, 0x8, 0x9, 0xa]);

/** Text read per piece of a message: a multiple of 3, so base64 pieces join without padding. */
const PIECE = 768 * 1024;

/** The HAR file as text pieces, in order. */
export function* harPieces(store: CaptureStore, connectionId: number | null, version: string): Generator<string> {
  if (connectionId !== null && !store.connections.has(connectionId)) throw new FramescopeError('not-found', `No connection ${connectionId}.`);
  const wanted = (id: number): boolean => connectionId === null || id === connectionId;
  const sockets = new Map<number, ConnectionRecord>();
  for (const record of store.connections.values()) {
    const s = record.summary;
    if (wanted(s.id) && s.kind === 'websocket' && record.handshake.request !== null && record.handshake.response !== null) sockets.set(s.id, record);
  }
  const entries: HarEntry[] = [];
  const upgrades = new Map<number, HttpExchange>();
  for (const e of store.exchanges.values()) {
    if (!wanted(e.connectionId)) continue;
    // The upgrade that opened a captured WebSocket is that socket's entry, as in Chrome; not a second one.
    if (sockets.has(e.connectionId) && e.status === 101) upgrades.set(e.connectionId, e);
    else entries.push(httpEntry(store, e));
  }
  const messages = webSocketMessages(store, sockets);
  for (const [id, record] of sockets) entries.push(webSocketEntry(store, record, upgrades.get(id) ?? null, messages.get(id) ?? null));
  entries.sort((a, b) => a.start - b.start);
  yield `{"log":{"version":"1.2","creator":${JSON.stringify({ name: 'Framescope', version })},"pages":[],"entries":[`;
  let first = true;
  for (const { start: _start, ...entry } of entries) {
    const list = entry._resourceType === 'websocket' ? (messages.get(Number(entry.connection)) ?? new IndexList()) : null;
    const head = JSON.stringify(entry);
    yield `${first ? '' : ','}\n${list === null ? head : head.slice(0, -1)}`;
    first = false;
    if (list === null) continue;
    yield ',"_webSocketMessages":[';
    let written = 0;
    for (let i = 0; i < list.length; i++) {
      // A full capture that drops its oldest frames may drop a message before it is written.
      const lastId = list.at(i);
      if (store.frames.has(lastId)) yield* messagePieces(store, lastId, written++ === 0);
    }
    yield ']}';
  }
  yield '\n]}}\n';
}

/** One entry of `_webSocketMessages`, its data read and encoded a piece at a time. */
function* messagePieces(store: CaptureStore, lastId: number, first: boolean): Generator<string> {
  const t = store.frames;
  const span = messageSpan(store, lastId);
  const text = span.opcode === OPCODE_TEXT;
  const type = t.from(lastId) === 'server' ? 'receive' : 'send';
  // Chrome's rule (CDP WebSocketFrame.payloadData): UTF-8 text for opcode 1, base64 otherwise.
  yield `${first ? '' : ','}{"type":"${type}","time":${t.time(lastId) / 1e6},"opcode":${span.opcode},"data":"`;
  const decoder = new TextDecoder();
  for (let at = 0; at < span.kept; at += PIECE) {
    if (!t.has(span.frames.ids[0] as number)) throw new FramescopeError('conflict', 'The capture was cleared (or dropped its oldest frames) while this message was being saved.');
    const bytes = readMessageRange(store, span, at, PIECE);
    if (text) yield JSON.stringify(decoder.decode(bytes, { stream: true })).slice(1, -1);
    else yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
  }
  if (text) yield JSON.stringify(decoder.decode()).slice(1, -1);
  yield '"}';
}

/** Whole HAR bytes, for small captures and tests; Save streams harPieces to a file. */
export function exportHar(store: CaptureStore, connectionId: number | null, version: string): Uint8Array {
  return new TextEncoder().encode([...harPieces(store, connectionId, version)].join(''));
}

function httpEntry(store: CaptureStore, e: HttpExchange): HarEntry {
  const request = parsed(e.requestHead);
  const response = e.responseHead === null ? null : parsed(e.responseHead);
  const time = e.endedAt === null ? 0 : (e.endedAt - e.startedAt) / 1000;
  const mimeType = (response && response.header('content-type')) ?? 'x-unknown';
  return {
    startedDateTime: isoTime(e.startedAt),
    time,
    request: { ...harRequest(e.method, e.url, request, e.requestHead.length, e.requestBodyBytes), ...postData(store, e) },
    // Decoded, as Chrome writes it (har-body.ts); bodySize stays the wire count.
    response: harResponse(response, e.responseHead?.length ?? -1, e.responseHead === null ? -1 : e.responseBodyBytes, harBody(store, e, 'response') ?? { size: 0, mimeType }),
    cache: {},
    // The relay times the exchange as a whole, not its phases: everything is waiting.
    timings: { send: 0, wait: time, receive: 0 },
    connection: String(e.connectionId),
    start: e.startedAt,
  };
}

function webSocketEntry(store: CaptureStore, record: ConnectionRecord, upgrade: HttpExchange | null, messages: IndexList | null): HarEntry {
  const s: ConnectionSummary = record.summary;
  const requestRaw = (record.handshake.request as { raw: Uint8Array }).raw;
  const responseRaw = (record.handshake.response as { raw: Uint8Array }).raw;
  const start = upgrade?.startedAt ?? s.openedAt;
  // Chrome's entry spans the socket's life; an open socket lasts up to its last message so far.
  const lastId = messages !== null && messages.length > 0 ? messages.at(messages.length - 1) : -1;
  const lastMessage = store.frames.has(lastId) ? store.frames.time(lastId) : start;
  const end = s.closedAt ?? Math.max(lastMessage, start);
  const time = Math.max(0, (end - start) / 1000);
  const wait = upgrade?.endedAt != null ? (upgrade.endedAt - upgrade.startedAt) / 1000 : 0;
  return {
    startedDateTime: isoTime(start),
    time,
    request: harRequest(upgrade?.method ?? 'GET', s.url, parsed(requestRaw), requestRaw.length, 0),
    response: harResponse(parsed(responseRaw), responseRaw.length, 0, { size: 0, mimeType: 'x-unknown' }),
    cache: {},
    timings: { send: 0, wait, receive: Math.max(0, time - wait) },
    connection: String(s.id),
    _resourceType: 'websocket',
    start,
  };
}

/** Each socket's messages in capture order: the last frame of each whole message and each control frame Chrome records. */
function webSocketMessages(store: CaptureStore, sockets: Map<number, ConnectionRecord>): Map<number, IndexList> {
  const out = new Map<number, IndexList>();
  if (sockets.size === 0) return out;
  const table = store.frames;
  for (let id = table.firstId; id < table.nextId; id++) {
    if ((table.rowFlags(id) & (R_MESSAGE_END | R_GAP)) !== R_MESSAGE_END) continue;
    const connection = table.connection(id);
    if (!sockets.has(connection) || !RECORDED_OPCODES.has(messageOpcode(table, id))) continue;
    let list = out.get(connection);
    if (list === undefined) out.set(connection, (list = new IndexList()));
    list.push(id);
  }
  return out;
}

function postData(store: CaptureStore, e: HttpExchange): { postData?: object } {
  const body = harBody(store, e, 'request');
  return body === null ? {} : { postData: { mimeType: body.mimeType, text: body.text ?? '', ...(body.encoding ? { encoding: body.encoding } : {}), ...(body.comment ? { comment: body.comment } : {}) } };
}

function harRequest(method: string, url: string, head: HttpHead | null, headersSize: number, bodySize: number): object {
  return {
    method,
    url,
    httpVersion: head?.request?.version ?? 'HTTP/1.1',
    headers: headers(head),
    queryString: queryString(url),
    cookies: [],
    headersSize,
    bodySize,
  };
}

function harResponse(head: HttpHead | null, headersSize: number, bodySize: number, content: HarBody): object {
  // No answer (the server never replied): HAR's convention is status 0 and -1 for unknown sizes.
  return {
    status: head?.response?.status ?? 0,
    statusText: head?.response?.reason ?? '',
    httpVersion: head?.response?.version ?? '',
    headers: headers(head),
    cookies: [],
    content,
    redirectURL: '',
    headersSize,
    bodySize,
  };
}

function parsed(raw: Uint8Array): HttpHead | null {
  const head = parseHttpHead(raw);
  return 'error' in head ? null : head;
}

function headers(head: HttpHead | null): HarHeader[] {
  return head === null ? [] : head.headers.map((h) => ({ name: h.name, value: h.value }));
}

function queryString(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return []; // a URL the relay could not make absolute has no query HAR can describe
  }
}

/** Capture times are microseconds since the epoch; HAR wants ISO 8601. */
function isoTime(micros: number): string {
  return new Date(micros / 1000).toISOString();
}
