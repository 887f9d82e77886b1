// What was sent, newest first, each with the peer's answer linked into the Inspector: the Close
// and its code for a mistake, a Pong for a Ping, an echo, or the fact that nothing came back.
import { CLOSE_CODES } from '../../../../shared/protocol/close-codes';
import { DirectionArrow } from '../../components/direction-arrow/DirectionArrow';
import { OpcodeBadge } from '../../components/opcode-badge/OpcodeBadge';
import { formatBytes } from '../../format';
import { useStore } from '../../store';
import type { AnswerFrame, SentRecord } from '../../store/crafter-slice';
import { answerVerdict } from './answer-verdict';
import { openInInspector } from '../../actions/crafter';
import { SafeText } from '../../components/safe-text/SafeText';

const STATUS_LABEL: Record<SentRecord['status'], string> = { sending: 'sending…', sent: 'sent', failed: 'failed', cancelled: 'stopped' };

export function HistoryList() {
  const history = useStore((s) => s.crafterHistory);
  const clear = useStore((s) => s.clearSentRecords);
  if (history.length === 0) return <p className="library-empty muted">Nothing sent yet. Sent frames appear here with the peer’s answer.</p>;
  return (
    <div className="history-list">
      <div className="history-head">
        <button className="button ghost small" onClick={clear}>
          Clear
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
  const setDoc = useStore((s) => s.setCrafterDoc);
  const firstId = r.frameIds.find((id): id is number => id !== null);
  const verdict = answerVerdict(r.expectedClose, r.answer);
  return (
    <li className="history-item" data-testid="history-item" data-status={r.status}>
      <div className="history-top">
        <DirectionArrow from={r.from} />
        <span className="history-label">{r.label}</span>
        <span className="muted history-time">{new Date(r.at).toLocaleTimeString()}</span>
      </div>
      <div className="history-meta muted">
        <span>
          into #{r.connectionId} · {formatBytes(r.byteCount)} · <span className={`history-status ${r.status}`}>{STATUS_LABEL[r.status]}</span>
        </span>
        {firstId !== undefined && (
          <button className="link-button" onClick={() => openInInspector(r.connectionId, firstId)} title={`Show the injected frame (#${firstId}) in the Inspector`}>
            Show in Inspector
          </button>
        )}
        <button className="link-button" onClick={() => setDoc(r.doc, r.templateId)} title="Load these frames into the crafter again">
          Edit again
        </button>
      </div>
      {r.error && <p className="history-error">{r.error}</p>}
      <Answer record={r} />
      {verdict && (
        <p className={verdict.ok ? 'history-verdict ok' : 'history-verdict bad'} data-testid="history-verdict">
          {verdict.ok ? '✓' : '✗'} {verdict.text}
        </p>
      )}
    </li>
  );
}

function Answer({ record: r }: { record: SentRecord }) {
  const answer = r.answer;
  if (answer === null) return null;
  const peer = r.from === 'client' ? 'server' : 'client';
  if (answer.kind === 'waiting') return <p className="history-answer muted">Waiting for the {peer}’s answer…</p>;
  if (answer.kind === 'none') return <p className="history-answer none" data-testid="history-answer-none">{answer.reason}</p>;
  return (
    <ul className="history-answers" data-testid="history-answers" aria-label={`The ${peer}'s answer`}>
      {answer.frames.map((f) => (
        <li key={f.frameId}>
          <button className="answer-frame" onClick={() => openInInspector(r.connectionId, f.frameId)} title="Open in the Inspector" data-testid="history-answer">
            <DirectionArrow from={peer} />
            <OpcodeBadge opcode={f.opcode} />
            <span className="answer-text">
              <SafeText text={answerText(f)} />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function answerText(f: AnswerFrame): string {
  if (f.closeCode !== null) {
    const name = CLOSE_CODES[f.closeCode]?.name;
    return `${f.closeCode}${name ? ` ${name}` : ''}${f.closeReason ? ` — “${f.closeReason}”` : ''}`;
  }
  if (f.opcode === 8) return 'no status code';
  return f.preview === '' ? '(empty)' : f.preview;
}
