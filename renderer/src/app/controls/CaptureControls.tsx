// The capture panel opened from the top bar's "Capture" button: three tabs, Proxy, Built-in
// client and File (save and open captures). It is not modal, so the sidebar and timeline stay visible (and live) while it is open.
import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import type { ControlsTab } from '../../store/controls-slice';
import { ClientPanel } from './ClientPanel';
import { FilePanel } from './FilePanel';
import { ProxyPanel } from './ProxyPanel';
import './controls.css';
import './controls-form.css';

const TABS: Array<{ tab: ControlsTab; label: string }> = [
  { tab: 'proxy', label: 'Proxy' },
  { tab: 'client', label: 'Built-in client' },
  { tab: 'file', label: 'File' },
];

export function CaptureControls() {
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
      aria-label="Capture controls"
      data-testid="capture-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <div className="controls-tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.tab}
            role="tab"
            aria-selected={tab === t.tab}
            className={tab === t.tab ? 'controls-tab active' : 'controls-tab'}
            data-testid={`capture-tab-${t.tab}`}
            onClick={() => setTab(t.tab)}
          >
            {t.label}
          </button>
        ))}
        <button className="button ghost small controls-close" onClick={close} aria-label="Close the capture panel" title="Close (Esc)">
          ×
        </button>
      </div>
      <div role="tabpanel">{tab === 'proxy' ? <ProxyPanel /> : tab === 'client' ? <ClientPanel /> : <FilePanel />}</div>
    </div>
  );
}
