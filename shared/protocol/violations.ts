import type { Violation } from './types.js';

interface ViolationKind {
  section: string;
  message: string;
  fatal: boolean;
}

/**
 * Every frame- and message-level violation the codec reports, keyed by its
 * stable code. Handshake violations live in handshake-checks.ts.
 */
export const VIOLATION_KINDS = {
  'unmasked-client-frame': { section: '5.1', message: 'A client sent a frame without masking it; clients must mask every frame.', fatal: false },
  'masked-server-frame': { section: '5.1', message: 'A server sent a masked frame; servers must not mask frames.', fatal: false },
  'rsv-without-extension': { section: '5.2', message: 'A reserved bit is set although no negotiated extension defines it.', fatal: false },
  'reserved-opcode': { section: '5.2', message: 'The frame uses a reserved opcode, so its meaning is unknown and decoding stops.', fatal: true },
  'non-minimal-length': { section: '5.2', message: 'The payload length is not encoded in the minimal number of bytes.', fatal: false },
  'length-msb-set': { section: '5.2', message: 'The most significant bit of the 64-bit payload length is set, which the RFC forbids.', fatal: true },
  'length-too-large': { section: '5.2', message: 'The payload length is above 2^53-1 bytes, more than this decoder can follow.', fatal: true },
  'payload-too-large': { section: '10.4', message: 'The declared payload length exceeds the configured maximum.', fatal: false },
  'fragmented-control': { section: '5.5', message: 'A control frame has FIN clear; control frames must not be fragmented.', fatal: false },
  'control-too-long': { section: '5.5', message: 'A control frame carries more than 125 bytes of payload.', fatal: false },
  'close-payload-one-byte': { section: '5.5.1', message: 'A Close frame has a one-byte payload; it must be empty or start with a two-byte code.', fatal: false },
  'invalid-close-code': { section: '7.4', message: 'The Close frame carries a status code that must not be sent on the wire.', fatal: false },
  'invalid-utf8': { section: '8.1', message: 'Text that must be UTF-8 contains an invalid byte sequence.', fatal: false },
  'data-after-close': { section: '5.5.1', message: 'This endpoint sent a frame after its own Close frame.', fatal: false },
  'rsv1-on-continuation': { section: 'RFC 7692 §6.1', message: 'RSV1 (compressed) is set on a continuation frame; only the first frame of a message may set it.', fatal: false },
  'rsv1-on-control': { section: 'RFC 7692 §6.1', message: 'RSV1 (compressed) is set on a control frame; control frames are never compressed.', fatal: false },
  'incomplete-frame': { section: '5.2', message: 'The connection ended in the middle of this frame.', fatal: true },
  'unexpected-continuation': { section: '5.4', message: 'A continuation frame arrived with no fragmented message in progress.', fatal: false },
  'message-interrupted': { section: '5.4', message: 'A new data message started before the previous fragmented message was finished.', fatal: false },
  'inflate-failed': { section: 'RFC 7692 §6.2', message: 'The compressed message could not be inflated.', fatal: false },
} as const satisfies Record<string, ViolationKind>;

export type ViolationCode = keyof typeof VIOLATION_KINDS;

export function violation(code: ViolationCode, offset: number, message?: string): Violation {
  const kind: ViolationKind = VIOLATION_KINDS[code];
  return { code, section: kind.section, message: message ?? kind.message, offset, fatal: kind.fatal };
}
