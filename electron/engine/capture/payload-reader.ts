// Whole payloads at any size, one piece at a time: a frame's unmasked payload, or its message
// reassembled from its frames (RFC 6455 §5.4) or inflated (RFC 7692 §7.2.2), by offset and length.
// Save, HAR, search, the paged viewer and the contract's readPayload all read through here, never
// through FrameDetail (which holds one page); every read is a ranged copy out of the frame table
// (memory or the spill file), so nothing is ever read whole.
import { PAYLOAD_PAGE_BYTES, type PayloadChunk, type PayloadRange } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import type { InflatedBlob } from './frame-segment';
import { messageOpcode } from './frame-preview';
import { R_MESSAGE_END, type FrameTable } from './frame-table';

/** Largest piece one readPayload call returns. */
export const MAX_PAYLOAD_PAGE = PAYLOAD_PAGE_BYTES;
/** How far forward to look for the last frame of a message a fragment belongs to. */
const MESSAGE_END_SCAN = 100_000;

/** What reads need of the capture store. */
export interface PayloadStore {
  readonly frames: FrameTable;
}

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
    const last = frames.ids[frames.ids.length - 1] as number;
    const out = new Uint8Array(Math.max(0, Math.min(n, inflated.kept - offset)));
    const got = table.has(last) ? table.readInflated(last, offset, out.length, out) : 0;
    return out.subarray(0, got);
  }
  const out = new Uint8Array(Math.max(0, Math.min(n, frames.kept - offset)));
  let done = 0;
  let start = 0; // message offset of the current frame's payload
  for (const id of frames.ids) {
    // A slow reader (a save, a search) may outlive frames that a full capture dropped meanwhile.
    if (done === out.length || !table.has(id)) break;
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

export function checkFrameId(store: PayloadStore, id: number): void {
  const t = store.frames;
  if (!t.has(id) || t.isGap(id)) throw new FramescopeError('not-found', `No frame ${String(id)} in the capture.`);
}

/** Payload bytes of a frame that Framescope kept (== payloadLength unless a limit cut it). */
export function frameKept(store: PayloadStore, id: number): number {
  return store.frames.kept(id);
}

/** The frame's header bytes as they travelled (masking key included). */
export function frameHeader(store: PayloadStore, id: number, scratch?: Uint8Array): Uint8Array {
  const t = store.frames;
  const n = t.headerLength(id);
  // A caller that consumes the header at once lends a buffer to reuse (readFrameRange does the same).
  const out = scratch !== undefined && scratch.length >= n ? scratch.subarray(0, n) : new Uint8Array(n);
  return out.subarray(0, t.readStored(id, 0, out.length, out));
}

/** Up to `length` kept payload bytes of a frame (unmasked) from `offset`; a fresh copy. */
export function readFrameRange(store: PayloadStore, id: number, offset: number, length: number, scratch?: Uint8Array): Uint8Array {
  const t = store.frames;
  const n = Math.max(0, Math.min(length, t.kept(id) - offset));
  // A caller that consumes the bytes at once (the capture file's base64) lends a buffer to reuse.
  const out = scratch !== undefined && scratch.length >= n ? scratch.subarray(0, n) : new Uint8Array(n);
  const got = out.length === 0 ? 0 : t.readStored(id, t.headerLength(id) + offset, out.length, out);
  return out.subarray(0, got);
}

/** Where a message's bytes live: its inflated blob, or the payloads of its frames in order. */
export interface MessageSpan {
  lastId: number;
  opcode: number;
  frames: MessageFrames;
  /** The inflated message of a compressed one, or null (then the frames' payloads are the message). */
  inflated: InflatedBlob | null;
  /** Bytes kept: what can be read. */
  kept: number;
  /** True size: the wire payload lengths' sum, or the inflated size. */
  total: number;
}

/** The message whose last frame (or, unfinished, latest frame so far) is `lastId`; a control frame is its own message. */
export function messageSpan(store: PayloadStore, lastId: number): MessageSpan {
  const t = store.frames;
  const frames = messageFrames(t, lastId);
  const inflated = t.hasFlag(lastId, R_MESSAGE_END) ? t.inflated(lastId) : null;
  const opcode = messageOpcode(t, lastId);
  if (inflated !== null) return { lastId, opcode, frames, inflated, kept: inflated.kept, total: inflated.total };
  return { lastId, opcode, frames, inflated: null, kept: frames.kept, total: frames.length };
}

/**
 * The last frame of the message frame `id` belongs to; for a message that has not ended (yet),
 * its latest frame. Continuations name their message's first frame, so the scan compares one id.
 */
export function messageLastFrame(store: PayloadStore, id: number): number {
  const t = store.frames;
  if (t.hasFlag(id, R_MESSAGE_END)) return id;
  const connection = t.connection(id);
  const first = t.firstOfMessage(id);
  const end = Math.min(t.nextId, id + MESSAGE_END_SCAN);
  let latest = id;
  for (let at = id + 1; at < end; at++) {
    if (t.isGap(at) || t.connection(at) !== connection || t.firstOfMessage(at) !== first) continue;
    latest = at;
    if (t.hasFlag(at, R_MESSAGE_END)) return at;
  }
  return latest;
}

/** Up to `length` bytes of the message from `offset`, walking its frames; a fresh copy. */
export function readMessageRange(store: PayloadStore, span: MessageSpan, offset: number, length: number): Uint8Array {
  return readMessage(store.frames, span.frames, span.inflated, offset, length);
}

/** One page (at most PAYLOAD_PAGE_BYTES) of a frame's payload or of its whole message (the contract's readPayload). */
export function readPayload(store: PayloadStore, range: PayloadRange): PayloadChunk {
  const id = range?.frameId;
  checkFrameId(store, id);
  const offset = range.offset;
  const length = range.length;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new FramescopeError('invalid', 'The payload offset must be a whole number of bytes, 0 or more.');
  if (!Number.isSafeInteger(length) || length < 0) throw new FramescopeError('invalid', 'The payload length must be a whole number of bytes, 0 or more.');
  const n = Math.min(length, PAYLOAD_PAGE_BYTES);
  const t = store.frames;
  if (range.part === 'frame') return { total: t.payloadLength(id), kept: t.kept(id), offset, bytes: readFrameRange(store, id, offset, n) };
  if (range.part !== 'message') throw new FramescopeError('invalid', "The payload part must be 'frame' or 'message'.");
  const span = messageSpan(store, messageLastFrame(store, id));
  return { total: span.total, kept: span.kept, offset, bytes: readMessageRange(store, span, offset, n) };
}
