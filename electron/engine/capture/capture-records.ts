// The records of a Framescope capture file (`framescope capture --out`, Save capture in the app):
// JSON Lines, one object per line, for connections, frames and HTTP exchanges (their kept bodies in
// `body` records after them). Version 2 (this
// file) starts with a `capture` header line and writes bytes as base64; a frame's payload (unmasked,
// with the masking key beside it so the wire bytes can be rebuilt exactly) is split into `data`
// records of at most DATA_PIECE bytes that follow their frame at once, so no line grows with the
// payload and a 20 MiB message is saved whole. Version 1 files (no header, hex bytes, one frame one
// line) are still read. One function per record type, shared by the CLI's writer and the app's
// export, so the two never drift apart; capture-import.ts reads them back.
import type { ConnectionDetail, HttpExchange, HttpHeadView, Peer, Violation } from '../../../shared/model';
import { FramescopeError } from '../../../shared/api/errors';
import type { BodyBook } from './body-book';
import { R_INCOMPLETE, R_INJECTED } from './frame-table';
import { toBase64 } from '../../../shared/protocol/hex';
import { frameHeader, frameKept, readFrameRange, type PayloadStore } from './payload-reader';

export const CAPTURE_FILE_VERSION = 2;
/**
 * Payload bytes per line: the frame record carries the first piece, `data` records the rest.
 * 48 KiB is 64 KiB of base64: a line's strings then stay in V8's young generation, in memory the
 * process already has, instead of a fresh large-object allocation per line (measured with
 * `npm run bench -- capture-file`: writing 1 MiB messages cost 5x less CPU than with 256 KiB).
 */
export const DATA_PIECE = 48 * 1024;
/** Where a piece is read before it becomes base64: one buffer, reused (each piece is consumed at once). */
const pieceScratch = new Uint8Array(DATA_PIECE);
/** Where a frame's header is read for the same reason (at most 14 bytes, RFC 6455 §5.2). */
const headerScratch = new Uint8Array(14);

/** Base64 (RFC 4648 §4). Headers and masking keys (≤ 14 bytes, two per frame) in JS: a Buffer round trip costs twice as much for them. */
export const b64 = (bytes: Uint8Array): string => (bytes.length <= 16 ? toBase64(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'));
const b64OrNull = (bytes: Uint8Array | null): string | null => (bytes === null ? null : b64(bytes));

/**
 * The first line. `frameBudget` is the payload the writing capture kept per frame: a frame holding
 * fewer bytes than its length was cut by that limit, which tells the reader what the gap means.
 */
export function headerLine(frameBudget: number): string {
  return line({ type: 'capture', format: 'framescope', version: CAPTURE_FILE_VERSION, bytes: 'base64', frameBudget });
}

/**
 * What a frame record says: read back from the store (Save capture), or taken from a frame as the
 * store records it (`framescope capture --out`, cli/capture-file.ts). One template serves both.
 */
export interface FrameRecordFields {
  id: number;
  connection: number;
  from: Peer;
  index: number;
  time: number;
  offset: number;
  /** The header as it travelled: FIN, RSV1-3, opcode, MASK and the masking key are read from it (RFC 6455 §5.2). */
  header: Uint8Array;
  payloadLength: number;
  kept: number;
  messageId: number;
  injected: boolean;
  incomplete: boolean;
  violations: readonly Violation[];
}

/**
 * The frame record up to its first payload piece (`"payload":"` ends it). Built as a template, not
 * with JSON.stringify: this runs once per frame at relay speed for `--out`. Every value here is a
 * number, a boolean, base64 or a fixed word: ASCII that needs no escaping. capture-records.test.ts
 * holds the whole record equal to its JSON.
 */
export function frameRecordHead(f: FrameRecordFields): string {
  const h = f.header;
  // RFC 6455 §5.2: byte 0 holds FIN, RSV1-3 and the opcode; byte 1 MASK; the key ends the header.
  const b0 = h[0] as number;
  const masked = ((h[1] as number) & 0x80) !== 0;
  const maskKey = masked ? `"${b64(h.subarray(h.length - 4))}"` : 'null';
  return (
    `{"type":"frame","id":${f.id},"connection":${f.connection},"from":"${f.from}","index":${f.index},` +
    `"time":${f.time},"offset":${f.offset},"fin":${(b0 & 0x80) !== 0},"rsv1":${(b0 & 0x40) !== 0},` +
    `"rsv2":${(b0 & 0x20) !== 0},"rsv3":${(b0 & 0x10) !== 0},"opcode":${b0 & 0x0f},"masked":${masked},"maskKey":${maskKey},` +
    `"payloadLength":${f.payloadLength},"headerLength":${h.length},"header":"${b64(h)}","kept":${f.kept},"payload":"`
  );
}

/** The rest of the frame record after its first piece's base64, newline included. Violations (rare) go through stringify: their words may be any text. */
export function frameRecordTail(f: FrameRecordFields): string {
  const violations = f.violations.length === 0 ? '[]' : JSON.stringify(f.violations);
  return `","messageId":${f.messageId},"injected":${f.injected},"incomplete":${f.incomplete},"violations":${violations}}\n`;
}

/** A `data` record: payload bytes of frame `id` from `offset`. Same record as line({ type: 'data', frame, offset, bytes }), built by hand: base64 needs no escaping, and stringify's scan of ~64 KB matters at relay speed. */
export function dataRecordLine(id: number, offset: number, bytes: Uint8Array): string {
  return `{"type":"data","frame":${id},"offset":${offset},"bytes":"${b64(bytes)}"}\n`;
}

/** The frame record and its `data` records, from the store, page by page (never the whole payload). */
export function* frameLines(store: PayloadStore, id: number): Generator<string> {
  const t = store.frames;
  const f: FrameRecordFields = {
    id,
    connection: t.connection(id),
    from: t.from(id),
    index: t.index(id),
    time: t.time(id),
    offset: t.offset(id),
    header: frameHeader(store, id, headerScratch),
    payloadLength: t.payloadLength(id),
    kept: frameKept(store, id),
    messageId: t.firstOfMessage(id),
    injected: t.hasFlag(id, R_INJECTED),
    incomplete: t.hasFlag(id, R_INCOMPLETE),
    violations: t.violations(id),
  };
  const first = Math.min(f.kept, DATA_PIECE);
  yield frameRecordHead(f) + b64(readFrameRange(store, id, 0, first, pieceScratch)) + frameRecordTail(f);
  for (let at = first; at < f.kept; at += DATA_PIECE) {
    // The oldest frames may be dropped (or the capture cleared) between two pieces of a large one.
    if (!t.has(id)) throw new FramescopeError('conflict', `Frame ${id} was dropped from the capture while it was being written.`);
    yield dataRecordLine(id, at, readFrameRange(store, id, at, Math.min(DATA_PIECE, f.kept - at), pieceScratch));
  }
}

export function connectionLine(c: ConnectionDetail): string {
  const h = c.handshake;
  return line({
    type: 'connection',
    ...c.summary,
    handshake: {
      request: head(h.request),
      response: head(h.response),
      accept: h.accept,
      offeredSubprotocols: h.offeredSubprotocols,
      subprotocol: h.subprotocol,
      offeredExtensions: h.offeredExtensions,
      extensions: h.extensions,
      violations: h.violations,
    },
  });
}

export function httpLine(e: HttpExchange): string {
  return line({ type: 'http', ...e, requestHead: b64(e.requestHead), responseHead: b64OrNull(e.responseHead) });
}

/** The kept bytes of an exchange's bodies (wire form), after its `http` record, in DATA_PIECE pieces. */
export function* bodyLines(store: { bodies: BodyBook }, e: HttpExchange): Generator<string> {
  for (const side of ['request', 'response'] as const) {
    const { kept } = store.bodies.size(e.id, side);
    for (let at = 0; at < kept; at += DATA_PIECE) {
      const bytes = store.bodies.read(e.id, side, at, Math.min(DATA_PIECE, kept - at));
      yield `{"type":"body","exchange":${e.id},"side":"${side}","offset":${at},"bytes":"${b64(bytes)}"}\n`;
    }
  }
}

function line(record: object): string {
  return `${JSON.stringify(record)}\n`;
}

function head(view: HttpHeadView | null): { startLine: string; raw: string } | null {
  return view === null ? null : { startLine: view.startLine, raw: b64(view.raw) };
}
