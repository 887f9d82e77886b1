// What was sent, newest first, each with the peer's answer linked into the Inspector: the Close
// and its code for a mistake, a Pong for a Ping, an echo, or the fact that nothing came back.
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { DirectionArrow } from '../../components/direction-arrow/DirectionArrow';
import { OpcodeBadge } from '../../components/opcode-badge/OpcodeBadge';
import { formatBytes } from '../../format';
import { useStore } from '../../store';
import type { AnswerFrame, SentRecord } from '../../store/crafter-slice';
import { answerVerdict } from './answer-verdict';
import { openInInspector } from '../../actions/crafter';
import { SafeText } from '../../components/safe-text/SafeText';
import { closeCodeName } from './close-code-text';
import { opcodeWord } from './opcode-label';

const MARK = { ok: '✓', bad: '✗' } as const;
/** The peer's close reason is quoted as the peer wrote it. */
const QUOTE = { open: ' — “', close: '”' } as const;

/** "1 text frame", "3 frames (text first)": what was sent, in words. */
function recordLabel(doc: SentRecord['doc'], t: ReturnType<typeof useTranslation<'crafter', 'history'>>['t']): string {
  const first = doc.frames[0];
  return t('label', { count: doc.frames.length, name: first ? opcodeWord(first.opcode) : '' });
}

export function HistoryList() {
  const { t } = useTranslation('crafter', { keyPrefix: 'history' });
  const history = useStore((s) => s.crafterHistory);
  const clear = useStore((s) => s.clearSentRecords);
  if (history.length === 0) return <p className="library-empty muted">{t('empty')}</p>;
  return (
    <div className="history-list">
      <div className="history-head">
        <button className="button ghost small" onClick={clear}>
          {t('clear')}
        </button>
      </div>
      <ul className="library-items">
        {history.map((r) => (
          <HistoryItem key={r.id} record={r} />
        ))}
      </ul>
    </div>
  );
}

export function HistoryItem({ record: r }: { record: SentRecord }) {
  const { t, i18n } = useTranslation('crafter', { keyPrefix: 'history' });
  const setDoc = useStore((s) => s.setCrafterDoc);
  const firstId = r.frameIds.find((id): id is number => id !== null);
  const verdict = answerVerdict(r.expectedClose, r.answer);
  return (
    <li className="history-item" data-testid="history-item" data-status={r.status}>
      <div className="history-top">
        <DirectionArrow from={r.from} />
        <span className="history-label">{recordLabel(r.doc, t)}</span>
        <span className="muted history-time">{new Date(r.at).toLocaleTimeString(i18n.language)}</span>
      </div>
      <div className="history-meta muted">
        <span>
          {t('into', { id: r.connectionId })} · {formatBytes(r.byteCount)} · <span className={`history-status ${r.status}`}>{t(`status.${r.status}`)}</span>
        </span>
        {firstId !== undefined && (
          <button className="link-button" onClick={() => openInInspector(r.connectionId, firstId)} title={t('showHint', { id: firstId })}>
            {t('show')}
          </button>
        )}
        <button className="link-button" onClick={() => setDoc(r.doc, r.templateId)} title={t('editHint')}>
          {t('edit')}
        </button>
      </div>
      {r.error && (
        <p className="history-error" translate="no">
          {r.error}
        </p>
      )}
      <Answer record={r} />
      {verdict && (
        <p className={verdict.ok ? 'history-verdict ok' : 'history-verdict bad'} data-testid="history-verdict">
          {verdict.ok ? MARK.ok : MARK.bad} {verdict.text}
        </p>
      )}
    </li>
  );
}

function Answer({ record: r }: { record: SentRecord }) {
  const { t } = useTranslation('crafter', { keyPrefix: 'history' });
  const answer = r.answer;
  if (answer === null) return null;
  const peer = r.from === 'client' ? 'server' : 'client';
  if (answer.kind === 'waiting') return <p className="history-answer muted">{peer === 'server' ? t('waitingServer') : t('waitingClient')}</p>;
  if (answer.kind === 'none') {
    const unreadable = answer.code === 'unreadable';
    return (
      <p className="history-answer none" data-testid="history-answer-none">
        {unreadable ? i18n.t('errors:withContext', { what: i18n.t('crafter:answer.cannotRead'), why: i18n.t(`errors:code.${String(answer.params.error ?? 'unavailable')}` as 'errors:code.internal') }) : noAnswerText(answer)}
        {unreadable && typeof answer.params.detail === 'string' && answer.params.detail !== '' && <span translate="no">{` ${answer.params.detail}`}</span>}
      </p>
    );
  }
  return (
    <ul className="history-answers" data-testid="history-answers" aria-label={peer === 'server' ? t('answerServer') : t('answerClient')}>
      {answer.frames.map((f) => (
        <li key={f.frameId}>
          <button className="answer-frame" onClick={() => openInInspector(r.connectionId, f.frameId)} title={t('openHint')} data-testid="history-answer">
            <DirectionArrow from={peer} />
            <OpcodeBadge opcode={f.opcode} />
            <AnswerText frame={f} />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A close code in words (the reason is the peer's own text), or the payload the peer sent. */
function AnswerText({ frame: f }: { frame: AnswerFrame }) {
  const { t } = useTranslation('crafter', { keyPrefix: 'history' });
  if (f.closeCode !== null) {
    return (
      <span className="answer-text">
        {closeCodeName(f.closeCode)}
        {f.closeReason ? (
          <span translate="no">
            {QUOTE.open}
            <SafeText text={f.closeReason} />
            {QUOTE.close}
          </span>
        ) : null}
      </span>
    );
  }
  if (f.opcode === 8) return <span className="answer-text">{t('noStatus')}</span>;
  if (f.preview === '') return <span className="answer-text">{t('empty_payload')}</span>;
  return (
    <span className="answer-text" translate="no">
      <SafeText text={f.preview} />
    </span>
  );
}

/** Why nothing came back, worded from the catalog; the answering peer is named in the user's language. */
function noAnswerText(answer: Extract<SentRecord['answer'], { kind: 'none' }>): string {
  const peer = answer.params.peer;
  const params = peer === 'client' || peer === 'server' ? { ...answer.params, peer: i18n.t(`crafter:answer.peer_${peer}`) } : answer.params;
  return i18n.t(`crafter:answer.${answer.code}`, params as Record<string, unknown>);
}
