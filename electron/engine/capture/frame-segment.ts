// Up to 65,536 consecutive frames, column by column. A row costs 21 bytes of columns (time and
// stream offset as 4-byte deltas, connection, index, hot offset, one byte of flags) plus its hot
// bytes; everything a frame's own header says (FIN, RSV, opcode, MASK, lengths) is read back from
// those header bytes, and what is rare (violations, message links, cut payloads, inflated messages)
// lives in sparse maps. Segments are the unit the capture gives back: drop one, and its memory and
// its spill file go with it.
import type { Violation } from '../../../shared/model';
import { BlobStore, HOT_BYTES, LOST, hotBytesOf } from './blob-store';

export { START_HOT_BYTES } from './blob-store';
import { Column, WideColumn } from './columns';

/** What a segment's first cold row adds: the cold-location column's first chunk. */
const NO_COLD_LOC = new Column(Float64Array);

export const SEGMENT_ROWS = 1 << 16;

export const R_FROM_SERVER = 1 << 0;
export const R_INJECTED = 1 << 1;
export const R_INCOMPLETE = 1 << 2;
/** The frame ends a message (a data frame with FIN, a control frame, or a cut-short one). */
export const R_MESSAGE_END = 1 << 3;
/** On the message's last frame: the message was compressed (RSV1 on its first frame, RFC 7692 §6). */
export const R_COMPRESSED = 1 << 4;
/** On the message's last frame: some of the message was not kept. */
export const R_MESSAGE_TRUNCATED = 1 << 5;
/** Not a frame: a gap row (frames that passed unrecorded); its index column holds how many. */
export const R_GAP = 1 << 6;
/** On a gap row: they passed because the capture was full (else: because recording was paused). */
export const R_GAP_FULL = 1 << 7;

/** Rough cost of one sparse entry (a Map slot and its small value), counted against the budget. */
export const SPARSE_ENTRY_BYTES = 64;

export interface InflatedBlob {
  loc: number;
  kept: number;
  total: number;
}

export interface RowInput {
  time: number;
  connectionId: number;
  index: number;
  offset: number;
  flags: number;
  header: Uint8Array;
  payload: Uint8Array;
  /** Where the bytes past the hot ones go (blob-store.ts hotBytesOf); 'none' keeps a prefix of HOT_BYTES only. */
  cold: 'memory' | 'disk' | 'none';
}

export class FrameSegment {
  rows = 0;
  sealed = false;
  readonly time = new WideColumn();
  readonly offset = new WideColumn();
  readonly connection = new Column(Uint32Array);
  readonly index = new Column(Uint32Array);
  readonly flags = new Column(Uint8Array);
  readonly hotOff = new Column(Uint32Array);
  /** Cold location per row, allocated when the segment first holds a frame larger than HOT_BYTES. */
  coldLoc: Column<Float64Array> | null = null;
  readonly blobs: BlobStore;
  /** Payload bytes kept, for rows where that is less than the declared length. */
  readonly kept = new Map<number, number>();
  /** Continuation frames: the first frame of their message, and the previous one. */
  readonly first = new Map<number, number>();
  readonly prev = new Map<number, number>();
  readonly violations = new Map<number, Violation[]>();
  readonly inflated = new Map<number, InflatedBlob>();
  readonly inflateErrors = new Map<number, string>();
  sparseBytes = 0;

  constructor(
    /** Id of row 0. */
    readonly base: number,
    spillDir: string,
  ) {
    this.blobs = new BlobStore(spillDir);
  }

  get full(): boolean {
    return this.rows >= SEGMENT_ROWS;
  }

  get nextId(): number {
    return this.base + this.rows;
  }

  /** Appends one row; returns its id. */
  add(r: RowInput): number {
    const row = this.rows;
    this.time.set(row, r.time);
    this.offset.set(row, r.offset);
    this.connection.set(row, r.connectionId);
    this.index.set(row, r.index);
    this.flags.set(row, r.flags);
    const total = r.header.length + r.payload.length;
    // A frame kept in part only (cold 'none') keeps a full hot prefix: its payload's first bytes too.
    const hotN = r.cold === 'none' ? Math.min(total, HOT_BYTES) : hotBytesOf(r.header.length, total);
    this.hotOff.set(row, this.blobs.addHot(r.header, r.payload, hotN));
    if (total > hotN) {
      this.coldLoc ??= new Column(Float64Array);
      const n = total - hotN;
      this.coldLoc.set(row, r.cold === 'none' ? LOST : this.blobs.addCold(r.cold, r.header, r.payload, hotN, n, true));
    }
    this.rows = row + 1;
    return this.base + row;
  }

  /** Memory a row with hotN hot bytes and coldN cold ones would allocate (columns doubling, arena chunks, a spill batch). */
  growthFor(hotN: number, coldN: number): { row: number; coldMemory: number; spill: number } {
    const i = this.rows;
    let row = this.time.growthFor(i) + this.offset.growthFor(i) + this.connection.growthFor(i) + this.index.growthFor(i) + this.flags.growthFor(i) + this.hotOff.growthFor(i);
    if (coldN > 0) row += (this.coldLoc ?? NO_COLD_LOC).growthFor(i);
    const blobs = this.blobs.growthFor(hotN, coldN);
    return { row: row + blobs.hot, coldMemory: blobs.coldMemory, spill: blobs.spill };
  }

  /** Stores a sparse fact about a row, counting its cost. */
  note<T>(map: Map<number, T>, row: number, value: T, bytes = SPARSE_ENTRY_BYTES): void {
    map.set(row, value);
    this.sparseBytes += bytes;
  }

  /** The row's hot bytes end where the next row's start, or at the end of their chunk (blob-store.ts). */
  private hotEndOf(row: number): number {
    return row + 1 < this.rows ? this.hotOff.get(row + 1) : this.blobs.hotEnd;
  }

  hotLength(row: number): number {
    return this.blobs.hotLength(this.hotOff.get(row), this.hotEndOf(row));
  }

  hot(row: number): Uint8Array {
    return this.blobs.hotBytes(this.hotOff.get(row), this.hotEndOf(row));
  }

  /** Byte k of the row's hot bytes, or 0 past them. */
  hotByte(row: number, k: number): number {
    return k < this.hotLength(row) ? this.blobs.hotByte(this.hotOff.get(row), k) : 0;
  }

  cold(row: number): number {
    const c = this.coldLoc;
    return c !== null && row < c.length ? c.get(row) : LOST;
  }

  /** The segment takes no more rows: trim every column to its length. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    for (const c of [this.time, this.offset, this.connection, this.index, this.flags, this.hotOff, this.coldLoc]) c?.trim(this.rows);
    this.blobs.seal();
  }

  get memoryBytes(): number {
    return (
      this.time.bytes +
      this.offset.bytes +
      this.connection.bytes +
      this.index.bytes +
      this.flags.bytes +
      this.hotOff.bytes +
      (this.coldLoc?.bytes ?? 0) +
      this.blobs.memoryBytes +
      this.sparseBytes
    );
  }

  get diskBytes(): number {
    return this.blobs.diskBytes;
  }

  close(): void {
    this.blobs.close();
  }
}
