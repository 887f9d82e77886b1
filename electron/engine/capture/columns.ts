// Growable typed-array columns: a million frames as a handful of flat arrays instead of a million
// objects. A column doubles its capacity when full (appends are amortised O(1)) and is trimmed to
// its exact length when its segment is sealed, so only the newest segment carries slack.

type TypedArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;
type TypedArrayCtor<T extends TypedArray> = new (length: number) => T;

export class Column<T extends TypedArray> {
  data: T;
  constructor(
    private readonly ctor: TypedArrayCtor<T>,
    capacity: number,
  ) {
    this.data = new ctor(capacity);
  }

  /** Makes room for index `i` (doubling), keeping the old values. */
  ensure(i: number): void {
    if (i < this.data.length) return;
    let cap = Math.max(this.data.length, 16);
    while (cap <= i) cap *= 2;
    const next = new this.ctor(cap);
    next.set(this.data as never);
    this.data = next;
  }

  /** Drops the capacity past `length` (a sealed segment grows no more). */
  trim(length: number): void {
    if (length < this.data.length) this.data = this.data.slice(0, length) as T;
  }

  /** Bytes ensure(i) would add. */
  growthFor(i: number): number {
    return i < this.data.length ? 0 : this.data.byteLength;
  }

  get bytes(): number {
    return this.data.byteLength;
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

  constructor(capacity: number) {
    this.narrow = new Column(Uint32Array, capacity);
  }

  set(i: number, value: number): void {
    if (this.narrow !== null) {
      if (this.base < 0) this.base = value;
      const delta = value - this.base;
      if (delta >= 0 && delta < U32_LIMIT && Number.isInteger(delta)) {
        this.narrow.ensure(i);
        this.narrow.data[i] = delta;
        return;
      }
      this.widen(i);
    }
    const wide = this.wide as Column<Float64Array>;
    wide.ensure(i);
    wide.data[i] = value;
  }

  get(i: number): number {
    if (this.narrow !== null) return this.base + (this.narrow.data[i] as number);
    return (this.wide as Column<Float64Array>).data[i] as number;
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
    const wide = new Column(Float64Array, Math.max(16, narrow.data.length));
    for (let r = 0; r < rows; r++) wide.data[r] = this.base + (narrow.data[r] as number);
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
