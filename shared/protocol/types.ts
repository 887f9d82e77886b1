/**
 * Shared shapes of the WebSocket codec. Pure data: these cross the IPC boundary,
 * so they hold only plain values, arrays and Uint8Arrays.
 */

/** Who SENT the bytes being decoded. */
export type Peer = 'client' | 'server';

/** The named fields of the RFC 6455 §5.2 base framing diagram. */
export type FieldName =
  | 'fin'
  | 'rsv1'
  | 'rsv2'
  | 'rsv3'
  | 'opcode'
  | 'mask'
  | 'payloadLength'
  | 'extendedLength'
  | 'maskingKey'
  | 'payload';

/**
 * Where a field sits inside one frame. `start`/`end` are byte offsets relative
 * to the first byte of the frame, `end` exclusive. The bit fields that share
 * the first two bytes (fin … payloadLength) also carry `bitStart`/`bitEnd`:
 * bit positions 0..16 counted from the most significant bit of byte 0, `bitEnd`
 * exclusive — exactly the column numbers of the RFC 6455 §5.2 diagram.
 */
export interface FieldRange {
  field: FieldName;
  start: number;
  end: number;
  bitStart?: number;
  bitEnd?: number;
}

/**
 * A protocol violation, reported as data (never thrown).
 * `code` is stable and machine-readable; `section` names the RFC section broken
 * (bare numbers are RFC 6455; others are prefixed, e.g. 'RFC 7692 §6.1');
 * `offset` is a byte offset in the stream (for handshakes: in the head's raw bytes);
 * `fatal` means decoding cannot continue past this point.
 */
export interface Violation {
  code: string;
  section: string;
  message: string;
  offset: number;
  fatal: boolean;
}

export interface FrameHeader {
  fin: boolean;
  rsv1: boolean;
  rsv2: boolean;
  rsv3: boolean;
  opcode: number;
  masked: boolean;
  /** Declared payload length. Values above 2^53-1 are reported approximately with a fatal violation. */
  payloadLength: number;
  lengthEncoding: 7 | 16 | 64;
  maskKey: Uint8Array | null;
  headerLength: number;
  /** Stream offset of the first header byte. */
  offset: number;
  /** Exact header bytes as sent (maskKey is a view of its last 4 bytes when masked). */
  headerBytes: Uint8Array;
  /** May be shared between frames of the same layout: read-only. */
  fields: FieldRange[];
}

export interface DecodedFrame extends FrameHeader {
  /** The payload, UNMASKED, at most `payloadBudget` bytes. */
  payload: Uint8Array;
  /** True when payload.length < payloadLength (budget exceeded or stream ended). */
  truncated: boolean;
  /** False when the stream ended, or a fatal violation stopped decoding, mid-frame. */
  complete: boolean;
  violations: Violation[];
}
