// Growable typed-array columns: a million frames as a handful of flat arrays instead of a million
// objects. A column grows by fixed chunks of CHUNK_ROWS values and never copies what it holds: a
// doubling array writes every value again into memory the process has never touched, and so does
// trimming it when its segment is sealed. On a VM that backs guest memory lazily, a first touch costs
// about 20 µs a page (`npm run bench -- relay` prints it): with doubling and trimming, the columns
// wrote three times what they keep, a third of what recording a small frame cost. Only the last
// chunk is trimmed, at seal.

type TypedArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;
type TypedArrayCtor<T extends TypedArray> = (new (length: number) => T) & { readonly BYTES_PER_ELEMENT: number };

const CHUNK_SHIFT = 12;
/** Values per chunk: 16 KiB of 4-byte values, a few pages, small beside a segment's 65,536 rows. */
export const CHUNK_ROWS = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK_ROWS - 1;

export class Column<T extends TypedArray> {
  private chunks: T[] = [];
  /** Values the chunks can hold. */
  private capacity = 0;
  private byteCount = 0;

  constructor(private readonly ctor: TypedArrayCtor<T>) {}

  get(i: number): number {
    return (this.chunks[i >>> CHUNK_SHIFT] as T)[i & CHUNK_MASK] as number;
  }

  /** Sets value i, adding chunks up to it (rows come in order; skipped ones read 0). */
  set(i: number, value: number): void {
    if (i >= this.capacity) this.grow(i);
    (this.chunks[i >>> CHUNK_SHIFT] as T)[i & CHUNK_MASK] = value;
  }

  /** Drops the capacity past `length` (a sealed segment grows no more): the last chunk is cut to it. */
  trim(length: number): void {
    const k = this.chunks.length - 1;
    const keep = length - k * CHUNK_ROWS;
    if (k < 0 || keep >= CHUNK_ROWS) return;
    const last = this.chunks[k] as T;
    const cut = last.slice(0, Math.max(0, keep)) as T;
    this.chunks[k] = cut;
    this.byteCount -= last.byteLength - cut.byteLength;
    this.capacity = length;
  }

  /** Bytes set(i, …) would add. */
  growthFor(i: number): number {
    return i < this.capacity ? 0 : (Math.floor(i / CHUNK_ROWS) + 1 - this.chunks.length) * CHUNK_ROWS * this.ctor.BYTES_PER_ELEMENT;
  }

  get bytes(): number {
    return this.byteCount;
  }

  /** Values it can hold (rows past the last set one read 0). */
  get length(): number {
    return this.capacity;
  }

  private grow(i: number): void {
    while (this.capacity <= i) {
      const chunk = new this.ctor(CHUNK_ROWS);
      this.chunks.push(chunk);
      this.capacity += CHUNK_ROWS;
      this.byteCount += chunk.byteLength;
    }
  }
}

const U32_LIMIT = 0x1_0000_0000;

/**
 * Non-negative numbers stored as 4-byte offsets from a base while they fit, widened once to
 * 8-byte absolute values when one does not (a stream past 4 GiB, a clock that jumped, an
 * imported file with times out of order). Times and stream offsets almost always fit.
 */
export class WideColumn {
  private narrow: Column<Uint32Array> | null;
  private wide: Column<Float64Array> | null = null;
  private base = -1;

  constructor() {
    this.narrow = new Column(Uint32Array);
  }

  set(i: number, value: number): void {
    if (this.narrow !== null) {
      if (this.base < 0) this.base = value;
      const delta = value - this.base;
      if (delta >= 0 && delta < U32_LIMIT && Number.isInteger(delta)) {
        this.narrow.set(i, delta);
        return;
      }
      this.widen(i);
    }
    (this.wide as Column<Float64Array>).set(i, value);
  }

  get(i: number): number {
    if (this.narrow !== null) return this.base + this.narrow.get(i);
    return (this.wide as Column<Float64Array>).get(i);
  }

  trim(length: number): void {
    this.narrow?.trim(length);
    this.wide?.trim(length);
  }

  /** Bytes set(i, …) would add, widening aside (rare, and charged when it happens). */
  growthFor(i: number): number {
    return (this.narrow ?? this.wide)?.growthFor(i) ?? 0;
  }

  get bytes(): number {
    return (this.narrow?.bytes ?? 0) + (this.wide?.bytes ?? 0);
  }

  private widen(rows: number): void {
    const narrow = this.narrow as Column<Uint32Array>;
    const wide = new Column(Float64Array);
    for (let r = 0; r < rows; r++) wide.set(r, this.base + narrow.get(r));
    this.wide = wide;
    this.narrow = null;
  }
}

/** Append-only list of sorted frame ids (a filter's matches), growing by doubling; old ids can be dropped from the front. */
export class IndexList {
  data = new Uint32Array(64);
  /** Positions before `start` hold dropped ids. */
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  /** The id at position i (0-based among the kept ids). */
  at(i: number): number {
    return this.data[this.start + i] as number;
  }

  push(v: number): void {
    if (this.end === this.data.length) {
      const kept = this.end - this.start;
      const next = new Uint32Array(Math.max(64, kept * 2));
      next.set(this.data.subarray(this.start, this.end));
      this.data = next;
      this.start = 0;
      this.end = kept;
    }
    this.data[this.end++] = v;
  }

  /** Forgets every id below `id` (the oldest frames were dropped). */
  dropBelow(id: number): void {
    while (this.start < this.end && (this.data[this.start] as number) < id) this.start++;
  }

  /** Position of `v` (binary search), or -1. */
  indexOf(v: number): number {
    let lo = this.start;
    let hi = this.end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = this.data[mid] as number;
      if (x === v) return mid - this.start;
      if (x < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}
