// What the anatomy diagram and the hex dump need to know about one frame. Both the Inspector
// (a captured FrameDetail) and the Crafter (a frame being built) can produce it.
import type { FrameDetail, FrameSummary } from '../../../../shared/model';
import type { FieldName, FieldRange } from '../../../../shared/protocol/types';

export type { FieldName, FieldRange };

export type AnatomyFrame = Pick<FrameDetail, 'headerBytes' | 'lengthEncoding' | 'maskKey' | 'fields' | 'payload' | 'wirePayload'> &
  Pick<FrameSummary, 'fin' | 'rsv1' | 'rsv2' | 'rsv3' | 'opcode' | 'masked' | 'payloadLength'>;

export function anatomyOf(detail: FrameDetail): AnatomyFrame {
  const s = detail.summary;
  return {
    headerBytes: detail.headerBytes,
    lengthEncoding: detail.lengthEncoding,
    maskKey: detail.maskKey,
    fields: detail.fields,
    payload: detail.payload,
    wirePayload: detail.wirePayload,
    fin: s.fin,
    rsv1: s.rsv1,
    rsv2: s.rsv2,
    rsv3: s.rsv3,
    opcode: s.opcode,
    masked: s.masked,
    payloadLength: s.payloadLength,
  };
}

/** The frame exactly as it travelled: header bytes, then the (still masked) payload kept. */
export function wireBytes(frame: Pick<AnatomyFrame, 'headerBytes' | 'wirePayload'>): Uint8Array {
  const out = new Uint8Array(frame.headerBytes.length + frame.wirePayload.length);
  out.set(frame.headerBytes, 0);
  out.set(frame.wirePayload, frame.headerBytes.length);
  return out;
}

/** Every field that owns a bit of byte `at` (the first two bytes are shared by several fields). */
export function fieldsAtByte(ranges: readonly FieldRange[], at: number): FieldName[] {
  const out: FieldName[] = [];
  for (const r of ranges) if (at >= r.start && at < r.end) out.push(r.field);
  return out;
}

/**
 * The field a byte stands for when pointed at: the one with the most bits in it, so byte 0
 * means the opcode and byte 1 the 7-bit length (FIN, RSV and MASK are one bit each).
 */
export function primaryFieldAt(ranges: readonly FieldRange[], at: number): FieldName | null {
  let best: FieldName | null = null;
  let bestBits = -1;
  for (const r of ranges) {
    if (at < r.start || at >= r.end) continue;
    const bits = r.bitStart !== undefined && r.bitEnd !== undefined ? r.bitEnd - r.bitStart : 8;
    if (bits > bestBits) {
      best = r.field;
      bestBits = bits;
    }
  }
  return best;
}

/** Byte range [start, end) covered by a field, or null when the frame has no such field. */
export function byteRangeOf(ranges: readonly FieldRange[], field: FieldName | null): [number, number] | null {
  if (field === null) return null;
  const r = ranges.find((x) => x.field === field);
  return r ? [r.start, r.end] : null;
}
