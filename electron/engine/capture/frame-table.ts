// The captured frames, stored column by column (one typed array per field) so a million frames
// cost tens of megabytes instead of a million objects. Row number = frame id. Header bytes and the
// kept payload go to the BlobStore; violations (rare) live in a sparse map.
import type { Peer, Violation } from '../../../shared/model';
import type { BlobStore } from './blob-store';
import { Column } from './columns';

export const F_FIN = 1 << 0;
export const F_RSV1 = 1 << 1;
export const F_RSV2 = 1 << 2;
export const F_RSV3 = 1 << 3;
export const F_MASKED = 1 << 4;
export const F_FROM_SERVER = 1 << 5;
export const F_INJECTED = 1 << 6;
export const F_INCOMPLETE = 1 << 7;
/** The frame ends a message (a data frame with FIN, a control frame, or a cut-short one). */
export const F_MESSAGE_END = 1 << 8;
/** On the message's last frame: the message was compressed (RSV1 on its first frame, RFC 7692 §6). */
export const F_COMPRESSED = 1 << 9;
/** On the message's last frame: some of the message was not kept. */
export const F_MESSAGE_TRUNCATED = 1 << 10;
const OPCODE_SHIFT = 12;
const LENGTH_SHIFT = 16;

export interface FrameInput {
  time: number;
  connectionId: number;
  from: Peer;
  index: number;
  offset: number;
  fin: boolean;
  rsv1: boolean;
  rsv2: boolean;
  rsv3: boolean;
  opcode: number;
  masked: boolean;
  lengthEncoding: 7 | 16 | 64;
  payloadLength: number;
  headerBytes: Uint8Array;
  /** Unmasked payload as kept by the parser (may be shorter than payloadLength). */
  payload: Uint8Array;
  messageId: number;
  /** Id of the previous frame of the same message, or -1. */
  prevInMessage: number;
  injected: boolean;
  incomplete: boolean;
  violations: Violation[];
  messageEnd: boolean;
  compressed: boolean;
  messageTruncated: boolean;
  /** The inflated message, on the last frame of a compressed message. */
  inflated?: Uint8Array;
  /** The true inflated size of that message (codec): `inflated` keeps at most the budget of it. */
  inflatedLength?: number;
  inflateError?: string;
}

export class FrameTable {
  count = 0;
  readonly time = new Column(Float64Array, 1024);
  readonly connection = new Column(Uint32Array, 1024);
  readonly flags = new Column(Uint32Array, 1024);
  readonly index = new Column(Uint32Array, 1024);
  readonly offset = new Column(Float64Array, 1024);
  readonly payloadLength = new Column(Float64Array, 1024);
  readonly messageId = new Column(Uint32Array, 1024);
  readonly prevInMessage = new Column(Int32Array, 1024);
  readonly violationCount = new Column(Uint16Array, 1024);
  /** Blob of header ‖ unmasked payload. */
  readonly blob = new Column(Uint32Array, 1024);
  /** Blob of the inflated message, or -1. */
  readonly inflated = new Column(Int32Array, 1024);
  readonly violations = new Map<number, Violation[]>();
  readonly inflateErrors = new Map<number, string>();
  /** True inflated size of compressed messages whose kept inflated bytes are fewer (sparse). */
  readonly inflatedLengths = new Map<number, number>();
  private readonly all = [
    this.time,
    this.connection,
    this.flags,
    this.index,
    this.offset,
    this.payloadLength,
    this.messageId,
    this.prevInMessage,
    this.violationCount,
    this.blob,
    this.inflated,
  ];

  constructor(private readonly blobs: BlobStore) {}

  add(f: FrameInput): number {
    const id = this.count;
    for (const c of this.all) c.ensure(id);
    let flags =
      (f.fin ? F_FIN : 0) |
      (f.rsv1 ? F_RSV1 : 0) |
      (f.rsv2 ? F_RSV2 : 0) |
      (f.rsv3 ? F_RSV3 : 0) |
      (f.masked ? F_MASKED : 0) |
      (f.from === 'server' ? F_FROM_SERVER : 0) |
      (f.injected ? F_INJECTED : 0) |
      (f.incomplete ? F_INCOMPLETE : 0) |
      (f.messageEnd ? F_MESSAGE_END : 0) |
      (f.compressed ? F_COMPRESSED : 0) |
      (f.messageTruncated ? F_MESSAGE_TRUNCATED : 0);
    flags |= (f.opcode & 0xf) << OPCODE_SHIFT;
    flags |= (f.lengthEncoding === 7 ? 0 : f.lengthEncoding === 16 ? 1 : 2) << LENGTH_SHIFT;
    this.time.data[id] = f.time;
    this.connection.data[id] = f.connectionId;
    this.flags.data[id] = flags;
    this.index.data[id] = f.index;
    this.offset.data[id] = f.offset;
    this.payloadLength.data[id] = f.payloadLength;
    this.messageId.data[id] = f.messageId;
    this.prevInMessage.data[id] = f.prevInMessage;
    this.violationCount.data[id] = Math.min(f.violations.length, 0xffff);
    this.blob.data[id] = this.blobs.add(f.headerBytes, f.payload);
    this.inflated.data[id] = f.inflated !== undefined ? this.blobs.add(f.inflated) : -1;
    if (f.violations.length > 0) this.violations.set(id, f.violations);
    if (f.inflateError !== undefined) this.inflateErrors.set(id, f.inflateError);
    if (f.inflatedLength !== undefined && f.inflated !== undefined && f.inflatedLength > f.inflated.length) this.inflatedLengths.set(id, f.inflatedLength);
    this.count = id + 1;
    return id;
  }

  opcode(id: number): number {
    return ((this.flags.data[id] as number) >>> OPCODE_SHIFT) & 0xf;
  }

  lengthEncoding(id: number): 7 | 16 | 64 {
    const e = ((this.flags.data[id] as number) >>> LENGTH_SHIFT) & 3;
    return e === 0 ? 7 : e === 1 ? 16 : 64;
  }

  has(id: number, flag: number): boolean {
    return ((this.flags.data[id] as number) & flag) !== 0;
  }

  from(id: number): Peer {
    return this.has(id, F_FROM_SERVER) ? 'server' : 'client';
  }

  headerLength(id: number): number {
    const enc = this.lengthEncoding(id);
    return 2 + (enc === 16 ? 2 : enc === 64 ? 8 : 0) + (this.has(id, F_MASKED) ? 4 : 0);
  }

  /** Bytes held by the columns themselves (the blobs are counted by the BlobStore). */
  get bytes(): number {
    let n = 0;
    for (const c of this.all) n += c.bytes;
    return n;
  }

  clear(): void {
    this.count = 0;
    this.violations.clear();
    this.inflateErrors.clear();
    this.inflatedLengths.clear();
  }
}
