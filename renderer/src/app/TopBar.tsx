import { clearCapture, setCapturePaused } from '../actions/capture';
import { CaptureControls } from './controls/CaptureControls';
import { useStore } from '../store';
import type { ThemePreference, ViewName } from '../store/app-slice';

const VIEWS: Array<{ name: ViewName; label: string; hint: string }> = [
  { name: 'inspector', label: 'Inspector', hint: 'Frames, anatomy, payloads and the handshake' },
  { name: 'timeline', label: 'Timeline', hint: 'Who sent what, when: a sequence diagram' },
  { name: 'lab', label: 'Lab', hint: 'Polling, long polling, SSE and WebSocket side by side' },
  { name: 'crafter', label: 'Crafter', hint: 'Compose any frame and send it into a live connection' },
  { name: 'glossary', label: 'Glossary', hint: 'Every protocol term, in English and Chinese, with its RFC section' },
];

const NEXT_THEME: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Record<ThemePreference, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

export function TopBar() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const theme = useStore((s) => s.themePreference);
  const setTheme = useStore((s) => s.setThemePreference);
  const paused = useStore((s) => s.stats.paused);
  const proxies = useStore((s) => s.proxies.length);
  const controlsOpen = useStore((s) => s.controlsOpen);
  const openControls = useStore((s) => s.openControls);
  const closeControls = useStore((s) => s.closeControls);

  return (
    <header className="topbar">
      <div className="brand" aria-label="Framescope">
        <span className="brand-mark" aria-hidden="true">
          ⇄
        </span>
        Framescope
      </div>
      <nav className="view-tabs" role="tablist" aria-label="Views">
        {VIEWS.map((v) => (
          <button
            key={v.name}
            role="tab"
            aria-selected={view === v.name}
            className={view === v.name ? 'tab active' : 'tab'}
            title={v.hint}
            onClick={() => setView(v.name)}
          >
            {v.label}
          </button>
        ))}
      </nav>
      <div className="topbar-actions">
        <div className="capture-anchor">
          <button
            className={controlsOpen ? 'button capture-button active' : 'button capture-button'}
            data-testid="capture-button"
            aria-expanded={controlsOpen}
            aria-haspopup="dialog"
            title="Start a proxy or connect the built-in client"
            onClick={() => (controlsOpen ? closeControls() : openControls())}
          >
            <span className={proxies > 0 ? 'dot on' : 'dot'} aria-hidden="true" />
            Capture{proxies > 0 ? ` · ${proxies} ${proxies === 1 ? 'proxy' : 'proxies'}` : ''} ▾
          </button>
          <CaptureControls />
        </div>
        <button
          className="button ghost"
          title={paused ? 'Resume recording frames' : 'Stop recording frames (traffic still flows)'}
          onClick={() => void setCapturePaused(!paused)}
        >
          {paused ? 'Resume capture' : 'Pause capture'}
        </button>
        <button className="button ghost" title="Forget every captured connection and frame" onClick={() => void clearCapture()}>
          Clear
        </button>
        <button className="button ghost" data-testid="theme-toggle" title="Switch between system, light and dark" onClick={() => setTheme(NEXT_THEME[theme])}>
          {THEME_LABEL[theme]}
        </button>
      </div>
    </header>
  );
}
