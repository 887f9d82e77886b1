// Reading the captured frames by id (FrameTable adds them). Everything a frame's own header says
// (FIN, RSV, opcode, MASK, lengths) is read back from its stored header bytes (RFC 6455 §5.2);
// the rest comes from the columns and the sparse maps of the segment holding it.
import type { Peer, Violation } from '../../../shared/model';
import { R_FROM_SERVER, R_GAP, type FrameSegment, type InflatedBlob } from './frame-segment';

export class FrameRows {
  protected segments: FrameSegment[] = [];
  protected lastHit: FrameSegment | null = null;
  /** Ids below this are gone (cleared or dropped). */
  firstId = 0;
  nextId = 0;

  has(id: number): boolean {
    return Number.isInteger(id) && id >= this.firstId && id < this.nextId;
  }

  /** The segment holding `id` (callers check has(id) first); reads run in id order, so the last one found usually is. */
  segment(id: number): FrameSegment {
    const hit = this.lastHit;
    if (hit !== null && id >= hit.base && id < hit.base + hit.rows) return hit;
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((segs[mid] as FrameSegment).base <= id) lo = mid;
      else hi = mid - 1;
    }
    const seg = segs[lo] as FrameSegment;
    this.lastHit = seg;
    return seg;
  }

  /** Byte k of a row's stored bytes (its header), or 0 past what is held. */
  private headerByte(id: number, k: number): number {
    const seg = this.segment(id);
    const row = id - seg.base;
    return seg.hotByte(row, k);
  }

  rowFlags(id: number): number {
    const seg = this.segment(id);
    return seg.flags.get(id - seg.base);
  }

  isGap(id: number): boolean {
    return (this.rowFlags(id) & R_GAP) !== 0;
  }

  hasFlag(id: number, flag: number): boolean {
    return (this.rowFlags(id) & flag) !== 0;
  }

  from(id: number): Peer {
    return this.hasFlag(id, R_FROM_SERVER) ? 'server' : 'client';
  }

  connection(id: number): number {
    const seg = this.segment(id);
    return seg.connection.get(id - seg.base);
  }

  time(id: number): number {
    const seg = this.segment(id);
    return seg.time.get(id - seg.base);
  }

  index(id: number): number {
    const seg = this.segment(id);
    return seg.index.get(id - seg.base);
  }

  offset(id: number): number {
    const seg = this.segment(id);
    return seg.offset.get(id - seg.base);
  }

  /** The in-memory prefix: the header and the first payload bytes (empty for a gap row). */
  hot(id: number): Uint8Array {
    const seg = this.segment(id);
    return seg.hot(id - seg.base);
  }

  /** RFC 6455 §5.2: byte 0 holds FIN, RSV1-3 and the opcode. */
  byte0(id: number): number {
    return this.headerByte(id, 0);
  }

  opcode(id: number): number {
    return this.byte0(id) & 0x0f;
  }

  masked(id: number): boolean {
    return (this.headerByte(id, 1) & 0x80) !== 0;
  }

  lengthEncoding(id: number): 7 | 16 | 64 {
    const len7 = this.headerByte(id, 1) & 0x7f;
    return len7 === 126 ? 16 : len7 === 127 ? 64 : 7;
  }

  /** RFC 6455 §5.2: 2 bytes, then 2 or 8 of extended length, then 4 of masking key when MASK is set. */
  headerLength(id: number): number {
    if (this.isGap(id)) return 0;
    const b1 = this.headerByte(id, 1);
    const len7 = b1 & 0x7f;
    return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + (b1 & 0x80 ? 4 : 0);
  }

  /** The declared payload length, read from the header's length field (RFC 6455 §5.2). */
  payloadLength(id: number): number {
    const len7 = this.headerByte(id, 1) & 0x7f;
    if (len7 < 126) return len7;
    if (len7 === 126) return (this.headerByte(id, 2) << 8) | this.headerByte(id, 3);
    let n = 0;
    for (let i = 2; i < 10; i++) n = n * 256 + this.headerByte(id, i);
    return n;
  }

  /** Payload bytes Framescope kept of this frame. */
  kept(id: number): number {
    const seg = this.segment(id);
    return seg.kept.get(id - seg.base) ?? this.payloadLength(id);
  }

  violations(id: number): Violation[] {
    const seg = this.segment(id);
    return seg.violations.get(id - seg.base) ?? [];
  }

  /** The first frame of the message `id` belongs to: O(1) (continuations carry it). */
  firstOfMessage(id: number): number {
    const seg = this.segment(id);
    const first = seg.first.get(id - seg.base) ?? id;
    return first >= this.firstId ? first : id; // its start was dropped: what is left starts here
  }

  /** The previous frame of the same message, or -1 (also when it was dropped). */
  prevInMessage(id: number): number {
    const seg = this.segment(id);
    const prev = seg.prev.get(id - seg.base) ?? -1;
    return prev >= this.firstId ? prev : -1;
  }

  inflated(id: number): InflatedBlob | null {
    const seg = this.segment(id);
    return seg.inflated.get(id - seg.base) ?? null;
  }

  inflateError(id: number): string | null {
    const seg = this.segment(id);
    return seg.inflateErrors.get(id - seg.base) ?? null;
  }

  /**
   * Copies stored bytes of the frame (header ‖ kept payload) from `at` into out[outAt…], at most
   * n; returns how many could be read (fewer when a Framescope limit or the disk lost them).
   */
  readStored(id: number, at: number, n: number, out: Uint8Array, outAt = 0): number {
    const seg = this.segment(id);
    const row = id - seg.base;
    const hot = seg.hot(row);
    let done = 0;
    if (at < hot.length) {
      const k = Math.min(n, hot.length - at);
      out.set(hot.subarray(at, at + k), outAt);
      done = k;
    }
    if (done === n) return done;
    const stored = this.headerLength(id) + this.kept(id);
    const from = at + done - hot.length;
    const k = Math.min(n - done, stored - hot.length - from);
    if (k <= 0) return done;
    return seg.blobs.readCold(seg.cold(row), from, k, out, outAt + done) ? done + k : done;
  }

  /** Copies inflated message bytes from `at` into out[outAt…]; returns how many. */
  readInflated(id: number, at: number, n: number, out: Uint8Array, outAt = 0): number {
    const seg = this.segment(id);
    const blob = seg.inflated.get(id - seg.base);
    if (blob === undefined) return 0;
    const k = Math.min(n, blob.kept - at);
    if (k <= 0) return 0;
    return seg.blobs.readCold(blob.loc, at, k, out, outAt) ? k : 0;
  }
}
