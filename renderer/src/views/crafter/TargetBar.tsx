// Where the frames go: which side they pretend to come from, into which live connection, and
// the Send button (Ctrl+Enter) with a sequence's progress.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../../shared/model';
import { DirectionArrow } from '../../components/direction-arrow/DirectionArrow';
import { formatBytes } from '../../format';
import { useStore } from '../../store';
import { connectionLabel, injectableConnections, injectionBreaksContext, negotiatedDeflate } from './connection-info';
import { cancelSend, sendCurrentDocument } from '../../actions/crafter';
import type { CrafterPreview } from './use-crafter-preview';
import './target-bar.css';

const SIDES = [
  { from: 'client', label: 'toServer', hint: 'toServerHint' },
  { from: 'server', label: 'toClient', hint: 'toClientHint' },
] as const satisfies ReadonlyArray<{ from: Peer; label: string; hint: string }>;

const BUILTIN_CLIENT = 'builtin-client';

export function TargetBar({ preview }: { preview: CrafterPreview }) {
  const { t } = useTranslation('crafter', { keyPrefix: 'target' });
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
  const sendLabel = t('send', { count: frameCount });

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
      <div className="segmented" role="radiogroup" aria-label={t('directionAria')}>
        {SIDES.map((s) => (
          <button key={s.from} role="radio" aria-checked={from === s.from} className={from === s.from ? `seg active ${s.from}` : 'seg'} title={t(s.hint)} onClick={() => setFrom(s.from)}>
            <DirectionArrow from={s.from} /> {t(s.label)}
          </button>
        ))}
      </div>
      <label className="crafter-target-pick">
        <span className="muted">{t('into')}</span>
        <select
          className="select"
          aria-label={t('connectionAria')}
          data-testid="crafter-connection"
          value={targetOpen ? String(target!.id) : ''}
          onChange={(e) => {
            // The last option is an action, not a target: it opens the built-in client's panel.
            if (e.target.value === BUILTIN_CLIENT) openControls('client');
            else setTarget(e.target.value === '' ? null : Number(e.target.value));
          }}
        >
          {targets.length === 0 && <option value="">{t('noConnection')}</option>}
          {!targetOpen && targets.length > 0 && <option value="">{t('pick')}</option>}
          {targets.map((c) => (
            <option key={c.id} value={c.id} translate="no">
              {connectionLabel(c)}
            </option>
          ))}
          <option value={BUILTIN_CLIENT}>{t('builtin')}</option>
        </select>
      </label>
      <span className="muted crafter-total" title={t('totalHint')}>
        {preview.bytes ? formatBytes(preview.totalBytes) : '—'}
      </span>
      {sending ? (
        <>
          <span className="crafter-progress" role="status">
            {t('sending', { done: sending.done, total: sending.total })}
          </span>
          <button className="button small" onClick={cancelSend}>
            {t('stop')}
          </button>
        </>
      ) : (
        <button
          className="button primary"
          data-testid="crafter-send"
          disabled={!canSend}
          onClick={() => void sendCurrentDocument()}
          title={canSend ? t('sendHint') : !targetOpen ? t('pickFirst') : t('fixFirst')}
        >
          {sendLabel}
        </button>
      )}
      {deflate && (
        <p className="crafter-target-note" data-testid="crafter-deflate-note">
          {t('deflate')}
          {injectionBreaksContext(deflate, from) && t('takeover')}
        </p>
      )}
    </div>
  );
}
