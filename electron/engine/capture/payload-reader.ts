// Whole payloads at any size, one page at a time (readPayload): a frame's unmasked payload, or its
// message reassembled from its frames (RFC 6455 §5.4) or inflated (RFC 7692 §7.2.2). Nothing is
// ever read whole: a page is at most PAYLOAD_PAGE_BYTES, copied from memory or the spill file.
import { PAYLOAD_PAGE_BYTES, type PayloadChunk, type PayloadRange } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import type { InflatedBlob } from './frame-segment';
import type { FrameTable } from './frame-table';

export interface MessageFrames {
  /** First to last. */
  ids: number[];
  /** Declared payload bytes of all the frames. */
  length: number;
  /** Bytes kept from the start with no hole (a cut frame ends what can be read). */
  kept: number;
}

/** One message per table, so paging through a message of 80,000 fragments walks its chain once. */
const cache = new WeakMap<FrameTable, { key: number; frames: MessageFrames }>();

/** The frames of the message ending at (or, for an unfinished message, so far at) `lastId`. */
export function messageFrames(table: FrameTable, lastId: number): MessageFrames {
  const hit = cache.get(table);
  if (hit !== undefined && hit.key === lastId && table.has(hit.frames.ids[0] as number)) return hit.frames;
  const ids: number[] = [];
  for (let at = lastId; at >= 0; at = table.prevInMessage(at)) ids.push(at);
  ids.reverse();
  let length = 0;
  let kept = 0;
  let whole = true;
  for (const id of ids) {
    const declared = table.payloadLength(id);
    const k = table.kept(id);
    length += declared;
    if (whole) kept += k;
    if (k < declared) whole = false;
  }
  const frames = { ids, length, kept };
  cache.set(table, { key: lastId, frames });
  return frames;
}

/** n bytes of the message from `offset` (fewer where not kept). */
export function readMessage(table: FrameTable, frames: MessageFrames, inflated: InflatedBlob | null, offset: number, n: number): Uint8Array {
  if (inflated !== null) {
    const out = new Uint8Array(Math.max(0, Math.min(n, inflated.kept - offset)));
    const got = table.readInflated(frames.ids[frames.ids.length - 1] as number, offset, out.length, out);
    return out.subarray(0, got);
  }
  const out = new Uint8Array(Math.max(0, Math.min(n, frames.kept - offset)));
  let done = 0;
  let start = 0; // message offset of the current frame's payload
  for (const id of frames.ids) {
    if (done === out.length) break;
    const declared = table.payloadLength(id);
    const end = start + declared;
    if (offset + done < end) {
      const from = offset + done - start;
      const want = Math.min(out.length - done, declared - from);
      const got = table.readStored(id, table.headerLength(id) + from, want, out, done);
      done += got;
      if (got < want) break;
    }
    start = end;
  }
  return out.subarray(0, done);
}

export function readPayload(table: FrameTable, range: PayloadRange): PayloadChunk {
  const id = range?.frameId;
  if (!table.has(id) || table.isGap(id)) throw new FramescopeError('not-found', `No frame ${String(id)} in the capture.`);
  const offset = range.offset;
  const length = range.length;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new FramescopeError('invalid', 'The payload offset must be a whole number of bytes, 0 or more.');
  if (!Number.isSafeInteger(length) || length < 0) throw new FramescopeError('invalid', 'The payload length must be a whole number of bytes, 0 or more.');
  const n = Math.min(length, PAYLOAD_PAGE_BYTES);
  if (range.part === 'frame') {
    const total = table.payloadLength(id);
    const kept = table.kept(id);
    const out = new Uint8Array(Math.max(0, Math.min(n, kept - offset)));
    const got = out.length === 0 ? 0 : table.readStored(id, table.headerLength(id) + offset, out.length, out);
    return { total, kept, offset, bytes: out.subarray(0, got) };
  }
  if (range.part !== 'message') throw new FramescopeError('invalid', "The payload part must be 'frame' or 'message'.");
  const frames = messageFrames(table, id);
  const inflated = table.inflated(id);
  const total = inflated !== null ? inflated.total : frames.length;
  const kept = inflated !== null ? inflated.kept : frames.kept;
  return { total, kept, offset, bytes: readMessage(table, frames, inflated, offset, n) };
}
