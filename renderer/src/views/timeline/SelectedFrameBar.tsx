// Under the diagram: the selected frame in one line, and the way to its bytes in the Inspector.
import { useTranslation } from 'react-i18next';
import type { FrameSummary } from '../../../../shared/model';
import { DirectionArrow } from '../../components/direction-arrow/DirectionArrow';
import { OpcodeBadge } from '../../components/opcode-badge/OpcodeBadge';
import { formatBytes, formatClock, formatDurationUs } from '../../format';
import { useStore } from '../../store';
import { SafeText } from '../../components/safe-text/SafeText';
import { visibleText } from '../../components/safe-text/split-hidden';

/** The FIN bit as the RFC writes it (§5.4): a field name, the same in every language. */
const FIN_CLEAR = 'FIN=0';

export function SelectedFrameBar({ frame, origin }: { frame: FrameSummary | null; origin: number }) {
  const { t } = useTranslation('timeline', { keyPrefix: 'selected' });
  const setView = useStore((s) => s.setView);
  if (!frame) {
    return (
      <div className="tl-selected empty" data-testid="timeline-selected-none">
        {t('none')}
      </div>
    );
  }
  return (
    <div className="tl-selected" data-testid="timeline-selected" data-frame-id={frame.id}>
      <span className="tl-selected-id">#{frame.id}</span>
      <OpcodeBadge opcode={frame.opcode} compressed={frame.rsv1} />
      <DirectionArrow from={frame.from} long />
      {frame.injected && <span className="tag">{t('injected')}</span>}
      {!frame.fin && <span className="tag" title={t('fin0Hint')}>{FIN_CLEAR}</span>}
      {frame.violationCount > 0 && <span className="tag danger">{t('violations', { count: frame.violationCount })}</span>}
      <span className="tl-selected-meta" title={formatClock(frame.time)}>
        +{formatDurationUs(frame.time - origin)}
      </span>
      <span className="tl-selected-meta">
        {t('sizes', { payload: formatBytes(frame.payloadLength), header: frame.headerLength })}
      </span>
      <span className="tl-selected-preview" title={visibleText(frame.preview)} translate="no">
        <SafeText text={frame.preview} />
      </span>
      <button className="button small" onClick={() => setView('inspector')} title={t('openHint')}>
        {t('open')}
      </button>
    </div>
  );
}
