// What a correct peer does when it receives a frame that breaks a rule: the reaction RFC 6455
// prescribes, so the crafter can say what to expect before sending, and compare afterwards.
import type { Violation } from '../protocol/types';

export interface ExpectedReaction {
  /** The close code a correct peer sends, or null when it should simply accept or ignore the frame. */
  closeCode: number | null;
  /** One sentence, naming the rule. */
  summary: string;
}

// §7.1.7 "Fail the WebSocket Connection"; §7.4.1 names 1002 (protocol error) and 1007 (bad data).
const FAIL_1002 = (rule: string): ExpectedReaction => ({ closeCode: 1002, summary: `Fail the connection with Close 1002 (protocol error): ${rule}` });

const REACTIONS: Record<string, ExpectedReaction> = {
  'unmasked-client-frame': FAIL_1002('a server must close the connection on an unmasked client frame (§5.1).'),
  'masked-server-frame': FAIL_1002('a client must close the connection on a masked server frame (§5.1).'),
  'rsv-without-extension': FAIL_1002('a reserved bit is set without an extension defining it (§5.2).'),
  'reserved-opcode': FAIL_1002('the opcode is reserved and unknown to the receiver (§5.2).'),
  'length-msb-set': FAIL_1002('the most significant bit of a 64-bit length must be 0 (§5.2).'),
  'fragmented-control': FAIL_1002('control frames must not be fragmented (§5.5).'),
  'control-too-long': FAIL_1002('control frames carry at most 125 bytes (§5.5).'),
  'close-payload-one-byte': FAIL_1002('a Close body is empty or starts with a 2-byte code (§5.5.1).'),
  'invalid-close-code': FAIL_1002('the close code may not be sent on the wire (§7.4.1, §7.4.2).'),
  'unexpected-continuation': FAIL_1002('a continuation frame arrived with no message to continue (§5.4).'),
  'message-interrupted': FAIL_1002('a new message started before the fragmented one finished (§5.4).'),
  'rsv1-on-continuation': FAIL_1002('only the first frame of a compressed message sets RSV1 (RFC 7692 §6.1).'),
  'rsv1-on-control': FAIL_1002('control frames are never compressed (RFC 7692 §6.1).'),
  'invalid-utf8': { closeCode: 1007, summary: 'Fail the connection with Close 1007 (invalid payload data): text must be valid UTF-8 (§8.1).' },
  'payload-too-large': { closeCode: 1009, summary: 'A peer with a size limit closes with 1009 (message too big) (§10.4).' },
  'non-minimal-length': {
    closeCode: null,
    summary: 'The RFC requires the minimal length encoding (§5.2), yet most peers accept a longer one; some fail with 1002.',
  },
  'data-after-close': { closeCode: null, summary: 'After its own Close, an endpoint must send no more data (§5.5.1); the peer discards it.' },
};

export const ACCEPT_REACTION: ExpectedReaction = { closeCode: null, summary: 'A correct peer accepts these frames.' };

export function reactionFor(code: string): ExpectedReaction | null {
  return REACTIONS[code] ?? null;
}

/** The reaction to the first violation that has one: the peer stops reading at its first failure. */
export function expectedReaction(violations: readonly Violation[]): ExpectedReaction {
  for (const v of violations) {
    const r = reactionFor(v.code);
    if (r !== null) return r;
  }
  return ACCEPT_REACTION;
}

/**
 * What to expect from a whole crafted sequence: the codec's verdict when it finds a violation,
 * otherwise the lesson of the template it came from (a Close 1000 is answered with a Close).
 */
export function expectedForSequence(
  violations: readonly Violation[],
  template?: { violation: string | null; expect: ExpectedReaction },
): ExpectedReaction {
  if (violations.length === 0 && template !== undefined && template.violation === null) return template.expect;
  return expectedReaction(violations);
}
