// Rows and details read back out of the columnar frame table: a FrameSummary per table row, and
// the full anatomy (header bytes, fields, masking key, payload both unmasked and as it travelled,
// the reassembled message, the close code) for the one frame the user opened.
import { FramescopeError } from '../../../shared/api/errors';
import type { FrameDetail, FrameSummary, MessageInfo } from '../../../shared/model';
import { OPCODE_CLOSE, frameFields, isControlOpcode, parseClosePayload } from '../../../shared/protocol/index';
import type { BlobStore } from './blob-store';
import { framePreview, messageOpcode } from './frame-preview';
import {
  F_COMPRESSED,
  F_FIN,
  F_INCOMPLETE,
  F_INJECTED,
  F_MASKED,
  F_MESSAGE_END,
  F_MESSAGE_TRUNCATED,
  F_RSV1,
  F_RSV2,
  F_RSV3,
  type FrameTable,
} from './frame-table';

/** Bytes of a reassembled message returned in a FrameDetail (the rest is counted, not sent). */
export const MESSAGE_DETAIL_BUDGET = 1024 * 1024;

export function frameSummary(table: FrameTable, blobs: BlobStore, id: number): FrameSummary {
  return {
    id,
    connectionId: table.connection.data[id] as number,
    from: table.from(id),
    index: table.index.data[id] as number,
    time: table.time.data[id] as number,
    offset: table.offset.data[id] as number,
    fin: table.has(id, F_FIN),
    rsv1: table.has(id, F_RSV1),
    rsv2: table.has(id, F_RSV2),
    rsv3: table.has(id, F_RSV3),
    opcode: table.opcode(id),
    masked: table.has(id, F_MASKED),
    payloadLength: table.payloadLength.data[id] as number,
    headerLength: table.headerLength(id),
    preview: framePreview(table, blobs, id),
    messageId: table.messageId.data[id] as number,
    injected: table.has(id, F_INJECTED),
    incomplete: table.has(id, F_INCOMPLETE),
    violationCount: table.violationCount.data[id] as number,
  };
}

/** The stored unmasked payload of a frame (at most the per-frame budget). */
export function framePayload(table: FrameTable, blobs: BlobStore, id: number): Uint8Array {
  return blobs.read(table.blob.data[id] as number).subarray(table.headerLength(id));
}

export function frameDetail(table: FrameTable, blobs: BlobStore, id: number): FrameDetail {
  if (!Number.isInteger(id) || id < 0 || id >= table.count) throw new FramescopeError('not-found', `No frame ${id} in the capture.`);
  const summary = frameSummary(table, blobs, id);
  const stored = blobs.read(table.blob.data[id] as number);
  const headerBytes = stored.slice(0, summary.headerLength);
  const payload = stored.subarray(summary.headerLength);
  const maskKey = summary.masked ? headerBytes.slice(summary.headerLength - 4) : null;
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
    payloadTruncated: payload.length < summary.payloadLength,
    wirePayload,
    message: table.has(id, F_MESSAGE_END) ? messageInfo(table, blobs, id) : null,
    close,
    violations: table.violations.get(id) ?? [],
  };
}

function messageInfo(table: FrameTable, blobs: BlobStore, lastId: number): MessageInfo {
  const frameIds: number[] = [];
  for (let at = lastId; at >= 0; at = table.prevInMessage.data[at] as number) frameIds.push(at);
  frameIds.reverse();
  let length = 0;
  for (const f of frameIds) length += table.payloadLength.data[f] as number;
  const compressed = table.has(lastId, F_COMPRESSED);
  const inflatedBlob = table.inflated.data[lastId] as number;
  let truncated = table.has(lastId, F_MESSAGE_TRUNCATED);
  let payload: Uint8Array;
  if (inflatedBlob >= 0) {
    payload = blobs.read(inflatedBlob);
  } else {
    const parts: Uint8Array[] = [];
    let kept = 0;
    for (const f of frameIds) {
      if (kept >= MESSAGE_DETAIL_BUDGET) {
        truncated = true;
        break;
      }
      const p = framePayload(table, blobs, f);
      const part = p.subarray(0, Math.min(p.length, MESSAGE_DETAIL_BUDGET - kept));
      if (part.length < (table.payloadLength.data[f] as number)) truncated = true;
      parts.push(part);
      kept += part.length;
    }
    payload = new Uint8Array(kept);
    let at = 0;
    for (const p of parts) {
      payload.set(p, at);
      at += p.length;
    }
  }
  const op = messageOpcode(table, lastId);
  return {
    messageId: table.messageId.data[lastId] as number,
    opcode: op,
    frameIds,
    length,
    compressed: compressed && !isControlOpcode(op),
    payload,
    truncated: truncated || table.has(lastId, F_INCOMPLETE),
    inflateError: table.inflateErrors.get(lastId) ?? null,
    ...(table.inflatedLengths.has(lastId) ? { inflatedLength: table.inflatedLengths.get(lastId) as number } : {}),
  };
}
