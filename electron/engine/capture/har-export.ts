// Save capture as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) in the shape Chrome
// DevTools writes, so the file opens in Chrome's Network panel (and other HAR viewers): one entry
// per HTTP exchange, and one per WebSocket connection carrying Chrome's private `_resourceType:
// 'websocket'` and `_webSocketMessages` fields. HAR is lossy (no frame headers, masks, fragments
// or violations) — JSON Lines remains the lossless format.
import { FramescopeError } from '../../../shared/api/errors';
import type { ConnectionSummary, HttpExchange } from '../../../shared/model';
import { OPCODE_TEXT, parseHttpHead, toBase64, type HttpHead } from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from './capture-store';
import { frameDetail } from './frame-detail';
import { R_GAP, R_MESSAGE_END } from './frame-table';

interface HarHeader {
  name: string;
  value: string;
}

interface HarMessage {
  type: 'send' | 'receive';
  /** Seconds since the epoch, fractional, as Chrome writes it. */
  time: number;
  opcode: number;
  data: string;
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
  _webSocketMessages?: HarMessage[];
  /** Only for sorting; removed before writing. */
  start: number;
}

/** Opcodes Chrome records for a WebSocket: text, binary, close, ping, pong (RFC 6455 §5.2). */
const RECORDED_OPCODES = new Set([0x1, 0x2, 0x8, 0x9, 0xa]);

export function exportHar(store: CaptureStore, connectionId: number | null, version: string): Uint8Array {
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
    else entries.push(httpEntry(e));
  }
  const messages = webSocketMessages(store, sockets);
  for (const [id, record] of sockets) entries.push(webSocketEntry(record, upgrades.get(id) ?? null, messages.get(id) ?? []));
  entries.sort((a, b) => a.start - b.start);
  const log = {
    log: {
      version: '1.2',
      creator: { name: 'Framescope', version },
      pages: [],
      entries: entries.map(({ start: _start, ...entry }) => entry),
    },
  };
  return new TextEncoder().encode(JSON.stringify(log, null, 2));
}

function httpEntry(e: HttpExchange): HarEntry {
  const request = parsed(e.requestHead);
  const response = e.responseHead === null ? null : parsed(e.responseHead);
  const time = e.endedAt === null ? 0 : (e.endedAt - e.startedAt) / 1000;
  const mimeType = (response && response.header('content-type')) ?? 'x-unknown';
  return {
    startedDateTime: isoTime(e.startedAt),
    time,
    request: harRequest(e.method, e.url, request, e.requestHead.length, e.requestBodyBytes),
    response: harResponse(response, e.responseHead?.length ?? -1, e.responseHead === null ? -1 : e.responseBodyBytes, {
      // The relay counts body bytes on the wire (chunked framing included) and keeps no bodies, so
      // the size is the closest number it has and there is no text.
      size: e.responseBodyBytes,
      mimeType,
    }),
    cache: {},
    // The relay times the exchange as a whole, not its phases: everything is waiting.
    timings: { send: 0, wait: time, receive: 0 },
    connection: String(e.connectionId),
    start: e.startedAt,
  };
}

function webSocketEntry(record: ConnectionRecord, upgrade: HttpExchange | null, messages: HarMessage[]): HarEntry {
  const s: ConnectionSummary = record.summary;
  const requestRaw = (record.handshake.request as { raw: Uint8Array }).raw;
  const responseRaw = (record.handshake.response as { raw: Uint8Array }).raw;
  const start = upgrade?.startedAt ?? s.openedAt;
  // Chrome's entry spans the socket's life; an open socket lasts up to its last message so far.
  const lastMessage = messages.length > 0 ? Math.round((messages[messages.length - 1] as HarMessage).time * 1e6) : start;
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
    _webSocketMessages: messages,
    start,
  };
}

/**
 * Each socket's messages in capture order: whole messages (reassembled and inflated, up to the
 * detail budget) and control frames, read once from the last frame of each, as Chrome records them.
 */
function webSocketMessages(store: CaptureStore, sockets: Map<number, ConnectionRecord>): Map<number, HarMessage[]> {
  const out = new Map<number, HarMessage[]>();
  if (sockets.size === 0) return out;
  const table = store.frames;
  for (let id = table.firstId; id < table.nextId; id++) {
    const connection = table.connection(id);
    if (!sockets.has(connection) || (table.rowFlags(id) & (R_MESSAGE_END | R_GAP)) !== R_MESSAGE_END) continue;
    const detail = frameDetail(table, id);
    const message = detail.message;
    if (message === null || !RECORDED_OPCODES.has(message.opcode)) continue;
    let list = out.get(connection);
    if (list === undefined) out.set(connection, (list = []));
    list.push({
      type: detail.summary.from === 'client' ? 'send' : 'receive',
      time: detail.summary.time / 1e6,
      opcode: message.opcode,
      // Chrome's rule (CDP WebSocketFrame.payloadData): UTF-8 text for opcode 1, base64 otherwise.
      data: message.opcode === OPCODE_TEXT ? new TextDecoder().decode(message.payload) : toBase64(message.payload),
    });
  }
  return out;
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

function harResponse(head: HttpHead | null, headersSize: number, bodySize: number, content: { size: number; mimeType: string }): object {
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
