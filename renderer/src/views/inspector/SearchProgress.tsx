// Progress of a filter scan over whole payloads (the engine's search-progress events): how far it
// got, how many frames matched, and Cancel. Each progress event also re-reads the table's rows, so
// matches appear while the scan goes on.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchProgressEvent } from '../../../../shared/api';
import { getClient } from '../../api/client';
import { formatCount } from '../../format';
import { useStore } from '../../store';

export function SearchProgress() {
  const { t } = useTranslation('inspector');
  const [progress, setProgress] = useState<SearchProgressEvent | null>(null);
  const filterText = useStore((s) => s.inspectorFilter.text);

  useEffect(
    () =>
      getClient().subscribe((events) => {
        let latest: SearchProgressEvent | null = null;
        for (const e of events) if (e.type === 'search-progress') latest = e;
        if (latest === null) return;
        setProgress(latest);
        // Rows found so far are in the engine: have the table read them again.
        useStore.setState((s) => ({ captureVersion: s.captureVersion + 1 }));
      }),
    [],
  );

  if (progress === null || (progress.done && !progress.cancelled) || progress.filter.text !== filterText) return null;
  const percent = progress.total === 0 ? 100 : Math.floor((progress.scanned / progress.total) * 100);
  if (progress.cancelled) {
    return (
      <span className="search-progress cancelled" role="status" data-testid="search-progress">
        {t('search.stopped', { percent, found: formatCount(progress.matches) })}
      </span>
    );
  }
  return (
    <span className="search-progress" role="status" data-testid="search-progress">
      <progress max={100} value={percent} aria-label={t('search.progress')} />
      <span className="muted">{t('search.running', { percent, found: formatCount(progress.matches) })}</span>
      <button className="button ghost small" onClick={() => void getClient().cancelSearch()} data-testid="search-cancel">
        {t('search.cancel')}
      </button>
    </span>
  );
}
