// The comparison lab (issue 7): why WebSocket? One event stream, served five ways, measured on the
// wire live — lanes, a summary with the seed notes' claims beside the numbers, plots, and the
// notes' extra demonstrations.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { ConnectionsPanel } from './connections/ConnectionsPanel';
import { DemosPanel } from './demos/DemosPanel';
import { LabControls, LabStatusLine } from './LabControls';
import { LabLanes } from './LabLanes';
import { LabPlots } from './LabPlots';
import { LabSummaryTable } from './LabSummaryTable';
import './lab.css';

type Tab = 'lanes' | 'summary' | 'plots' | 'connections' | 'demos';
const TABS: readonly Tab[] = ['lanes', 'summary', 'plots', 'connections', 'demos'];

export function LabView() {
  const { t } = useTranslation('lab');
  const [tab, setTab] = useState<Tab>('lanes');
  const refresh = useStore((s) => s.refreshLab);
  useEffect(() => void refresh(), [refresh]);
  return (
    <section className="lab" aria-label={t('view.aria')}>
      <header className="lab-head">
        <h1>{t('view.title')}</h1>
        <p>{t('view.lead')}</p>
      </header>
      <LabControls />
      <nav className="lab-tabs" role="tablist" aria-label={t('view.tabs')}>
        {TABS.map((id) => (
          <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`lab-tab-${id}`}>
            {t(`tabs.${id}`)}
          </button>
        ))}
        <LabStatusLine />
      </nav>
      <div className="lab-body">
        {tab === 'lanes' && <LabLanes />}
        {tab === 'summary' && <LabSummaryTable />}
        {tab === 'plots' && <LabPlots />}
        {tab === 'connections' && <ConnectionsPanel />}
        {tab === 'demos' && <DemosPanel />}
      </div>
    </section>
  );
}
