import type { ByteSlab } from './byte-slab.js';
import { frameFields } from './frame-fields.js';
import { OPCODE_CONTINUATION, isControlOpcode, isReservedOpcode } from './opcodes.js';
import type { DecodedFrame, Peer, Violation } from './types.js';
import { violation } from './violations.js';

export const EMPTY_BYTES = new Uint8Array(0);

/** 2^53 - 1 split at 32 bits: the high word may hold at most 21 bits. */
const MAX_SAFE_HIGH_WORD = 0x1fffff;

export interface HeaderContext {
  from: Peer;
  rsv1Allowed: boolean;
  maxPayloadLength: number;
  /** A Close frame from this sender was already seen. */
  closeSeen: boolean;
}

/** Header length implied by the first two bytes (§5.2): 2, +2 or +8 for the length, +4 for the key. */
export function headerLengthFromFirstTwo(b1: number): number {
  const len7 = b1 & 0x7f;
  return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + ((b1 & 0x80) !== 0 ? 4 : 0);
}

/**
 * Every violation that the first two header bytes alone reveal (RSV bits, opcode, FIN of a
 * control frame, a control frame's length field, masking, data after Close), so they can be
 * reported even when the rest of the header never arrives. Appends to `out`.
 */
export function firstTwoViolations(b0: number, b1: number, offset: number, ctx: HeaderContext, out: Violation[]): void {
  const fin = (b0 & 0x80) !== 0;
  const rsv1 = (b0 & 0x40) !== 0;
  const opcode = b0 & 0x0f;
  const masked = (b1 & 0x80) !== 0;
  const len7 = b1 & 0x7f;
  if (rsv1 && !ctx.rsv1Allowed) {
    out.push(violation('rsv-without-extension', offset, 'RSV1 is set although no extension (such as permessage-deflate) was negotiated.'));
  }
  if ((b0 & 0x20) !== 0) out.push(violation('rsv-without-extension', offset, 'RSV2 is set although no negotiated extension defines it.'));
  if ((b0 & 0x10) !== 0) out.push(violation('rsv-without-extension', offset, 'RSV3 is set although no negotiated extension defines it.'));

  if (isReservedOpcode(opcode)) {
    out.push(violation('reserved-opcode', offset, `Opcode 0x${opcode.toString(16)} is reserved, so the frame's meaning is unknown and decoding stops.`));
  } else if (isControlOpcode(opcode)) {
    // §5.5: control frames are never fragmented and carry at most 125 bytes, so a 16- or 64-bit
    // length field alone proves the frame too long (ws fails the connection right there too).
    if (!fin) out.push(violation('fragmented-control', offset));
    if (len7 > 125) {
      const bits = len7 === 126 ? 16 : 64;
      out.push(violation('control-too-long', offset + 1, `A control frame uses a ${bits}-bit length field; control frames carry at most 125 bytes, so decoding stops.`));
    }
    if (rsv1 && ctx.rsv1Allowed) out.push(violation('rsv1-on-control', offset));
  } else if (opcode === OPCODE_CONTINUATION && rsv1 && ctx.rsv1Allowed) {
    out.push(violation('rsv1-on-continuation', offset));
  }

  // §5.1: clients mask every frame; servers never do.
  if (ctx.from === 'client' && !masked) out.push(violation('unmasked-client-frame', offset + 1));
  else if (ctx.from === 'server' && masked) out.push(violation('masked-server-frame', offset + 1));

  // §5.5.1: after its Close an endpoint must not send *data* frames; Ping and Pong may follow.
  if (ctx.closeSeen && !isControlOpcode(opcode)) out.push(violation('data-after-close', offset));
}

/**
 * Decodes a complete header (hdr[0, headerLength)) into a frame record whose
 * payload is still empty, with every header-level violation (§5.1, §5.2, §5.5).
 */
export function decodeHeader(hdr: Uint8Array, headerLength: number, offset: number, ctx: HeaderContext, slab: ByteSlab): DecodedFrame {
  const b0 = hdr[0] as number;
  const b1 = hdr[1] as number;
  const masked = (b1 & 0x80) !== 0;
  const len7 = b1 & 0x7f;
  const violations: Violation[] = [];

  let payloadLength = len7;
  let lengthEncoding: 7 | 16 | 64 = 7;
  if (len7 === 126) {
    lengthEncoding = 16;
    payloadLength = ((hdr[2] as number) << 8) | (hdr[3] as number);
    // §5.2: "the minimal number of bytes MUST be used to encode the length".
    if (payloadLength < 126) violations.push(violation('non-minimal-length', offset + 2));
  } else if (len7 === 127) {
    lengthEncoding = 64;
    const hi = ((hdr[2] as number) * 0x1000000 + (((hdr[3] as number) << 16) | ((hdr[4] as number) << 8) | (hdr[5] as number)));
    const lo = ((hdr[6] as number) * 0x1000000 + (((hdr[7] as number) << 16) | ((hdr[8] as number) << 8) | (hdr[9] as number)));
    payloadLength = hi * 0x100000000 + lo;
    if (hi >= 0x80000000) {
      // §5.2: "the most significant bit MUST be 0".
      violations.push(violation('length-msb-set', offset + 2));
    } else if (hi > MAX_SAFE_HIGH_WORD) {
      violations.push(violation('length-too-large', offset + 2));
    } else if (payloadLength < 65536) {
      violations.push(violation('non-minimal-length', offset + 2));
    }
  }
  // Common frames (small, valid) skip the rule checks' branches entirely.
  if ((b0 & 0x70) !== 0 || (b0 & 0x0f) > 2 || ctx.closeSeen || masked !== (ctx.from === 'client')) {
    firstTwoViolations(b0, b1, offset, ctx, violations);
  }
  if (payloadLength > ctx.maxPayloadLength) {
    violations.push(violation('payload-too-large', offset + 1, `The frame declares ${payloadLength} bytes, above the configured maximum of ${ctx.maxPayloadLength}.`));
  }

  const headerBytes = slab.alloc(headerLength);
  for (let i = 0; i < headerLength; i++) headerBytes[i] = hdr[i] as number;
  return {
    fin: (b0 & 0x80) !== 0,
    rsv1: (b0 & 0x40) !== 0,
    rsv2: (b0 & 0x20) !== 0,
    rsv3: (b0 & 0x10) !== 0,
    opcode: b0 & 0x0f,
    masked,
    payloadLength,
    lengthEncoding,
    maskKey: masked ? headerBytes.subarray(headerLength - 4, headerLength) : null,
    headerLength,
    offset,
    headerBytes,
    fields: frameFields(lengthEncoding, masked, payloadLength),
    payload: EMPTY_BYTES,
    truncated: false,
    complete: false,
    violations,
  };
}

/** True when a fatal violation is about the length itself, so the payload's extent cannot be followed. */
export function lengthUnfollowable(violations: Violation[]): boolean {
  for (const v of violations) if (v.code === 'length-msb-set' || v.code === 'length-too-large') return true;
  return false;
}

export function hasFatal(violations: Violation[]): boolean {
  for (const v of violations) if (v.fatal) return true;
  return false;
}
