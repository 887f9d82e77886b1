// The capture panel opened from the top bar's "Capture" button: three tabs, Proxy, Built-in
// client and File (save and open captures). It is not modal, so the sidebar and timeline stay visible (and live) while it is open.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import type { ControlsTab } from '../../store/controls-slice';
import { ClientPanel } from './ClientPanel';
import { FilePanel } from './FilePanel';
import { ProxyPanel } from './ProxyPanel';
import './controls.css';
import './controls-form.css';

const TABS = [
  { tab: 'proxy', label: 'panel.tabProxy' },
  { tab: 'client', label: 'panel.tabClient' },
  { tab: 'file', label: 'panel.tabFile' },
] as const satisfies ReadonlyArray<{ tab: ControlsTab; label: string }>;

export function CaptureControls() {
  const { t } = useTranslation('controls');
  const open = useStore((s) => s.controlsOpen);
  const tab = useStore((s) => s.controlsTab);
  const setTab = useStore((s) => s.setControlsTab);
  const close = useStore((s) => s.closeControls);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // Put the keyboard where the user will type first.
    const panel = panelRef.current;
    (panel?.querySelector<HTMLElement>('.controls-body input, .controls-body textarea') ?? panel?.querySelector<HTMLElement>('.controls-body button'))?.focus();
  }, [open, tab]);

  if (!open) return null;
  return (
    <div
      className="controls-panel"
      ref={panelRef}
      role="dialog"
      aria-label={t('panel.label')}
      data-testid="capture-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <div className="controls-tabs" role="tablist">
        {TABS.map((x) => (
          <button
            key={x.tab}
            role="tab"
            aria-selected={tab === x.tab}
            className={tab === x.tab ? 'controls-tab active' : 'controls-tab'}
            data-testid={`capture-tab-${x.tab}`}
            onClick={() => setTab(x.tab)}
          >
            {t(x.label)}
          </button>
        ))}
        <button className="button ghost small controls-close" onClick={close} aria-label={t('panel.close')} title={t('panel.closeTitle')}>
          ×
        </button>
      </div>
      <div role="tabpanel">{tab === 'proxy' ? <ProxyPanel /> : tab === 'client' ? <ClientPanel /> : <FilePanel />}</div>
    </div>
  );
}
