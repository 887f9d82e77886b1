// Where the frames go: which side they pretend to come from, into which live connection, and
// the Send button (Ctrl+Enter) with a sequence's progress.
import { useEffect, useMemo } from 'react';
import type { Peer } from '../../../../shared/model';
import { DirectionArrow } from '../../components/direction-arrow/DirectionArrow';
import { formatBytes } from '../../format';
import { useStore } from '../../store';
import { connectionLabel, injectableConnections, injectionBreaksContext, negotiatedDeflate } from './connection-info';
import { cancelSend, sendCurrentDocument } from '../../actions/crafter';
import type { CrafterPreview } from './use-crafter-preview';
import './target-bar.css';

const SIDES: Array<{ from: Peer; label: string; hint: string }> = [
  { from: 'client', label: 'To the server', hint: 'As if the client sent it: the frames go to the server (clients mask, §5.3).' },
  { from: 'server', label: 'To the client', hint: 'As if the server sent it: the frames go to the client (servers never mask).' },
];

const BUILTIN_CLIENT = 'builtin-client';

export function TargetBar({ preview }: { preview: CrafterPreview }) {
  const from = useStore((s) => s.crafterDoc.from);
  const setFrom = useStore((s) => s.setCrafterFrom);
  const targetId = useStore((s) => s.crafterTargetId);
  const setTarget = useStore((s) => s.setCrafterTarget);
  const connections = useStore((s) => s.connections);
  const sending = useStore((s) => s.crafterSending);
  const openControls = useStore((s) => s.openControls);
  const frameCount = useStore((s) => s.crafterDoc.frames.length);
  const targets = useMemo(() => injectableConnections(connections), [connections]);
  const target = targetId === null ? null : (connections.get(targetId) ?? null);
  const targetOpen = target !== null && targets.some((t) => t.id === target.id);

  // Pick the newest open connection when none is chosen (or the chosen one closed and another is open).
  useEffect(() => {
    if ((targetId === null || !targetOpen) && targets.length > 0 && sending === null) setTarget(targets[0]!.id);
  }, [targetId, targetOpen, targets, setTarget, sending]);

  const canSend = targetOpen && preview.bytes !== null && sending === null;
  const deflate = negotiatedDeflate(target);
  const sendLabel = frameCount === 1 ? 'Send frame' : `Send ${frameCount} frames`;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canSend) {
        // Before Monaco sees it (capture phase): there Ctrl+Enter would insert a line.
        e.preventDefault();
        e.stopPropagation();
        void sendCurrentDocument();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [canSend]);

  return (
    <div className="crafter-target" data-testid="crafter-target">
      <div className="segmented" role="radiogroup" aria-label="Direction">
        {SIDES.map((s) => (
          <button key={s.from} role="radio" aria-checked={from === s.from} className={from === s.from ? `seg active ${s.from}` : 'seg'} title={s.hint} onClick={() => setFrom(s.from)}>
            <DirectionArrow from={s.from} /> {s.label}
          </button>
        ))}
      </div>
      <label className="crafter-target-pick">
        <span className="muted">into</span>
        <select
          className="select"
          aria-label="Connection to send into"
          data-testid="crafter-connection"
          value={targetOpen ? String(target!.id) : ''}
          onChange={(e) => {
            // The last option is an action, not a target: it opens the built-in client's panel.
            if (e.target.value === BUILTIN_CLIENT) openControls('client');
            else setTarget(e.target.value === '' ? null : Number(e.target.value));
          }}
        >
          {targets.length === 0 && <option value="">No open connection: preview only</option>}
          {!targetOpen && targets.length > 0 && <option value="">Pick a connection…</option>}
          {targets.map((c) => (
            <option key={c.id} value={c.id}>
              {connectionLabel(c)}
            </option>
          ))}
          <option value={BUILTIN_CLIENT}>＋ Connect the built-in client to a ws:// URL…</option>
        </select>
      </label>
      <span className="muted crafter-total" title="Bytes on the wire, headers included">
        {preview.bytes ? formatBytes(preview.totalBytes) : '—'}
      </span>
      {sending ? (
        <>
          <span className="crafter-progress" role="status">
            Sending {sending.done}/{sending.total}…
          </span>
          <button className="button small" onClick={cancelSend}>
            Stop
          </button>
        </>
      ) : (
        <button
          className="button primary"
          data-testid="crafter-send"
          disabled={!canSend}
          onClick={() => void sendCurrentDocument()}
          title={canSend ? 'Inject at the next frame boundary (Ctrl+Enter)' : !targetOpen ? 'Pick an open connection first' : 'Fix the errors in the frames first'}
        >
          {sendLabel}
        </button>
      )}
      {deflate && (
        <p className="crafter-target-note" data-testid="crafter-deflate-note">
          This connection negotiated permessage-deflate: RSV1 means "compressed" here.
          {injectionBreaksContext(deflate, from) && ' With context takeover, an injected compressed message shifts the receiver’s window and can garble the sender’s next messages (RFC 7692 §7.1.1).'}
        </p>
      )}
    </div>
  );
}
