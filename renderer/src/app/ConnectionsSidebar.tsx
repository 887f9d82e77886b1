// Every captured connection, newest first, live: state, subprotocol, extensions, frames and bytes
// each way, duration (ticking while open) and close code. Selecting one filters the whole app.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format';
import { useStore } from '../store';
import { ConnectionItem } from './ConnectionItem';
import { EmptyConnections } from './EmptyConnections';

export function ConnectionsSidebar({ overlay }: { overlay: boolean }) {
  const { t } = useTranslation('shell');
  const connections = useStore((s) => s.connections);
  const selected = useStore((s) => s.selectedConnectionId);
  const selectConnection = useStore((s) => s.selectConnection);
  const closeOverlay = useStore((s) => s.closeSidebarOverlay);
  // Over the view (narrow window), picking a connection is the last step: the sidebar gets out of the way.
  const select = (id: number | null) => {
    selectConnection(id);
    if (overlay && id !== null) closeOverlay();
  };
  // Newest first: that is where a user looks for the connection they just made.
  const all = useMemo(() => [...connections.values()].sort((a, b) => b.id - a.id), [connections]);
  // The lab's own connections (source 'lab') are kept apart from the user's, folded by default.
  const list = useMemo(() => all.filter((c) => c.source !== 'lab'), [all]);
  const labList = useMemo(() => all.filter((c) => c.source === 'lab'), [all]);
  const live = list.filter((c) => c.state === 'open' || c.state === 'connecting' || c.state === 'closing').length;

  return (
    <aside id="connections-sidebar" className={overlay ? 'sidebar overlay' : 'sidebar'} aria-label={t('sidebar.title')} data-testid="sidebar">
      <div className="sidebar-header">
        <h2>
          {t('sidebar.title')}
          {list.length > 0 && (
            <span className="sidebar-count" data-testid="connections-count">
              {' '}
              {formatCount(list.length)}
              {live > 0 ? ` · ${t('sidebar.live', { n: formatCount(live) })}` : ''}
            </span>
          )}
        </h2>
        {selected !== null && (
          <button className="button ghost small" onClick={() => select(null)} title={t('sidebar.showAllHint')}>
            {t('sidebar.showAll')}
          </button>
        )}
      </div>
      {list.length === 0 ? (
        <EmptyConnections />
      ) : (
        <ul className="connection-list" role="listbox" aria-label={t('sidebar.list')}>
          {list.map((c) => (
            <ConnectionItem key={c.id} connection={c} selected={c.id === selected} onSelect={() => select(c.id === selected ? null : c.id)} />
          ))}
        </ul>
      )}
      {labList.length > 0 && (
        <details className="sidebar-lab" data-testid="sidebar-lab">
          <summary>
            {t('sidebar.lab')} <span className="sidebar-count">{formatCount(labList.length)}</span>
          </summary>
          <ul className="connection-list" role="listbox" aria-label={t('sidebar.labList')}>
            {labList.map((c) => (
              <ConnectionItem key={c.id} connection={c} selected={c.id === selected} onSelect={() => select(c.id === selected ? null : c.id)} />
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
