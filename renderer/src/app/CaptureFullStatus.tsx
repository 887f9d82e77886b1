// The "capture full" state in the status bar (issues 12/13): the budget was reached, what happens
// now (recording stopped, or the oldest frames are being dropped), and the other choice one click away.
import { getClient } from '../api/client';
import { formatBytes, formatCount } from '../format';
import { useStore } from '../store';

export function CaptureFullStatus() {
  const full = useStore((s) => s.stats.full);
  const budget = useStore((s) => s.stats.budget);
  const dropped = useStore((s) => s.stats.droppedFrames);
  const notRecorded = useStore((s) => s.stats.notRecordedFrames);
  if (!full) return null;
  const stopping = budget.whenFull === 'stop';
  const what = stopping ? `recording stopped, ${formatCount(notRecorded)} not recorded` : `dropping the oldest, ${formatCount(dropped)} dropped`;
  return (
    <span className="status-item warn full" data-testid="status-full" title={`Budget: ${formatBytes(budget.memoryBytes)} in memory, ${formatBytes(budget.diskBytes)} on disk`}>
      <span className="status-text">{`Capture full: ${what}`}</span>
      <button
        className="link-button"
        data-testid="status-full-choice"
        onClick={() => void getClient().setCaptureBudget({ whenFull: stopping ? 'drop-oldest' : 'stop' })}
      >
        {stopping ? 'Drop oldest instead' : 'Stop recording instead'}
      </button>
    </span>
  );
}
