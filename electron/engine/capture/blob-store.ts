// Where one segment's captured bytes live. A small frame (at most HOT_BYTES, header included) sits
// whole in the segment's hot arena, contiguous, so it costs its own bytes and nothing more; of a
// larger frame the arena holds its header (everything the filters and the table read: FIN, RSV,
// opcode, MASK, lengths). The rest of a larger frame is "cold": in the segment's spill file (mode
// 0600) or in memory chunks, as the budget places it (capture-budget.ts). Dropping a segment gives
// all of it back at once, memory and disk.
import { copyRange } from './byte-range';
import { SPILL_BATCH, SpillFile } from './spill-file';

/**
 * Frames of at most this many bytes are held whole in memory. A larger frame keeps only its header
 * there: memory the process has never touched costs a VM about 20 µs a page on first write, the
 * page cache a fraction of it (capture-budget.ts placeFrame), and a 1 KiB frame's 66 payload bytes
 * in the arena cost as much as the rest of recording it. Previews read the payload's first bytes
 * where they are kept (frame-preview.ts).
 */
export const HOT_BYTES = 80;

/** Of a frame of `total` bytes, how many the hot arena holds: all of a small frame, the header of a larger one. */
export function hotBytesOf(headerLength: number, total: number): number {
  return total <= HOT_BYTES ? total : headerLength;
}
const COLD_CHUNK = 1 << 20;
const CHUNK_SPAN = 0x1_0000_0000;
/** A cold location that could not be stored (the disk failed): only the hot bytes are kept. */
export const LOST = Number.NaN;
/** A segment's first hot chunk; later ones double up to HOT_CHUNK. */
export const START_HOT_BYTES = 16 * 1024;
/**
 * Hot bytes go into chunks of at most 64 KiB and a frame's never straddle two, so the arena never
 * copies what it holds in order to grow: every such copy writes memory the process has never touched,
 * which on a VM costs more than the rest of recording a small frame. A hot offset is chunk << 16 | position.
 */
const HOT_CHUNK = 1 << 16;
const HOT_SHIFT = 16;
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
  private hot: Uint8Array[] = [new Uint8Array(START_HOT_BYTES)];
  /** Bytes used in each hot chunk (the last one is still filling). */
  private hotFill: number[] = [0];
  private hotCapacity = START_HOT_BYTES;
  private cold: Uint8Array[] = [];
  /** The chunk small cold ranges are copied into (adopted arrays sit between chunks), and its fill. */
  private writeChunk = -1;
  private coldPos = 0;
  private coldBytes = 0;
  private spill: SpillFile | null = null;

  constructor(private readonly spillDir: string) {}

  /** Memory held: the hot chunks and the cold chunks. */
  get memoryBytes(): number {
    return this.hotCapacity + this.coldBytes + this.batchBytes;
  }

  get diskBytes(): number {
    return this.spill?.size ?? 0;
  }

  /** Of memoryBytes, the spill file's write batch: lent while the segment is live, handed to the next one at seal. */
  get batchBytes(): number {
    return this.spill?.batchBytes ?? 0;
  }

  /** The spill file failed: cold bytes must stay in memory. */
  get diskFailed(): boolean {
    return this.spill?.failed ?? false;
  }

  /** Where the next frame's hot bytes would start if they fit the last chunk. */
  get hotEnd(): number {
    const last = this.hot.length - 1;
    return (last << HOT_SHIFT) | (this.hotFill[last] as number);
  }

  /** Memory that storing a frame would allocate: for its hot bytes, for n cold bytes in memory, and for a first spill. */
  growthFor(hotN: number, coldN: number): { hot: number; coldMemory: number; spill: number } {
    const hot = this.hotFits(hotN) ? 0 : this.nextHotChunk();
    const chunk = this.cold[this.writeChunk];
    const coldMemory = coldN === 0 ? 0 : chunk !== undefined && this.coldPos + coldN <= chunk.length ? 0 : Math.max(coldN, Math.min(COLD_CHUNK, Math.max(64 * 1024, 2 * (chunk?.length ?? 0))));
    const spill = coldN === 0 || this.batchBytes > 0 || coldN > SPILL_BATCH ? 0 : SPILL_BATCH;
    return { hot, coldMemory, spill };
  }

  /** Appends the first n bytes of a ‖ b (n ≤ HOT_BYTES) as one row's hot bytes; returns their offset. */
  addHot(a: Uint8Array, b: Uint8Array, n: number): number {
    if (!this.hotFits(n)) {
      const size = this.nextHotChunk();
      this.hot.push(new Uint8Array(size));
      this.hotFill.push(0);
      this.hotCapacity += size;
    }
    const k = this.hot.length - 1;
    const at = this.hotFill[k] as number;
    copyRange(a, b, 0, n, this.hot[k] as Uint8Array, at);
    this.hotFill[k] = at + n;
    return (k << HOT_SHIFT) | at;
  }

  /** Byte k of the hot bytes at `offset` (no view made). */
  hotByte(offset: number, k: number): number {
    return (this.hot[offset >>> HOT_SHIFT] as Uint8Array)[(offset & (HOT_CHUNK - 1)) + k] as number;
  }

  /** Length of the hot bytes at `offset`, given `end` (the next row's offset, or hotEnd): to the end of their chunk when `end` is in a later one. */
  hotLength(offset: number, end: number): number {
    const k = offset >>> HOT_SHIFT;
    return (end >>> HOT_SHIFT === k ? end & (HOT_CHUNK - 1) : (this.hotFill[k] as number)) - (offset & (HOT_CHUNK - 1));
  }

  hotBytes(offset: number, end: number): Uint8Array {
    const from = offset & (HOT_CHUNK - 1);
    return (this.hot[offset >>> HOT_SHIFT] as Uint8Array).subarray(from, from + this.hotLength(offset, end));
  }

  /** Room for n more hot bytes in the last chunk (an empty row, too, needs a position inside it). */
  private hotFits(n: number): boolean {
    const k = this.hot.length - 1;
    const fill = this.hotFill[k] as number;
    return fill + n <= (this.hot[k] as Uint8Array).length && fill < HOT_CHUNK;
  }

  private nextHotChunk(): number {
    return Math.min(HOT_CHUNK, Math.max(START_HOT_BYTES, 2 * (this.hot[this.hot.length - 1] as Uint8Array).length));
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

  /**
   * Stores n bytes of a ‖ b from `from` where the budget placed them. A spill file that fails (disk
   * full, data folder gone) loses nothing: the bytes stay in memory, and the next plans see
   * diskFailed and place in memory.
   */
  addCold(place: 'memory' | 'disk', a: Uint8Array, b: Uint8Array, from: number, n: number, handedOver = false): number {
    const loc = place === 'disk' ? this.addColdDisk(a, b, from, n) : LOST;
    return Number.isNaN(loc) ? this.addColdMemory(a, b, from, n, handedOver) : loc;
  }

  /** Stores n bytes of a ‖ b from `from` in the spill file; returns the location (LOST if the disk failed). */
  addColdDisk(a: Uint8Array, b: Uint8Array, from: number, n: number): number {
    this.spill ??= new SpillFile(this.spillDir);
    const offset = this.spill.append(a, b, from, n);
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

  /** The segment is full: give back the last hot chunk's and the last cold chunk's slack. */
  seal(): void {
    const k = this.hot.length - 1;
    const last = this.hot[k] as Uint8Array;
    const fill = this.hotFill[k] as number;
    if (fill < last.length) {
      this.hot[k] = last.slice(0, fill);
      this.hotCapacity -= last.length - fill;
    }
    const coldLast = this.cold[this.writeChunk];
    if (coldLast !== undefined && this.coldPos < coldLast.length) {
      this.cold[this.writeChunk] = coldLast.slice(0, this.coldPos);
      this.coldBytes -= coldLast.length - this.coldPos;
    }
    this.spill?.seal();
  }

  close(): void {
    this.hot = [new Uint8Array(0)];
    this.hotFill = [0];
    this.hotCapacity = 0;
    this.cold = [];
    this.writeChunk = -1;
    this.coldBytes = 0;
    this.spill?.close();
    this.spill = null;
  }
}
