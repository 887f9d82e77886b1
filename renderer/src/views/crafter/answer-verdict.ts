// The peer's answer against what RFC 6455 expects of a correct peer: the point of sending a
// mistake is to see whether the peer notices it.
import { OPCODE_CLOSE } from '../../../../shared/protocol/opcodes';
import type { AnswerState } from '../../store/crafter-slice';
import { i18n } from '../../i18n';

export interface Verdict {
  ok: boolean;
  text: string;
}

export function answerVerdict(expectedClose: number | null, answer: AnswerState | null): Verdict | null {
  if (answer === null || answer.kind === 'waiting') return null;
  const close = answer.kind === 'frames' ? answer.frames.find((f) => f.opcode === OPCODE_CLOSE) : undefined;
  const got = close ? (close.closeCode === null ? i18n.t('crafter:verdict.closeNoCode') : i18n.t('crafter:verdict.close', { code: close.closeCode })) : null;
  if (expectedClose !== null) {
    if (close && close.closeCode === expectedClose) return { ok: true, text: i18n.t('crafter:verdict.ok', { code: expectedClose }) };
    if (got !== null) return { ok: false, text: i18n.t('crafter:verdict.wrong', { got, code: expectedClose }) };
    return { ok: false, text: i18n.t('crafter:verdict.missing', { code: expectedClose }) };
  }
  if (got !== null) return { ok: false, text: i18n.t('crafter:verdict.unexpected', { got }) };
  return null;
}
