import type { FieldRange } from './types.js';

/**
 * Field layout of one frame (RFC 6455 §5.2 diagram). The layout depends only on
 * the length encoding and the MASK bit, so the fixed part is built once per
 * layout and shared (frozen); each frame adds only its payload range.
 */
const BIT_FIELDS: readonly FieldRange[] = [
  { field: 'fin', start: 0, end: 1, bitStart: 0, bitEnd: 1 },
  { field: 'rsv1', start: 0, end: 1, bitStart: 1, bitEnd: 2 },
  { field: 'rsv2', start: 0, end: 1, bitStart: 2, bitEnd: 3 },
  { field: 'rsv3', start: 0, end: 1, bitStart: 3, bitEnd: 4 },
  { field: 'opcode', start: 0, end: 1, bitStart: 4, bitEnd: 8 },
  { field: 'mask', start: 1, end: 2, bitStart: 8, bitEnd: 9 },
  { field: 'payloadLength', start: 1, end: 2, bitStart: 9, bitEnd: 16 },
];

/** Bytes taken by the extended payload length for each encoding (§5.2). */
export function extendedLengthBytes(lengthEncoding: 7 | 16 | 64): number {
  return lengthEncoding === 7 ? 0 : lengthEncoding === 16 ? 2 : 8;
}

export function headerLengthFor(lengthEncoding: 7 | 16 | 64, masked: boolean): number {
  return 2 + extendedLengthBytes(lengthEncoding) + (masked ? 4 : 0);
}

// The shared ranges are frozen; the arrays are not, because copying a frozen
// array is an order of magnitude slower in V8 and this runs once per frame.
function buildLayout(lengthEncoding: 7 | 16 | 64, masked: boolean): readonly FieldRange[] {
  const out: FieldRange[] = BIT_FIELDS.map((f) => Object.freeze({ ...f }));
  const ext = extendedLengthBytes(lengthEncoding);
  if (ext > 0) out.push(Object.freeze({ field: 'extendedLength', start: 2, end: 2 + ext }));
  if (masked) out.push(Object.freeze({ field: 'maskingKey', start: 2 + ext, end: 6 + ext }));
  return out;
}

function layoutIndex(lengthEncoding: 7 | 16 | 64, masked: boolean): number {
  return (lengthEncoding === 7 ? 0 : lengthEncoding === 16 ? 2 : 4) + (masked ? 1 : 0);
}

const LAYOUTS: (readonly FieldRange[])[] = [];
for (const enc of [7, 16, 64] as const) {
  for (const masked of [false, true]) LAYOUTS[layoutIndex(enc, masked)] = buildLayout(enc, masked);
}

function buildFields(lengthEncoding: 7 | 16 | 64, masked: boolean, payloadLength: number): FieldRange[] {
  const layout = LAYOUTS[layoutIndex(lengthEncoding, masked)] as readonly FieldRange[];
  const headerLength = headerLengthFor(lengthEncoding, masked);
  const out = layout.slice();
  out.push({ field: 'payload', start: headerLength, end: headerLength + payloadLength });
  return out;
}

// Small frames are the common case (chat, telemetry): their field lists are
// shared, frozen, one per (7-bit length, mask bit), instead of one per frame.
const SMALL: (readonly FieldRange[])[] = [];
for (let len = 0; len < 126; len++) {
  for (const masked of [false, true]) SMALL[len * 2 + (masked ? 1 : 0)] = Object.freeze(buildFields(7, masked, len));
}

/**
 * Field ranges of a frame, relative to its first byte; the payload range uses
 * the declared length. The result may be shared between frames: treat it as
 * read-only.
 */
export function frameFields(lengthEncoding: 7 | 16 | 64, masked: boolean, payloadLength: number): FieldRange[] {
  if (lengthEncoding === 7 && payloadLength < 126) return SMALL[payloadLength * 2 + (masked ? 1 : 0)] as FieldRange[];
  // Larger frames of one stream tend to repeat a size: reuse the last list built for a layout.
  const i = layoutIndex(lengthEncoding, masked);
  const last = RECENT[i];
  if (last !== undefined && RECENT_LENGTH[i] === payloadLength) return last;
  const fields = Object.freeze(buildFields(lengthEncoding, masked, payloadLength)) as FieldRange[];
  RECENT[i] = fields;
  RECENT_LENGTH[i] = payloadLength;
  return fields;
}

const RECENT: FieldRange[][] = [];
const RECENT_LENGTH: number[] = [];
