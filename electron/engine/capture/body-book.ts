// HTTP message bodies in the capture (issue 14), beside the frame payloads: the exact bytes each
// side sent after its head (chunk framing and content codings included, RFC 9112 §6), kept in a
// blob store of their own (memory chunks, then the private spill file, mode 0600) and charged to
// the same capture budget as frames. A body that no longer fits keeps its first bytes; its true
// wire length stays known, so the viewer can say "kept N of M". Only the capture store calls this.
import type { HttpBodySide } from '../../../shared/model';
import { BlobStore, LOST } from './blob-store';

/** Where a piece of a body lives in the blob store, and how many bytes it holds. */
interface Body {
  /** Locations and lengths, alternating: [loc0, n0, loc1, n1, …]. */
  pieces: number[];
  kept: number;
  /** Bytes on the wire, kept or not. */
  wire: number;
  /** Once a piece could not be kept, later ones are not either (a body is kept from its start with no hole). */
  cut: boolean;
}

export type BodyPlace = 'memory' | 'disk' | 'full';

export class BodyBook {
  /** Made on the first body kept (its hot arena is unused here, so none is held before). */
  private store: BlobStore | null = null;
  private readonly bodies = new Map<string, Body>();

  constructor(private readonly spillDir: string) {}

  private get blobs(): BlobStore {
    this.store ??= new BlobStore(this.spillDir);
    return this.store;
  }

  /** Memory held: the blob chunks and about 96 bytes of bookkeeping per body. */
  get memoryBytes(): number {
    return (this.store?.memoryBytes ?? 0) + this.bodies.size * 96;
  }

  get diskBytes(): number {
    return this.store?.diskBytes ?? 0;
  }

  /** Memory that keeping n more bytes in memory would allocate (a new chunk, the arena on first use), or for a first spill batch. */
  growthFor(n: number): { memory: number; spill: number } {
    if (this.store === null) return { memory: 16 * 1024 + Math.max(n, 64 * 1024), spill: 1 << 20 };
    const g = this.store.growthFor(0, n);
    return { memory: g.coldMemory, spill: g.spill };
  }

  /** Counts n wire bytes of a body, and keeps them where `place` says. Returns the bytes kept. */
  append(exchangeId: number, side: HttpBodySide, bytes: Uint8Array, place: BodyPlace): number {
    const body = this.body(exchangeId, side, true) as Body;
    body.wire += bytes.length;
    if (body.cut || place === 'full' || bytes.length === 0) {
      body.cut ||= bytes.length > 0;
      return 0;
    }
    const empty = new Uint8Array(0);
    const loc = this.blobs.addCold(place, bytes, empty, 0, bytes.length);
    if (Number.isNaN(loc) || loc === LOST) {
      body.cut = true;
      return 0;
    }
    body.pieces.push(loc, bytes.length);
    body.kept += bytes.length;
    return bytes.length;
  }

  /** Wire and kept lengths of a body (0 and 0 when none was seen). */
  size(exchangeId: number, side: HttpBodySide): { wire: number; kept: number } {
    const b = this.body(exchangeId, side, false);
    return b === null ? { wire: 0, kept: 0 } : { wire: b.wire, kept: b.kept };
  }

  /** Up to n kept bytes from `offset`; a fresh copy (shorter where the disk lost them). */
  read(exchangeId: number, side: HttpBodySide, offset: number, n: number): Uint8Array {
    const b = this.body(exchangeId, side, false);
    if (b === null) return new Uint8Array(0);
    const out = new Uint8Array(Math.max(0, Math.min(n, b.kept - offset)));
    let done = 0;
    let start = 0;
    for (let i = 0; i < b.pieces.length && done < out.length; i += 2) {
      const loc = b.pieces[i] as number;
      const len = b.pieces[i + 1] as number;
      const end = start + len;
      if (offset + done < end) {
        const from = offset + done - start;
        const want = Math.min(out.length - done, len - from);
        if (!this.blobs.readCold(loc, from, want, out, done)) break;
        done += want;
      }
      start = end;
    }
    return out.subarray(0, done);
  }

  /** Forget every body (Clear); the spill file goes with them. */
  clear(): void {
    this.store?.close();
    this.store = null;
    this.bodies.clear();
  }

  private body(exchangeId: number, side: HttpBodySide, create: boolean): Body | null {
    const key = `${exchangeId}:${side}`;
    let b = this.bodies.get(key);
    if (b === undefined && create) {
      b = { pieces: [], kept: 0, wire: 0, cut: false };
      this.bodies.set(key, b);
    }
    return b ?? null;
  }
}
