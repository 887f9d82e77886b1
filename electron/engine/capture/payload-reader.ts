// Reads captured payloads in pieces: a frame's unmasked payload, or a whole message (reassembled
// across its frames, or inflated when compressed), by offset and length. Save, HAR, search and the
// paged viewer all read through here, never through FrameDetail (which holds one page), so when
// the store learns to read blob ranges without a copy (its `readPayload`), only this file changes.
import type { PayloadChunk, PayloadRange } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import { isControlOpcode } from '../../../shared/protocol/index';
import { HOT_BYTES } from './blob-store';
import type { CaptureStore } from './capture-store';
import { messageOpcode } from './frame-preview';
import { F_COMPRESSED, F_MESSAGE_END, F_MESSAGE_TRUNCATED } from './frame-table';

/** Largest piece one readPayload call returns. */
export const MAX_PAYLOAD_PAGE = 1024 * 1024;
/** How far forward to look for the last frame of a message a fragment belongs to. */
const MESSAGE_END_SCAN = 100_000;

/**
 * Today's BlobStore reads a blob whole; reading a 20 MiB payload page by page would copy it once
 * per page. One blob is kept between calls (the one being paged through), keyed by the store's
 * generation so Clear can never serve stale bytes.
 */
/** What reads need of the capture store. */
export type PayloadStore = Pick<CaptureStore, 'frames' | 'blobs' | 'generation'>;

interface Cached {
  store: PayloadStore;
  generation: number;
  blob: number;
  bytes: Uint8Array;
}
let cached: Cached | null = null;

function blobBytes(store: PayloadStore, blob: number): Uint8Array {
  const c = cached;
  if (c !== null && c.store === store && c.generation === store.generation && c.blob === blob) return c.bytes;
  const bytes = store.blobs.read(blob);
  cached = { store, generation: store.generation, blob, bytes };
  return bytes;
}

export function checkFrameId(store: PayloadStore, id: number): void {
  if (!Number.isInteger(id) || id < 0 || id >= store.frames.count) throw new FramescopeError('not-found', `No frame ${id} in the capture.`);
}

/** Payload bytes of a frame that Framescope kept (== payloadLength unless a limit cut it). */
export function frameKept(store: PayloadStore, id: number): number {
  const t = store.frames;
  return store.blobs.length(t.blob.data[id] as number) - t.headerLength(id);
}

/** The frame's header bytes as they travelled (masking key included). */
export function frameHeader(store: PayloadStore, id: number): Uint8Array {
  return store.blobs.prefix(store.frames.blob.data[id] as number, store.frames.headerLength(id)).slice();
}

/** Up to `length` kept payload bytes of a frame (unmasked) from `offset`. A view: copy to keep. */
export function readFrameRange(store: PayloadStore, id: number, offset: number, length: number): Uint8Array {
  const t = store.frames;
  const h = t.headerLength(id);
  const blob = t.blob.data[id] as number;
  const stored = store.blobs.length(blob);
  const from = Math.min(stored, h + offset);
  const to = Math.min(stored, from + length);
  if (to <= HOT_BYTES) return store.blobs.prefix(blob, to).subarray(from);
  return blobBytes(store, blob).subarray(from, to);
}

/** Where a message's bytes live: its inflated blob, or the payloads of its frames in order. */
export interface MessageSpan {
  lastId: number;
  opcode: number;
  frameIds: number[];
  compressed: boolean;
  /** Inflated blob of a compressed message, or -1 (then the frames' payloads are the message). */
  inflatedBlob: number;
  /** Bytes kept: what can be read. */
  kept: number;
  /** True size: the wire payload lengths' sum, or for an inflated message what was kept of it. */
  total: number;
  /** Some of the message was not kept (a Framescope limit), or its stream ended inside it. */
  truncated: boolean;
}

/** The message whose last frame is `lastId` (a control frame is its own message). */
export function messageSpan(store: PayloadStore, lastId: number): MessageSpan {
  const t = store.frames;
  const frameIds: number[] = [];
  for (let at = lastId; at >= 0; at = t.prevInMessage.data[at] as number) frameIds.push(at);
  frameIds.reverse();
  const opcode = messageOpcode(t, lastId);
  const inflatedBlob = t.inflated.data[lastId] as number;
  const compressed = t.has(lastId, F_COMPRESSED) && !isControlOpcode(opcode);
  let truncated = t.has(lastId, F_MESSAGE_TRUNCATED);
  if (inflatedBlob >= 0) {
    const kept = store.blobs.length(inflatedBlob);
    return { lastId, opcode, frameIds, compressed, inflatedBlob, kept, total: kept, truncated };
  }
  let kept = 0;
  let total = 0;
  for (const f of frameIds) {
    const k = frameKept(store, f);
    const len = t.payloadLength.data[f] as number;
    if (k < len) truncated = true;
    kept += k;
    total += len;
  }
  return { lastId, opcode, frameIds, compressed, inflatedBlob: -1, kept, total, truncated };
}

/** The last frame of the message frame `id` belongs to, or -1 when it never ended in the capture. */
export function messageEndOf(store: PayloadStore, id: number): number {
  const t = store.frames;
  if (t.has(id, F_MESSAGE_END)) return id;
  const connection = t.connection.data[id];
  const message = t.messageId.data[id];
  const end = Math.min(t.count, id + MESSAGE_END_SCAN);
  for (let at = id + 1; at < end; at++) {
    if (t.connection.data[at] !== connection || t.messageId.data[at] !== message) continue;
    if (t.has(at, F_MESSAGE_END)) return at;
  }
  return -1;
}

/** Up to `length` bytes of the message from `offset`, walking its frames; a fresh copy. */
export function readMessageRange(store: PayloadStore, span: MessageSpan, offset: number, length: number): Uint8Array {
  const end = Math.min(span.kept, offset + length);
  if (end <= offset) return new Uint8Array(0);
  if (span.inflatedBlob >= 0) return blobBytes(store, span.inflatedBlob).slice(offset, end);
  const out = new Uint8Array(end - offset);
  let base = 0;
  let at = 0;
  for (const f of span.frameIds) {
    const k = frameKept(store, f);
    if (base + k > offset && base < end) {
      const from = Math.max(0, offset - base);
      const piece = readFrameRange(store, f, from, Math.min(k, end - base) - from);
      out.set(piece, at);
      at += piece.length;
    }
    base += k;
    if (base >= end) break;
  }
  return out;
}

/** One page of a frame's payload or of its whole message (the contract's readPayload). */
export function readPayload(store: PayloadStore, range: PayloadRange): PayloadChunk {
  const id = range?.frameId;
  checkFrameId(store, id);
  const offset = Math.max(0, Math.floor(Number(range.offset) || 0));
  const length = Math.min(MAX_PAYLOAD_PAGE, Math.max(0, Math.floor(Number(range.length) || 0)));
  if (range.part === 'message') {
    const last = messageEndOf(store, id);
    if (last < 0) throw new FramescopeError('not-found', `Frame ${id}'s message never ended in the capture.`);
    const span = messageSpan(store, last);
    return { total: span.total, kept: span.kept, offset, bytes: readMessageRange(store, span, offset, length) };
  }
  if (range.part !== 'frame') throw new FramescopeError('invalid', 'part must be "frame" or "message".');
  const kept = frameKept(store, id);
  const total = store.frames.payloadLength.data[id] as number;
  return { total, kept, offset, bytes: readFrameRange(store, id, offset, length).slice() };
}
