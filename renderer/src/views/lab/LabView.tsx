// The comparison lab (issue 7): why WebSocket? One event stream, served five ways, measured on the
// wire live — lanes, a summary with the seed notes' claims beside the numbers, plots, and the
// notes' extra demonstrations.
import { useEffect, useState } from 'react';
import { useStore } from '../../store';
import { DemosPanel } from './demos/DemosPanel';
import { LabControls, LabStatusLine } from './LabControls';
import { LabLanes } from './LabLanes';
import { LabPlots } from './LabPlots';
import { LabSummaryTable } from './LabSummaryTable';
import './lab.css';

type Tab = 'lanes' | 'summary' | 'plots' | 'demos';
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'lanes', label: 'Lanes' },
  { id: 'summary', label: 'Summary & claims' },
  { id: 'plots', label: 'Plots' },
  { id: 'demos', label: 'Demonstrations' },
];

export function LabView() {
  const [tab, setTab] = useState<Tab>('lanes');
  const refresh = useStore((s) => s.refreshLab);
  useEffect(() => void refresh(), [refresh]);
  return (
    <section className="lab" aria-label="Lab">
      <header className="lab-head">
        <h1>Why WebSocket? Measured, not claimed.</h1>
        <p>
          One event stream, five transports, every byte counted on the wire by the capture proxy. HTTP/2 (h2c) runs a
          Node client through the lab’s socket tap: browsers speak HTTP/2 only over TLS.
        </p>
      </header>
      <LabControls />
      <nav className="lab-tabs" role="tablist" aria-label="Lab views">
        {TABS.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)} data-testid={`lab-tab-${t.id}`}>
            {t.label}
          </button>
        ))}
        <LabStatusLine />
      </nav>
      <div className="lab-body">
        {tab === 'lanes' && <LabLanes />}
        {tab === 'summary' && <LabSummaryTable />}
        {tab === 'plots' && <LabPlots />}
        {tab === 'demos' && <DemosPanel />}
      </div>
    </section>
  );
}
