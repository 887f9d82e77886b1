import type { FieldName, Violation } from './types.js';

/** One kind of protocol violation: the rule it breaks and what a conforming receiver does about it. */
export interface ViolationKind {
  /** RFC section broken; bare numbers are RFC 6455, others name their RFC ('RFC 7692 §6.1'). */
  section: string;
  /** A few words for lists and filters. */
  title: string;
  /** One sentence: what happened and why it is wrong (the default `Violation.message`). */
  message: string;
  /** The Close status a receiver fails the connection with (RFC 6455 §7.4.1): 1002 protocol error, 1007 bad data, 1009 too big. */
  closeCode: 1002 | 1007 | 1009;
  /** Decoding cannot continue past this frame. */
  fatal: boolean;
  /** The header fields (RFC 6455 §5.2) the violation is about, for the anatomy to outline. */
  fields: readonly FieldName[];
}

/**
 * The one registry of frame- and message-level violations, keyed by stable code (handshake
 * violations live in handshake-checks.ts). Framescope's own limits (what it keeps for display)
 * are never here: they are reported as "kept N of M", not as a peer's fault.
 */
export const VIOLATION_KINDS = {
  'unmasked-client-frame': { fields: ['mask'], section: '5.1', title: 'Unmasked client frame', closeCode: 1002, fatal: false, message: 'A client sent a frame without masking it; clients must mask every frame.' },
  'masked-server-frame': { fields: ['mask', 'maskingKey'], section: '5.1', title: 'Masked server frame', closeCode: 1002, fatal: false, message: 'A server sent a masked frame; servers must not mask frames.' },
  'rsv-without-extension': { fields: ['rsv1', 'rsv2', 'rsv3'], section: '5.2', title: 'Reserved bit set', closeCode: 1002, fatal: false, message: 'A reserved bit is set although no negotiated extension defines it.' },
  'reserved-opcode': { fields: ['opcode'], section: '5.2', title: 'Reserved opcode', closeCode: 1002, fatal: true, message: 'The frame uses a reserved opcode, so its meaning is unknown and decoding stops.' },
  'non-minimal-length': { fields: ['payloadLength', 'extendedLength'], section: '5.2', title: 'Non-minimal length', closeCode: 1002, fatal: false, message: 'The payload length is not encoded in the minimal number of bytes.' },
  'length-msb-set': { fields: ['extendedLength'], section: '5.2', title: '64-bit length MSB set', closeCode: 1002, fatal: true, message: 'The most significant bit of the 64-bit payload length is set, which the RFC forbids.' },
  'length-too-large': { fields: ['extendedLength'], section: '5.2', title: 'Length beyond 2^53-1', closeCode: 1009, fatal: true, message: 'The payload length is above 2^53-1 bytes, more than any receiver can follow.' },
  'payload-too-large': { fields: ['payloadLength', 'extendedLength'], section: '10.4', title: 'Payload above maximum', closeCode: 1009, fatal: false, message: 'The declared payload length exceeds the configured maximum.' },
  'fragmented-control': { fields: ['fin', 'opcode'], section: '5.5', title: 'Fragmented control frame', closeCode: 1002, fatal: false, message: 'A control frame has FIN clear; control frames must not be fragmented.' },
  'control-too-long': { fields: ['payloadLength', 'extendedLength'], section: '5.5', title: 'Control frame too long', closeCode: 1002, fatal: true, message: 'A control frame uses an extended length field; control frames carry at most 125 bytes, so decoding stops.' },
  'close-payload-one-byte': { fields: ['payload'], section: '5.5.1', title: 'One-byte Close body', closeCode: 1002, fatal: false, message: 'A Close frame has a one-byte payload; it must be empty or start with a two-byte code.' },
  'invalid-close-code': { fields: ['payload'], section: '7.4', title: 'Invalid close code', closeCode: 1002, fatal: false, message: 'The Close frame carries a status code that must not be sent on the wire.' },
  'invalid-utf8': { fields: ['payload'], section: '8.1', title: 'Invalid UTF-8', closeCode: 1007, fatal: false, message: 'Text that must be UTF-8 contains an invalid byte sequence.' },
  'data-after-close': { fields: ['opcode'], section: '5.5.1', title: 'Data after Close', closeCode: 1002, fatal: false, message: 'This endpoint sent a data frame after its own Close frame.' },
  'rsv1-on-continuation': { fields: ['rsv1'], section: 'RFC 7692 §6.1', title: 'RSV1 on continuation', closeCode: 1002, fatal: false, message: 'RSV1 (compressed) is set on a continuation frame; only the first frame of a message may set it.' },
  'rsv1-on-control': { fields: ['rsv1'], section: 'RFC 7692 §6.1', title: 'RSV1 on control frame', closeCode: 1002, fatal: false, message: 'RSV1 (compressed) is set on a control frame; control frames are never compressed.' },
  'incomplete-frame': { fields: ['payload'], section: '5.2', title: 'Incomplete frame', closeCode: 1002, fatal: true, message: 'The connection ended in the middle of this frame.' },
  'unexpected-continuation': { fields: ['opcode'], section: '5.4', title: 'Unexpected continuation', closeCode: 1002, fatal: false, message: 'A continuation frame arrived with no fragmented message in progress.' },
  'message-interrupted': { fields: ['opcode'], section: '5.4', title: 'Message interrupted', closeCode: 1002, fatal: false, message: 'A new data message started before the previous fragmented message was finished.' },
  'inflate-failed': { fields: ['payload'], section: 'RFC 7692 §7.2.2', title: 'Corrupt compressed data', closeCode: 1007, fatal: false, message: 'The compressed message is not valid DEFLATE data, so it could not be inflated.' },
  'deflate-trailing-bytes': { fields: ['payload'], section: 'RFC 7692 §7.2.2', title: 'Bytes after final block', closeCode: 1007, fatal: false, message: 'The compressed message has bytes after a DEFLATE block marked final (BFINAL, RFC 1951 §3.2.3); they are not part of the message.' },
} as const satisfies Record<string, ViolationKind>;

export type ViolationCode = keyof typeof VIOLATION_KINDS;

/** The registry entry of a code, or undefined for codes outside it (handshake codes, imported captures). */
export function violationKind(code: string): ViolationKind | undefined {
  return Object.hasOwn(VIOLATION_KINDS, code) ? VIOLATION_KINDS[code as ViolationCode] : undefined;
}

export function violation(code: ViolationCode, offset: number, message?: string): Violation {
  const kind: ViolationKind = VIOLATION_KINDS[code];
  return { code, section: kind.section, message: message ?? kind.message, offset, fatal: kind.fatal };
}
