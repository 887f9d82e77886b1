// Rows and details read back out of the frame table: a FrameSummary per table row, and the anatomy
// of the one frame the user opened (header bytes, fields, masking key, the payload both unmasked and
// as it travelled, the reassembled message, the close code). A detail carries at most
// DETAIL_PAYLOAD_BUDGET bytes of payload; the rest is read page by page (payload-reader.ts).
import { FramescopeError } from '../../../shared/api/errors';
import type { FrameDetail, FrameSummary, MessageInfo } from '../../../shared/model';
import { OPCODE_CLOSE, frameFields, isControlOpcode, parseClosePayload } from '../../../shared/protocol/index';
import { framePreview, messageOpcode } from './frame-preview';
import { R_COMPRESSED, R_GAP, R_GAP_FULL, R_INCOMPLETE, R_INJECTED, R_MESSAGE_END, R_MESSAGE_TRUNCATED, type FrameTable } from './frame-table';
import { messageFrames, readMessage } from './payload-reader';

/** Payload bytes (of the frame, and of its message) a FrameDetail carries; readPayload pages the rest. */
export const DETAIL_PAYLOAD_BUDGET = 1024 * 1024;
/** Frame ids listed in a MessageInfo (frameCount says how many there are). */
export const MESSAGE_FRAME_IDS = 1000;

export function frameSummary(table: FrameTable, id: number): FrameSummary {
  const flags = table.rowFlags(id);
  const connectionId = table.connection(id);
  if ((flags & R_GAP) !== 0) return gapSummary(table, id, connectionId, flags);
  const b0 = table.byte0(id);
  return {
    id,
    connectionId,
    from: table.from(id),
    index: table.index(id),
    time: table.time(id),
    offset: table.offset(id),
    fin: (b0 & 0x80) !== 0,
    rsv1: (b0 & 0x40) !== 0,
    rsv2: (b0 & 0x20) !== 0,
    rsv3: (b0 & 0x10) !== 0,
    opcode: b0 & 0x0f,
    masked: table.masked(id),
    payloadLength: table.payloadLength(id),
    headerLength: table.headerLength(id),
    preview: framePreview(table, id),
    messageId: table.firstOfMessage(id),
    injected: (flags & R_INJECTED) !== 0,
    incomplete: (flags & R_INCOMPLETE) !== 0,
    violationCount: table.violations(id).length,
  };
}

function gapSummary(table: FrameTable, id: number, connectionId: number, flags: number): FrameSummary {
  return {
    id,
    connectionId,
    from: table.from(id),
    index: 0,
    time: table.time(id),
    offset: 0,
    fin: false,
    rsv1: false,
    rsv2: false,
    rsv3: false,
    opcode: 0,
    masked: false,
    payloadLength: 0,
    headerLength: 0,
    preview: framePreview(table, id),
    messageId: id,
    injected: false,
    incomplete: false,
    violationCount: 0,
    gap: { frames: table.index(id), reason: (flags & R_GAP_FULL) !== 0 ? 'full' : 'paused' },
  };
}

export function frameDetail(table: FrameTable, id: number): FrameDetail {
  if (!table.has(id)) throw new FramescopeError('not-found', `No frame ${id} in the capture.`);
  const summary = frameSummary(table, id);
  if (summary.gap !== undefined) throw new FramescopeError('not-found', `Row ${id} is a gap (${summary.preview}), not a frame.`);
  const headerLength = summary.headerLength;
  const kept = table.kept(id);
  const shown = Math.min(kept, DETAIL_PAYLOAD_BUDGET);
  const stored = new Uint8Array(headerLength + shown);
  const got = table.readStored(id, 0, stored.length, stored);
  const headerBytes = stored.slice(0, headerLength);
  const payload = stored.subarray(headerLength, Math.max(headerLength, got));
  const maskKey = summary.masked ? headerBytes.slice(headerLength - 4) : null;
  // RFC 6455 §5.3: the wire bytes are the payload XORed with the key, octet i with key[i % 4].
  let wirePayload = payload;
  if (maskKey !== null) {
    wirePayload = new Uint8Array(payload.length);
    for (let i = 0; i < payload.length; i++) wirePayload[i] = (payload[i] as number) ^ (maskKey[i & 3] as number);
  }
  const lengthEncoding = table.lengthEncoding(id);
  let close: FrameDetail['close'] = null;
  if (summary.opcode === OPCODE_CLOSE && payload.length === summary.payloadLength) {
    const parsed = parseClosePayload(payload);
    close = { code: parsed.code, reason: parsed.reason };
  }
  return {
    summary,
    headerBytes,
    lengthEncoding,
    maskKey,
    fields: [...frameFields(lengthEncoding, summary.masked, summary.payloadLength)],
    payload,
    payloadKept: kept,
    payloadTruncated: payload.length < summary.payloadLength,
    wirePayload,
    message: table.hasFlag(id, R_MESSAGE_END) ? messageInfo(table, id) : null,
    close,
    violations: table.violations(id),
  };
}

function messageInfo(table: FrameTable, lastId: number): MessageInfo {
  const frames = messageFrames(table, lastId);
  const first = read(frames.ids, 0, MESSAGE_FRAME_IDS);
  const inflated = table.inflated(lastId);
  const shown = Math.min(DETAIL_PAYLOAD_BUDGET, inflated !== null ? inflated.kept : frames.kept);
  const payload = readMessage(table, frames, inflated, 0, shown);
  const op = messageOpcode(table, lastId);
  const messageLength = inflated !== null ? inflated.total : frames.length;
  const keptAll = inflated !== null ? inflated.kept >= inflated.total : frames.kept >= frames.length;
  return {
    messageId: table.firstOfMessage(lastId),
    opcode: op,
    frameIds: first,
    frameCount: frames.ids.length,
    length: frames.length,
    messageLength,
    compressed: table.hasFlag(lastId, R_COMPRESSED) && !isControlOpcode(op),
    payload,
    truncated: !keptAll || payload.length < messageLength || table.hasFlag(lastId, R_MESSAGE_TRUNCATED) || table.hasFlag(lastId, R_INCOMPLETE),
    inflateError: table.inflateError(lastId),
    ...(inflated !== null && inflated.kept < inflated.total ? { inflatedLength: inflated.total } : {}),
  };
}

function read(ids: readonly number[], from: number, n: number): number[] {
  return ids.length <= n && from === 0 ? [...ids] : ids.slice(from, from + n);
}
