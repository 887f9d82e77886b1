// The crafter's left column: ready-made frames, the user's saved snippets, and what was sent.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { HistoryList } from './HistoryList';
import { SnippetList } from './SnippetList';
import { TemplateList } from './TemplateList';
import './library.css';

type Tab = 'templates' | 'snippets' | 'history';

export function LibraryPanel() {
  const [tab, setTab] = useState<Tab>('templates');
  const { t } = useTranslation('crafter', { keyPrefix: 'library' });
  const historyCount = useStore((s) => s.crafterHistory.length);
  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'templates', label: t('templates') },
    { id: 'snippets', label: t('snippets') },
    { id: 'history', label: historyCount > 0 ? t('sentCount', { count: historyCount }) : t('sent') },
  ];
  return (
    <aside className="crafter-library" aria-label={t('aria')}>
      <div className="library-tabs" role="tablist">
        {tabs.map((x) => (
          <button key={x.id} role="tab" aria-selected={tab === x.id} className={tab === x.id ? 'library-tab active' : 'library-tab'} onClick={() => setTab(x.id)} data-testid={`library-tab-${x.id}`}>
            {x.label}
          </button>
        ))}
      </div>
      <div className="library-body">
        {tab === 'templates' && <TemplateList />}
        {tab === 'snippets' && <SnippetList />}
        {tab === 'history' && <HistoryList />}
      </div>
    </aside>
  );
}
