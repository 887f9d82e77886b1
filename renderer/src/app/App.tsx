import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
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

function useSystemTheme(): void {
  const setSystemDark = useStore((s) => s.setSystemDark);
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [setSystemDark]);
}
