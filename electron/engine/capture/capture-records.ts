// The records of a Framescope JSON Lines capture (`framescope capture --out`, Save capture in the
// app): one object per line, for connections, frames and HTTP exchanges. Bytes are lowercase hex
// (payloads unmasked, with the masking key beside them, so the wire bytes can be rebuilt exactly).
// One function per record type, shared by the CLI's file writer and the app's export, so the two
// can never drift apart; capture-import.ts reads them back.
import type { ConnectionDetail, FrameDetail, HttpExchange, HttpHeadView } from '../../../shared/model';
import { toHex } from '../../../shared/protocol/index';

const hex = (bytes: Uint8Array | null): string | null => (bytes === null ? null : toHex(bytes, ''));

export function frameRecord(f: FrameDetail): object {
  const s = f.summary;
  return {
    type: 'frame',
    id: s.id,
    connection: s.connectionId,
    from: s.from,
    index: s.index,
    time: s.time,
    offset: s.offset,
    fin: s.fin,
    rsv1: s.rsv1,
    rsv2: s.rsv2,
    rsv3: s.rsv3,
    opcode: s.opcode,
    masked: s.masked,
    maskKey: hex(f.maskKey),
    payloadLength: s.payloadLength,
    headerLength: s.headerLength,
    header: hex(f.headerBytes),
    payload: hex(f.payload),
    payloadTruncated: f.payloadTruncated,
    messageId: s.messageId,
    injected: s.injected,
    incomplete: s.incomplete,
    ...(f.message?.compressed ? { inflated: hex(f.message.payload), inflateError: f.message.inflateError } : {}),
    ...(f.close ? { closeCode: f.close.code, closeReason: f.close.reason } : {}),
    violations: f.violations,
  };
}

export function connectionRecord(c: ConnectionDetail): object {
  const h = c.handshake;
  return {
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
  };
}

export function httpRecord(e: HttpExchange): object {
  return { type: 'http', ...e, requestHead: hex(e.requestHead), responseHead: hex(e.responseHead) };
}

/** One JSON Lines line. */
export function recordLine(record: object): string {
  return `${JSON.stringify(record)}\n`;
}

function head(view: HttpHeadView | null): { startLine: string; raw: string } | null {
  return view === null ? null : { startLine: view.startLine, raw: toHex(view.raw, '') };
}
