// The crafter's left column: ready-made frames, the user's saved snippets, and what was sent.
import { useState } from 'react';
import { useStore } from '../../store';
import { HistoryList } from './HistoryList';
import { SnippetList } from './SnippetList';
import { TemplateList } from './TemplateList';
import './library.css';

type Tab = 'templates' | 'snippets' | 'history';

export function LibraryPanel() {
  const [tab, setTab] = useState<Tab>('templates');
  const historyCount = useStore((s) => s.crafterHistory.length);
  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'templates', label: 'Templates' },
    { id: 'snippets', label: 'Snippets' },
    { id: 'history', label: historyCount > 0 ? `Sent (${historyCount})` : 'Sent' },
  ];
  return (
    <aside className="crafter-library" aria-label="Templates, snippets and history">
      <div className="library-tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'library-tab active' : 'library-tab'} onClick={() => setTab(t.id)} data-testid={`library-tab-${t.id}`}>
            {t.label}
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
