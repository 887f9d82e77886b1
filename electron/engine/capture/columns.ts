// Growable typed-array columns: a million frames as a handful of flat arrays instead of a million
// objects. Each column doubles its capacity when full, so appends are amortised O(1) and the
// memory cost per row is the sum of the element sizes (at most twice that while half-empty).

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

  get bytes(): number {
    return this.data.byteLength;
  }
}

/** Append-only list of sorted row numbers (a filter's matches), growing by doubling. */
export class IndexList {
  data = new Uint32Array(64);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** Position of `v` (binary search), or -1. */
  indexOf(v: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = this.data[mid] as number;
      if (x === v) return mid;
      if (x < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
