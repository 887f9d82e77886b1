// The peer's answer against what RFC 6455 expects of a correct peer: the point of sending a
// mistake is to see whether the peer notices it.
import { OPCODE_CLOSE } from '../../../../shared/protocol/opcodes';
import type { AnswerState } from '../../store/crafter-slice';

export interface Verdict {
  ok: boolean;
  text: string;
}

export function answerVerdict(expectedClose: number | null, answer: AnswerState | null): Verdict | null {
  if (answer === null || answer.kind === 'waiting') return null;
  const close = answer.kind === 'frames' ? answer.frames.find((f) => f.opcode === OPCODE_CLOSE) : undefined;
  const got = close ? (close.closeCode === null ? 'a Close without a code' : `Close ${close.closeCode}`) : null;
  if (expectedClose !== null) {
    if (close && close.closeCode === expectedClose) return { ok: true, text: `Answered with Close ${expectedClose}, as RFC 6455 expects.` };
    if (got !== null) return { ok: false, text: `Answered with ${got}; RFC 6455 expects Close ${expectedClose}.` };
    return { ok: false, text: `No Close ${expectedClose} came back: this peer does not react as RFC 6455 expects.` };
  }
  if (got !== null) return { ok: false, text: `The peer answered valid frames with ${got}.` };
  return null;
}
