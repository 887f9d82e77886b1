// Recording frames: the list of segments (frame-segment.ts), oldest first, each frame planned
// against the budget before it is stored (FrameRows reads them back). Ids are global and dense and
// never repeat for the life of the engine (Clear and drop-oldest only move firstId), so an id held by
// the crafter, the timeline or the renderer never points at another frame.
import type { Peer, Violation } from '../../../shared/model';
import { HOT_BYTES, LOST, adoptable, hotBytesOf } from './blob-store';
import { SPILL_BATCH } from './spill-file';
import { FrameRows } from './frame-rows';
import { CHUNK_ROWS } from './columns';
import {
  FrameSegment,
  SPARSE_ENTRY_BYTES,
  START_HOT_BYTES,
  R_COMPRESSED,
  R_FROM_SERVER,
  R_GAP,
  R_GAP_FULL,
  R_INCOMPLETE,
  R_INJECTED,
  R_MESSAGE_END,
  R_MESSAGE_TRUNCATED,
} from './frame-segment';

export { R_COMPRESSED, R_FROM_SERVER, R_GAP, R_GAP_FULL, R_INCOMPLETE, R_INJECTED, R_MESSAGE_END, R_MESSAGE_TRUNCATED };

export interface FrameInput {
  time: number;
  connectionId: number;
  from: Peer;
  index: number;
  offset: number;
  fin: boolean;
  rsv1: boolean;
  rsv2: boolean;
  rsv3: boolean;
  opcode: number;
  masked: boolean;
  lengthEncoding: 7 | 16 | 64;
  payloadLength: number;
  /** The frame's header as it travelled; FIN, RSV, opcode, MASK and lengths are read back from it. */
  headerBytes: Uint8Array;
  /** Unmasked payload as kept by the parser (may be shorter than payloadLength). */
  payload: Uint8Array;
  /** The decoder's message number (the store identifies a message by its first frame's id instead). */
  messageId: number;
  /** Id of the previous frame of the same message, or -1. */
  prevInMessage: number;
  injected: boolean;
  incomplete: boolean;
  violations: Violation[];
  messageEnd: boolean;
  compressed: boolean;
  messageTruncated: boolean;
  /** The inflated message (as much as was kept), on the last frame of a compressed message. */
  inflated?: Uint8Array;
  /** The true inflated size of that message (codec): `inflated` keeps at most the budget of it. */
  inflatedLength?: number;
  inflateError?: string;
}

/** Where a frame's bytes past the hot prefix go: decided by the store's budget. */
export type ColdPlace = 'memory' | 'disk' | 'none';

const NO_BYTES = new Uint8Array(0);

/** Bytes of columns per row (time 4, offset 4, connection 4, index 4, hot offset 4, flags 1). */
export const ROW_BYTES = 21;
/** A new segment's first allocation: its columns' first rows and its hot arena's first chunk. */
const NEW_SEGMENT_BYTES = CHUNK_ROWS * ROW_BYTES + START_HOT_BYTES;

export interface FramePlan {
  /** Memory the row itself would add (column and arena growth, sparse details). */
  memory: number;
  /** Bytes past the hot prefix (and the inflated message). */
  cold: number;
  /** Memory they would allocate if kept in memory (0 when the current chunk has room). */
  coldMemory: number;
  /** Of `cold`, the bytes that would be copied (the rest is kept by reference: see blob-store.ts adoptable). */
  copied: number;
  /** Memory a first spill would allocate (the write batch). */
  spillMemory: number;
  /** The live segment's spill file failed (disk full, data folder gone): the disk is not an option. */
  diskFailed: boolean;
}

/** What add() notes in sparse maps for a frame (kept in step with it). */
function sparseCost(f: FrameInput): number {
  let n = 0;
  if (f.payload.length < f.payloadLength) n += SPARSE_ENTRY_BYTES;
  if (f.prevInMessage >= 0) n += 2 * SPARSE_ENTRY_BYTES;
  if (f.violations.length > 0) n += violationCost(f.violations.length);
  if (f.inflateError !== undefined) n += 64 + 2 * f.inflateError.length;
  if (f.inflated !== undefined) n += SPARSE_ENTRY_BYTES;
  return n + SPARSE_ENTRY_BYTES; // room for a kept-length note if the disk or budget cuts it
}

/**
 * What the live segment's memory depends on, as one number: its capacities and sparse bytes only
 * ever grow while it is live, so their sum changes whenever one of them does.
 */
function shapeOf(seg: FrameSegment): number {
  return seg.hotOff.bytes + seg.blobs.memoryBytes + seg.sparseBytes + seg.time.bytes + seg.offset.bytes + (seg.coldLoc?.bytes ?? 0);
}

function violationCost(n: number): number {
  return 64 + 96 * n;
}

export class FrameTable extends FrameRows {
  /** The live segment's memory, summed again only when its shape changed (it is asked once per frame). */
  private liveMemory = -1;
  private liveShape = 0;
  /** Frames held (gap rows not counted). */
  frames = 0;
  private sealedMemory = 0;
  private sealedDisk = 0;
  /**
   * A segment also closes once it holds this many bytes, so dropping the oldest gives back a
   * slice of the budget, not all of it (the store sets it to a sixteenth of the memory budget).
   */
  segmentBytes = 32 * 1024 * 1024;

  constructor(private readonly spillDir: string) {
    super();
  }

  /** Rows held, gap rows included. */
  get count(): number {
    return this.nextId - this.firstId;
  }

  get memoryBytes(): number {
    const live = this.live();
    return live === undefined ? this.sealedMemory : this.sealedMemory + this.liveBytes(live);
  }

  /** The live segment's memoryBytes, summed again only when its shape changed (add() checks it). */
  private liveBytes(live: FrameSegment): number {
    if (this.liveMemory < 0) {
      this.liveMemory = live.memoryBytes;
      this.liveShape = shapeOf(live);
    }
    return this.liveMemory;
  }

  get diskBytes(): number {
    const live = this.live();
    return this.sealedDisk + (live?.diskBytes ?? 0);
  }

  /**
   * What recording a frame would allocate, before it is recorded: memory counts capacity, so a row
   * costs nothing until a column doubles or an arena takes a chunk, and then it costs the jump.
   */
  plan(f: FrameInput): FramePlan {
    const total = f.headerBytes.length + f.payload.length;
    const hotN = hotBytesOf(f.headerBytes.length, total);
    const cold = total - hotN + (f.inflated?.length ?? 0);
    // Large payloads kept in memory are kept in their own arrays (blob-store.ts adoptable): they
    // cost their ArrayBuffers, and take no room in the segment's chunks.
    const payloadKept = adoptable(f.headerBytes, f.payload, hotN, total - hotN);
    const inflatedKept = f.inflated === undefined ? null : adoptable(f.inflated, NO_BYTES, 0, f.inflated.length);
    const adopted = (payloadKept?.buffer.byteLength ?? 0) + (inflatedKept?.buffer.byteLength ?? 0);
    const chunked = cold - (payloadKept?.length ?? 0) - (inflatedKept?.length ?? 0);
    const live = this.live();
    const fresh = live === undefined;
    // A new segment's columns take their first chunk, the cold-location column too when the frame has cold bytes.
    const growth = fresh ? { row: NEW_SEGMENT_BYTES + (total > hotN ? CHUNK_ROWS * 8 : 0), coldMemory: chunked === 0 ? 0 : Math.max(chunked, 64 * 1024), spill: cold === 0 ? 0 : SPILL_BATCH } : live.growthFor(hotN, chunked);
    return { memory: growth.row + sparseCost(f), cold, copied: chunked, coldMemory: growth.coldMemory + adopted, spillMemory: growth.spill, diskFailed: live?.blobs.diskFailed ?? false };
  }

  add(f: FrameInput, cold: ColdPlace): number {
    const seg = this.writable();
    const payload = f.payload;
    const flags =
      (f.from === 'server' ? R_FROM_SERVER : 0) |
      (f.injected ? R_INJECTED : 0) |
      (f.incomplete ? R_INCOMPLETE : 0) |
      (f.messageEnd ? R_MESSAGE_END : 0) |
      (f.compressed ? R_COMPRESSED : 0) |
      (f.messageTruncated ? R_MESSAGE_TRUNCATED : 0);
    const id = seg.add({ time: f.time, connectionId: f.connectionId, index: f.index, offset: f.offset, flags, header: f.headerBytes, payload, cold });
    const row = id - seg.base;
    if (payload.length < f.payloadLength || (cold === 'none' && f.headerBytes.length + payload.length > HOT_BYTES)) {
      const kept = cold === 'none' ? Math.max(0, Math.min(payload.length, HOT_BYTES - f.headerBytes.length)) : payload.length;
      seg.note(seg.kept, row, kept);
    }
    if (f.prevInMessage >= 0 && f.prevInMessage >= this.firstId) {
      seg.note(seg.prev, row, f.prevInMessage);
      seg.note(seg.first, row, this.firstOfMessage(f.prevInMessage));
    }
    if (f.violations.length > 0) seg.note(seg.violations, row, f.violations, violationCost(f.violations.length));
    if (f.inflateError !== undefined) seg.note(seg.inflateErrors, row, f.inflateError, 64 + 2 * f.inflateError.length);
    if (f.inflated !== undefined) {
      const n = f.inflated.length;
      const loc = n === 0 ? 0 : cold === 'none' ? LOST : seg.blobs.addCold(cold, f.inflated, NO_BYTES, 0, n, true);
      const kept = Number.isNaN(loc) ? 0 : n;
      seg.note(seg.inflated, row, { loc, kept, total: Math.max(f.inflatedLength ?? n, n) });
    }
    this.nextId = id + 1;
    this.frames++;
    if (this.liveMemory >= 0 && shapeOf(seg) !== this.liveShape) this.liveMemory = -1;
    this.sealIfDone(seg);
    return id;
  }

  /** A row saying `frames` of a connection passed unrecorded (paused, or the capture was full). */
  addGap(connectionId: number, frames: number, reason: 'paused' | 'full', time: number): number {
    const seg = this.writable();
    const none = new Uint8Array(0);
    const flags = R_GAP | (reason === 'full' ? R_GAP_FULL : 0);
    const id = seg.add({ time, connectionId, index: Math.min(frames, 0xffff_ffff), offset: 0, flags, header: none, payload: none, cold: 'none' });
    this.nextId = id + 1;
    this.liveMemory = -1;
    this.sealIfDone(seg);
    return id;
  }

  /** Drops the oldest segment (the live one too when it is the only one); returns the new firstId. */
  dropOldest(): number {
    const seg = this.segments.shift();
    if (seg === undefined) return this.firstId;
    if (seg.sealed) {
      this.sealedMemory -= seg.memoryBytes;
      this.sealedDisk -= seg.diskBytes;
    }
    this.frames -= this.framesIn(seg);
    seg.close();
    this.lastHit = null;
    this.liveMemory = -1;
    this.firstId = seg.nextId;
    return this.firstId;
  }

  /** Forgets every row; ids go on from nextId. */
  clear(): void {
    for (const seg of this.segments) seg.close();
    this.segments = [];
    this.lastHit = null;
    this.liveMemory = -1;
    this.sealedMemory = 0;
    this.sealedDisk = 0;
    this.frames = 0;
    this.firstId = this.nextId;
  }

  private framesIn(seg: FrameSegment): number {
    let n = 0;
    for (let r = 0; r < seg.rows; r++) if ((seg.flags.get(r) & R_GAP) === 0) n++;
    return n;
  }

  /**
   * A segment closes at segmentBytes of frames. Not counting the spill batch: it is the next
   * segment's once this one seals, and at 1 MiB it alone would close every segment of a small
   * budget (segmentBytes is a sixteenth of it) at its first spilled frame, one spill file per frame.
   */
  private mustSeal(seg: FrameSegment): boolean {
    return seg.full || this.liveBytes(seg) - seg.blobs.batchBytes + seg.diskBytes >= this.segmentBytes;
  }

  private live(): FrameSegment | undefined {
    const last = this.segments[this.segments.length - 1];
    return last !== undefined && !last.sealed ? last : undefined;
  }

  /** A segment that is done is sealed at once, so its slack and its spill batch are given back before the next frame is planned. */
  private sealIfDone(seg: FrameSegment): void {
    if (!this.mustSeal(seg)) return;
    this.liveMemory = -1;
    seg.seal();
    this.sealedMemory += seg.memoryBytes;
    this.sealedDisk += seg.diskBytes;
  }

  private writable(): FrameSegment {
    let seg = this.live();
    if (seg === undefined) {
      seg = new FrameSegment(this.nextId, this.spillDir);
      this.segments.push(seg);
    }
    return seg;
  }
}
