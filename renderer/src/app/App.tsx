import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFeedToCache } from '../api/feed-to-cache';
import { useClient } from '../api/use-client';
import { notifyError, text } from '../actions/notify';
import { effectiveTheme } from '../store/app-slice';
import { useStore } from '../store';
import { ActiveView } from '../views';
import { PresenterFrame } from '../presenter/PresenterFrame';
import { ConnectionsSidebar } from './ConnectionsSidebar';
import { Notices } from './Notices';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useShellLayout } from './use-shell-layout';

export function App() {
  const { t } = useTranslation('shell');
  const theme = useStore(effectiveTheme);
  const { overlay, sidebar } = useShellLayout();
  useEngineSync();
  useSystemTheme();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const bodyClass = sidebar && !overlay ? 'shell-body' : 'shell-body no-sidebar';
  return (
    <div className="shell">
      <TopBar />
      <div className={bodyClass}>
        {sidebar && <ConnectionsSidebar overlay={overlay} />}
        <main className="shell-main" aria-label={t('main')}>
          <ActiveView />
        </main>
        <Notices />
      </div>
      <StatusBar />
      <PresenterFrame />
    </div>
  );
}

/** Loads the initial state and keeps the store and the query cache fed by the engine's feed. */
function useEngineSync(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    const store = useStore.getState();
    const unsubscribe = client.subscribe((events) => {
      useStore.getState().applyEvents(events);
      applyFeedToCache(queryClient, events, useStore.getState());
    });
    void Promise.all([client.getInfo(), client.listConnections(), client.listProxies(), client.getStats()])
      .then(([info, connections, proxies, stats]) => {
        store.setInfo(info);
        store.setConnections(connections);
        store.setProxies(proxies);
        useStore.setState({ stats });
      })
      .catch((err: unknown) => {
        store.setEngineConnected(false);
        notifyError(err, text('errors:context.load'));
      });
    return unsubscribe;
  }, [client, queryClient]);
}

function useSystemTheme(): void {
  const setSystemDark = useStore((s) => s.setSystemDark);
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [setSystemDark]);
}
