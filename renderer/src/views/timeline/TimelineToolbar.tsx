// Above the diagram: which connection it shows, what the shapes mean, and the zoom controls.
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../shared/model';
import { Term } from '../../components/term/Term';
import { formatCount } from '../../format';
import './timeline-toolbar.css';
import { SafeText } from '../../components/safe-text/SafeText';
import { visibleText } from '../../components/safe-text/split-hidden';

interface Props {
  connection: ConnectionSummary;
  /** Frames of the connection, or null while the first read is under way. */
  frames: number | null;
  exchanges: number;
  /** How the window is drawn: arrows, density ticks (with the frames in view), or a burst in order. */
  drawing: { mode: 'arrows' | 'density' | 'burst'; inView: number; approximate: boolean };
  following: boolean;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
}

const LEGEND = [
  { className: 'op-text', shape: 'dot', label: 'text', hint: 'textHint', term: 'text-frame' },
  { className: 'op-binary', shape: 'dot', label: 'binary', hint: 'binaryHint', term: 'binary-frame' },
  { className: 'op-ping', shape: 'diamond', label: 'ping', hint: 'pingHint', term: 'ping' },
  { className: 'op-pong', shape: 'diamond hollow', label: 'pong', hint: 'pongHint', term: 'pong' },
  { className: 'op-close', shape: 'square', label: 'close', hint: 'closeHint', term: 'close-frame' },
  { className: 'injected', shape: 'plus', label: 'injected', hint: 'injectedHint', term: null },
] as const;

export function TimelineToolbar({ connection: c, frames, exchanges, drawing, following, onZoomIn, onZoomOut, onFit }: Props) {
  const { t } = useTranslation('timeline');
  const live = following && (c.state === 'open' || c.state === 'connecting' || c.state === 'closing');
  return (
    <div className="tl-toolbar">
      <div className="tl-title">
        <span className={`state-pill ${c.state}`}>{t(`state.${c.state}`)}</span>
        <span className="tl-url" title={visibleText(c.url)} translate="no">
          <SafeText text={c.url} />
        </span>
        <span className="tl-count" data-testid="timeline-count">
          {frames === null ? '…' : t('toolbar.frames', { count: frames, n: formatCount(frames) })}
          {exchanges > 0 && t('toolbar.http', { n: formatCount(exchanges) })}
        </span>
        {drawing.mode === 'density' && (
          <span className="tl-mode" data-testid="timeline-mode" title={t('toolbar.densityHint')}>
            {t('toolbar.density', { n: `${drawing.approximate ? '≈ ' : ''}${formatCount(drawing.inView)}` })}
          </span>
        )}
      </div>
      <ul className="tl-legend" aria-label={t('toolbar.legend')}>
        {LEGEND.map((item) => (
          <li key={item.label} className={item.className} title={t(`legend.${item.hint}`)}>
            <span className={`tl-legend-shape ${item.shape}`} aria-hidden="true" />
            {item.term === null ? t(`legend.${item.label}`) : <Term id={item.term}>{t(`legend.${item.label}`)}</Term>}
          </li>
        ))}
      </ul>
      <div className="tl-zoom">
        {live && <span className="tl-live" title={t('toolbar.followingHint')}>{t('toolbar.following')}</span>}
        <button className="button small" onClick={onZoomOut} title={t('toolbar.zoomOutHint')} aria-label={t('toolbar.zoomOut')}>
          −
        </button>
        <button className="button small" onClick={onZoomIn} title={t('toolbar.zoomInHint')} aria-label={t('toolbar.zoomIn')}>
          +
        </button>
        <button className="button small" onClick={onFit} data-testid="timeline-fit" title={t('toolbar.fitHint')}>
          {t('toolbar.fit')}
        </button>
      </div>
    </div>
  );
}
