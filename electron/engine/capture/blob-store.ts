// Where one segment's captured bytes live. Each frame's first HOT_BYTES (its header and the start
// of its payload: enough for previews, filters and the anatomy view) sit in the segment's hot
// arena, contiguous, so a tiny frame costs its own bytes and nothing more. The rest of a larger
// frame is "cold": in memory chunks while the budget allows, then in the segment's spill file
// (mode 0600). Dropping a segment gives all of it back at once, memory and disk.
import { SPILL_BATCH, SpillFile } from './spill-file';

/** Bytes of each frame always held in memory: a 14-byte header plus 66 bytes of payload. */
export const HOT_BYTES = 80;
const COLD_CHUNK = 1 << 20;
const CHUNK_SPAN = 0x1_0000_0000;
/** A cold location that could not be stored (the disk failed): only the hot prefix is kept. */
export const LOST = Number.NaN;
/** A segment's first hot arena. */
export const START_HOT_BYTES = 16 * 1024;
/** Cold ranges at least this long are kept in the array they arrived in, not copied (see adoptable). */
export const ADOPT_MIN = 64 * 1024;

/**
 * The n bytes of a ‖ b from `from` as a view that can be kept by reference, or null. A large payload
 * arrives in an array of its own (the parser's payload buffer, the inflater's output): keeping that
 * array costs nothing, while copying it writes every byte again into memory the process has never
 * touched — on a VM, most of what recording a large frame costs. Only arrays that own most of their
 * ArrayBuffer qualify, so a kept view never pins much more than its bytes. Nothing writes to a
 * frame's payload once the decoder has handed it over.
 */
export function adoptable(a: Uint8Array, b: Uint8Array, from: number, n: number): Uint8Array | null {
  if (n < ADOPT_MIN) return null;
  const inA = from + n <= a.length;
  if (!inA && from < a.length) return null;
  const src = inA ? a : b;
  const start = inA ? from : from - a.length;
  if (src.buffer.byteLength > 2 * n) return null;
  return src.subarray(start, start + n);
}

export class BlobStore {
  private hot = new Uint8Array(START_HOT_BYTES);
  private hotPos = 0;
  private cold: Uint8Array[] = [];
  /** The chunk small cold ranges are copied into (adopted arrays sit between chunks), and its fill. */
  private writeChunk = -1;
  private coldPos = 0;
  private coldBytes = 0;
  private spill: SpillFile | null = null;

  constructor(private readonly spillDir: string) {}

  /** Memory held: the hot arena's capacity and the cold chunks. */
  get memoryBytes(): number {
    return this.hot.byteLength + this.coldBytes + (this.spill?.batchBytes ?? 0);
  }

  get diskBytes(): number {
    return this.spill?.size ?? 0;
  }

  /** The spill file failed: cold bytes must stay in memory. */
  get diskFailed(): boolean {
    return this.spill?.failed ?? false;
  }

  /** End of the hot arena: where the next frame's hot bytes go. */
  get hotEnd(): number {
    return this.hotPos;
  }

  /** Memory that storing a frame would allocate: for its hot bytes, for n cold bytes in memory, and for a first spill. */
  growthFor(hotN: number, coldN: number): { hot: number; coldMemory: number; spill: number } {
    const hot = this.hotPos + hotN > this.hot.length ? this.hot.length : 0;
    const chunk = this.cold[this.writeChunk];
    const coldMemory = coldN === 0 ? 0 : chunk !== undefined && this.coldPos + coldN <= chunk.length ? 0 : Math.max(coldN, Math.min(COLD_CHUNK, Math.max(64 * 1024, 2 * (chunk?.length ?? 0))));
    const spill = coldN === 0 || (this.spill?.batchBytes ?? 0) > 0 || coldN > SPILL_BATCH ? 0 : SPILL_BATCH;
    return { hot, coldMemory, spill };
  }

  /** Appends n bytes of a ‖ b (from 0) to the hot arena; returns their offset. */
  addHot(a: Uint8Array, b: Uint8Array, n: number): number {
    const at = this.hotPos;
    if (at + n > this.hot.length) {
      let cap = this.hot.length * 2;
      while (cap < at + n) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.hot.subarray(0, at));
      this.hot = next;
    }
    copyRange(a, b, 0, n, this.hot, at);
    this.hotPos = at + n;
    return at;
  }

  /** The hot arena itself, for reading single header bytes without a view per read. */
  get hotArena(): Uint8Array {
    return this.hot;
  }

  hotBytes(offset: number, length: number): Uint8Array {
    return this.hot.subarray(offset, offset + length);
  }

  /**
   * Stores n bytes of a ‖ b from `from` in memory; returns the location. `handedOver`: nothing will
   * write to a or b again (a decoded frame's payload), so a large range may be kept by reference.
   */
  addColdMemory(a: Uint8Array, b: Uint8Array, from: number, n: number, handedOver = false): number {
    const kept = handedOver ? adoptable(a, b, from, n) : null;
    if (kept !== null) {
      this.cold.push(kept);
      this.coldBytes += kept.buffer.byteLength;
      return (this.cold.length - 1) * CHUNK_SPAN;
    }
    let chunk = this.cold[this.writeChunk];
    if (chunk === undefined || this.coldPos + n > chunk.length) {
      // Chunks grow from 64 KiB to 1 MiB, so a segment holding little costs little.
      const size = Math.min(COLD_CHUNK, Math.max(64 * 1024, 2 * (chunk?.length ?? 0)));
      chunk = new Uint8Array(Math.max(size, n));
      this.cold.push(chunk);
      this.coldBytes += chunk.byteLength;
      this.writeChunk = this.cold.length - 1;
      this.coldPos = 0;
    }
    const loc = this.writeChunk * CHUNK_SPAN + this.coldPos;
    copyRange(a, b, from, n, chunk, this.coldPos);
    this.coldPos += n;
    return loc;
  }

  /** Stores n bytes of a ‖ b from `from` in the spill file; returns the location (LOST if the disk failed). */
  addColdDisk(a: Uint8Array, b: Uint8Array, from: number, n: number): number {
    this.spill ??= new SpillFile(this.spillDir);
    const offset = this.spill.append(rangeParts(a, b, from, n), n);
    return offset < 0 ? LOST : -(offset + 1);
  }

  /** Copies n cold bytes from `at` within the blob at `loc` into out[outAt…]; false if they are gone. */
  readCold(loc: number, at: number, n: number, out: Uint8Array, outAt: number): boolean {
    if (Number.isNaN(loc)) return false;
    if (loc < 0) return this.spill?.read(-loc - 1 + at, n, out, outAt) ?? false;
    const chunk = this.cold[Math.floor(loc / CHUNK_SPAN)];
    if (chunk === undefined) return false;
    const pos = (loc % CHUNK_SPAN) + at;
    out.set(chunk.subarray(pos, pos + n), outAt);
    return true;
  }

  /** The segment is full: give back the hot arena's slack. */
  seal(): void {
    if (this.hotPos < this.hot.length) this.hot = this.hot.slice(0, this.hotPos);
    const last = this.cold[this.writeChunk];
    if (last !== undefined && this.coldPos < last.length) {
      this.cold[this.writeChunk] = last.slice(0, this.coldPos);
      this.coldBytes -= last.length - this.coldPos;
    }
    this.spill?.seal();
  }

  close(): void {
    this.hot = new Uint8Array(0);
    this.hotPos = 0;
    this.cold = [];
    this.writeChunk = -1;
    this.coldBytes = 0;
    this.spill?.close();
    this.spill = null;
  }
}

/** The n bytes of a ‖ b starting at `from`, as at most two views (no copy). */
function rangeParts(a: Uint8Array, b: Uint8Array, from: number, n: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let done = 0;
  if (from < a.length && n > 0) {
    const k = Math.min(n, a.length - from);
    parts.push(a.subarray(from, from + k));
    done = k;
  }
  if (done < n) {
    const bFrom = from + done - a.length;
    parts.push(b.subarray(bFrom, bFrom + n - done));
  }
  return parts;
}

/** Copies n bytes of a ‖ b starting at `from` into dst at `at`. */
function copyRange(a: Uint8Array, b: Uint8Array, from: number, n: number, dst: Uint8Array, at: number): void {
  if (n <= 96) {
    // Short copies (headers, hot prefixes): a loop beats creating subarray views.
    const aLen = a.length;
    for (let i = 0; i < n; i++) {
      const src = from + i;
      dst[at + i] = src < aLen ? (a[src] as number) : (b[src - aLen] as number);
    }
    return;
  }
  for (const part of rangeParts(a, b, from, n)) {
    dst.set(part, at);
    at += part.length;
  }
}
