// The "capture full" state in the status bar (issues 12/13): the budget was reached, what happens
// now (recording stopped, or the oldest frames are being dropped), and the other choice one click away.
import { useTranslation } from 'react-i18next';
import { getClient } from '../api/client';
import { notifyError, text } from '../actions/notify';
import { formatBytes, formatCount } from '../format';
import { useStore } from '../store';

export function CaptureFullStatus() {
  const { t } = useTranslation(['shell', 'errors']);
  const full = useStore((s) => s.stats.full);
  const budget = useStore((s) => s.stats.budget);
  const dropped = useStore((s) => s.stats.droppedFrames);
  const notRecorded = useStore((s) => s.stats.notRecordedFrames);
  if (!full) return null;
  const stopping = budget.whenFull === 'stop';
  const what = stopping ? t('full.stopped', { formatted: formatCount(notRecorded) }) : t('full.dropping', { formatted: formatCount(dropped) });
  const switchChoice = () =>
    void getClient()
      .setCaptureBudget({ whenFull: stopping ? 'drop-oldest' : 'stop' })
      .catch((err: unknown) => notifyError(err, text('errors:context.budget')));
  return (
    <span
      className="status-item warn full"
      data-testid="status-full"
      title={t('full.hint', { memory: formatBytes(budget.memoryBytes), disk: formatBytes(budget.diskBytes) })}
    >
      <span className="status-text">{what}</span>
      <button className="link-button" data-testid="status-full-choice" onClick={switchChoice}>
        {stopping ? t('full.dropInstead') : t('full.stopInstead')}
      </button>
    </span>
  );
}
