// Where captured bytes live. Every blob keeps its first HOT_BYTES in memory (a frame's header and
// the start of its payload: enough for previews, filters and the anatomy view, even when the rest
// is on disk). The rest goes to a "cold" arena in memory until the payload budget is used up, then
// to a spill file (mode 0600) in the data folder. If the disk fails too, only the hot prefix is
// kept: the frame still records its true length, so nothing claims to be whole when it is not.
import { Column } from './columns';
import { SpillFile } from './spill-file';

/** Bytes of each blob always held in memory: a 14-byte header plus 66 bytes of payload. */
export const HOT_BYTES = 80;
const HOT_CHUNK = 1 << 20;
const COLD_CHUNK = 8 << 20;
export const DEFAULT_MEMORY_BUDGET = 256 * 1024 * 1024;

export interface BlobStoreOptions {
  /** Bytes of blob data kept in memory before spilling to disk. */
  memoryBudget?: number;
  /** Folder of the spill file (the user's private data folder). */
  spillDir: string;
}

export class BlobStore {
  private readonly budget: number;
  private readonly spill: SpillFile;
  /** Cold arena chunk size: never more than the budget itself. */
  private readonly coldChunk: number;
  private hot: Uint8Array[] = [];
  private hotPos = HOT_CHUNK; // forces a first chunk
  private hotUsed = 0;
  private cold: Uint8Array[] = [];
  private coldUsed = 0;
  private readonly hotOff = new Column(Float64Array, 1024);
  private readonly hotLen = new Column(Uint8Array, 1024);
  /** >= 0: offset in the cold arena; < 0: -(file offset + 1) in the spill file. */
  private readonly coldOff = new Column(Float64Array, 1024);
  private readonly coldLen = new Column(Uint32Array, 1024);
  private count = 0;

  constructor(options: BlobStoreOptions) {
    this.budget = options.memoryBudget ?? DEFAULT_MEMORY_BUDGET;
    this.spill = new SpillFile(options.spillDir);
    this.coldChunk = Math.max(64 * 1024, Math.min(COLD_CHUNK, this.budget));
  }

  /** Captured bytes held in memory (what the user's budget is about). */
  get memoryBytes(): number {
    return this.hotUsed + this.coldUsed;
  }

  /** Memory actually allocated: arena chunks and index columns. */
  get allocatedBytes(): number {
    return this.hot.length * HOT_CHUNK + this.cold.length * this.coldChunk + this.columnBytes();
  }

  get spilledBytes(): number {
    return this.spill.size;
  }

  private columnBytes(): number {
    return this.hotOff.bytes + this.hotLen.bytes + this.coldOff.bytes + this.coldLen.bytes;
  }

  /** Stores a ‖ b (b optional, so a header and a payload need no concatenation) and returns its id. */
  add(a: Uint8Array, b?: Uint8Array): number {
    const id = this.count++;
    this.hotOff.ensure(id);
    this.hotLen.ensure(id);
    this.coldOff.ensure(id);
    this.coldLen.ensure(id);
    const total = a.length + (b?.length ?? 0);
    const hotN = Math.min(total, HOT_BYTES);
    if (this.hotPos + hotN > HOT_CHUNK) {
      // Uninitialised memory: only bytes written are ever read, and zero-filling costs a pass.
      this.hot.push(Buffer.allocUnsafeSlow(HOT_CHUNK));
      this.hotPos = 0;
    }
    const chunk = this.hot[this.hot.length - 1] as Uint8Array;
    this.hotOff.data[id] = (this.hot.length - 1) * HOT_CHUNK + this.hotPos;
    this.hotLen.data[id] = hotN;
    copyRange(a, b, 0, hotN, chunk, this.hotPos);
    this.hotPos += hotN;
    this.hotUsed += hotN;
    const coldN = total - hotN;
    this.coldLen.data[id] = 0;
    this.coldOff.data[id] = 0;
    if (coldN > 0) this.addCold(id, a, b, hotN, coldN);
    return id;
  }

  private addCold(id: number, a: Uint8Array, b: Uint8Array | undefined, from: number, n: number): void {
    if (this.hot.length * HOT_CHUNK + this.coldUsed + n <= this.budget) {
      this.coldOff.data[id] = this.coldUsed;
      this.coldLen.data[id] = n;
      let at = this.coldUsed;
      let done = 0;
      while (done < n) {
        const ci = Math.floor(at / this.coldChunk);
        while (this.cold.length <= ci) this.cold.push(Buffer.allocUnsafeSlow(this.coldChunk));
        const pos = at - ci * this.coldChunk;
        const k = Math.min(n - done, this.coldChunk - pos);
        copyRange(a, b, from + done, k, this.cold[ci] as Uint8Array, pos);
        done += k;
        at += k;
      }
      this.coldUsed = at;
      return;
    }
    const offset = this.spill.append(rangeParts(a, b, from, n), n);
    if (offset < 0) return; // disk unusable: only the hot prefix is kept
    this.coldOff.data[id] = -(offset + 1);
    this.coldLen.data[id] = n;
  }

  /** Stored length of a blob (may be less than what was added if the disk failed). */
  length(id: number): number {
    return (this.hotLen.data[id] as number) + (this.coldLen.data[id] as number);
  }

  /** The first `max` stored bytes, from memory only (max <= HOT_BYTES is always complete). */
  prefix(id: number, max = HOT_BYTES): Uint8Array {
    const off = this.hotOff.data[id] as number;
    const n = Math.min(max, this.hotLen.data[id] as number);
    const chunk = this.hot[Math.floor(off / HOT_CHUNK)] as Uint8Array;
    const pos = off % HOT_CHUNK;
    return chunk.subarray(pos, pos + n);
  }

  /** All stored bytes of a blob, as a fresh copy. */
  read(id: number): Uint8Array {
    const hotN = this.hotLen.data[id] as number;
    const coldN = this.coldLen.data[id] as number;
    const out = new Uint8Array(hotN + coldN);
    out.set(this.prefix(id), 0);
    if (coldN === 0) return out;
    const off = this.coldOff.data[id] as number;
    if (off < 0) return this.spill.read(-off - 1, coldN, out, hotN) ? out : out.subarray(0, hotN);
    let at = off;
    let done = 0;
    while (done < coldN) {
      const ci = Math.floor(at / this.coldChunk);
      const pos = at - ci * this.coldChunk;
      const k = Math.min(coldN - done, this.coldChunk - pos);
      out.set((this.cold[ci] as Uint8Array).subarray(pos, pos + k), hotN + done);
      done += k;
      at += k;
    }
    return out;
  }

  clear(): void {
    this.hot = [];
    this.hotPos = HOT_CHUNK;
    this.hotUsed = 0;
    this.cold = [];
    this.coldUsed = 0;
    this.count = 0;
    this.spill.close();
  }

  close(): void {
    this.clear();
  }
}

/** The n bytes of a ‖ b starting at `from`, as at most two views (no copy). */
function rangeParts(a: Uint8Array, b: Uint8Array | undefined, from: number, n: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let done = 0;
  if (from < a.length && n > 0) {
    const k = Math.min(n, a.length - from);
    parts.push(a.subarray(from, from + k));
    done = k;
  }
  if (done < n && b !== undefined) {
    const bFrom = from + done - a.length;
    parts.push(b.subarray(bFrom, bFrom + n - done));
  }
  return parts;
}

/** Copies n bytes of a ‖ b starting at `from` into dst at `at`. */
function copyRange(a: Uint8Array, b: Uint8Array | undefined, from: number, n: number, dst: Uint8Array, at: number): void {
  if (n <= 96) {
    // Short copies (headers, preview prefixes): a loop beats creating subarray views.
    const aLen = a.length;
    for (let i = 0; i < n; i++) {
      const src = from + i;
      dst[at + i] = src < aLen ? (a[src] as number) : ((b as Uint8Array)[src - aLen] as number);
    }
    return;
  }
  for (const part of rangeParts(a, b, from, n)) {
    dst.set(part, at);
    at += part.length;
  }
}
