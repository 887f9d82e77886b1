/**
 * Hands out small Uint8Arrays as views into shared 64 KiB ArrayBuffers.
 * A million small frames would otherwise mean millions of tiny separate
 * allocations (slow to make, with per-buffer overhead to keep). The cost: a
 * view keeps its whole slab alive, so code that keeps a few views of many for
 * a long time should copy them (`view.slice()`), and `view.buffer` is the slab,
 * not the view's bytes.
 */
export class ByteSlab {
  private readonly size: number;
  private readonly maxItem: number;
  private buffer: ArrayBuffer;
  private at = 0;

  constructor(size = 64 * 1024, maxItem = 1024) {
    this.size = size;
    this.maxItem = maxItem;
    this.buffer = new ArrayBuffer(size);
  }

  /** A zero-filled view of `n` bytes (n ≤ maxItem), or its own array when larger. 4-byte aligned. */
  alloc(n: number): Uint8Array {
    if (n > this.maxItem) return new Uint8Array(n);
    if (this.at + n > this.size) {
      this.buffer = new ArrayBuffer(this.size);
      this.at = 0;
    }
    const out = new Uint8Array(this.buffer, this.at, n);
    this.at = (this.at + n + 3) & ~3;
    return out;
  }
}
