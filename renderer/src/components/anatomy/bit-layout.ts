// Lays a frame's fields out on the 32-bit rows of the RFC 6455 §5.2 diagram: each field becomes
// one segment per row it crosses, so a 64-bit length or a masking key that straddles a row
// boundary is drawn the way the RFC draws it.
import type { AnatomyFrame, FieldName } from './anatomy-frame';

export const ROW_BITS = 32;

export interface BitSegment {
  field: FieldName;
  row: number;
  /** First column (0-31) and number of columns (bits) in this row. */
  col: number;
  span: number;
  /** Absolute bit position of the segment's first column in the frame. */
  bitStart: number;
  /** Which piece of the field this is, so labels go on the first and "continued" on the rest. */
  part: 'only' | 'first' | 'middle' | 'last';
}

export interface BitLayout {
  rows: BitSegment[][];
  /** Payload bytes drawn in the diagram (the rest is summarised below it). */
  payloadBytesShown: number;
}

function absoluteBits(r: { start: number; end: number; bitStart?: number; bitEnd?: number }): [number, number] {
  return r.bitStart !== undefined && r.bitEnd !== undefined ? [r.bitStart, r.bitEnd] : [r.start * 8, r.end * 8];
}

function splitIntoRows(field: FieldName, from: number, to: number, out: BitSegment[]): void {
  const pieces: Array<[number, number]> = [];
  for (let at = from; at < to; ) {
    const rowEnd = (Math.floor(at / ROW_BITS) + 1) * ROW_BITS;
    const end = Math.min(rowEnd, to);
    pieces.push([at, end]);
    at = end;
  }
  pieces.forEach(([a, b], i) => {
    const part = pieces.length === 1 ? 'only' : i === 0 ? 'first' : i === pieces.length - 1 ? 'last' : 'middle';
    out.push({ field, row: Math.floor(a / ROW_BITS), col: a % ROW_BITS, span: b - a, bitStart: a, part });
  });
}

/**
 * The payload is drawn only to the end of the row it starts in, plus one full row when it
 * goes on: enough to see where it begins without drawing megabytes as bits.
 */
export function bitLayout(frame: Pick<AnatomyFrame, 'fields' | 'payloadLength'>): BitLayout {
  const segments: BitSegment[] = [];
  let payloadBytesShown = 0;
  const ordered = [...frame.fields].sort((a, b) => absoluteBits(a)[0] - absoluteBits(b)[0]);
  for (const r of ordered) {
    const [from, declaredTo] = absoluteBits(r);
    if (r.field !== 'payload') {
      splitIntoRows(r.field, from, declaredTo, segments);
      continue;
    }
    if (frame.payloadLength <= 0) continue;
    const rowEnd = (Math.floor(from / ROW_BITS) + 1) * ROW_BITS;
    const limit = from % ROW_BITS === 0 ? from + ROW_BITS : rowEnd + ROW_BITS;
    const to = Math.min(declaredTo, from + frame.payloadLength * 8, limit);
    payloadBytesShown = (to - from) / 8;
    splitIntoRows('payload', from, to, segments);
  }
  const rows: BitSegment[][] = [];
  for (const s of segments) (rows[s.row] ??= []).push(s);
  return { rows: Array.from(rows, (r) => r ?? []), payloadBytesShown };
}
