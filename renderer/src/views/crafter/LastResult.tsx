// The outcome of the latest send, right under the Send button: what went out and how the peer
// answered (the full list stays in the library's "Sent" tab).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { HistoryItem } from './HistoryList';
import './library.css';
import './target-bar.css';

export function LastResult() {
  const { t } = useTranslation('crafter', { keyPrefix: 'history' });
  const latest = useStore((s) => s.crafterHistory[0]);
  const [dismissed, setDismissed] = useState<number | null>(null);
  if (latest === undefined || dismissed === latest.id) return null;
  return (
    <div className="last-result" data-testid="last-result" aria-live="polite">
      <span className="last-result-title">{t('last')}</span>
      <ul className="library-items last-result-item">
        <HistoryItem record={latest} />
      </ul>
      <button className="button ghost small" aria-label={t('hide')} title={t('hideHint')} onClick={() => setDismissed(latest.id)}>
        ×
      </button>
    </div>
  );
}
