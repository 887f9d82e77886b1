import { useTranslation } from 'react-i18next';
import { clearCapture, setCapturePaused } from '../actions/capture';
import { notify, notifyError, text } from '../actions/notify';
import { CaptureControls } from './controls/CaptureControls';
import { useStore } from '../store';
import type { ViewName } from '../store/app-slice';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SidebarToggle } from './SidebarToggle';
import { ThemeToggle } from './ThemeToggle';

/** The view tabs, in order. A new view adds its name here and its label under `shell:views.<name>`. */
const VIEWS: readonly ViewName[] = ['inspector', 'timeline', 'lab', 'crafter', 'lessons', 'glossary'];

const APP_NAME = 'Framescope';
// Symbols, not words: the same in every language.
const BRAND_MARK = '⇄';
const MENU_MARK = '▾';

export function TopBar() {
  const { t } = useTranslation(['shell', 'errors']);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const paused = useStore((s) => s.stats.paused);
  const proxies = useStore((s) => s.proxies.length);
  const controlsOpen = useStore((s) => s.controlsOpen);
  const openControls = useStore((s) => s.openControls);
  const closeControls = useStore((s) => s.closeControls);

  const pause = () =>
    void setCapturePaused(!paused).catch((err: unknown) => notifyError(err, text(paused ? 'errors:context.resume' : 'errors:context.pause')));
  const clear = () =>
    void clearCapture().then(
      () => notify(text('shell:capture.cleared'), 'success'),
      (err: unknown) => notifyError(err, text('errors:context.clear')),
    );

  return (
    <header className="topbar">
      <SidebarToggle />
      <div className="brand" title={t('brand.home')} translate="no">
        <span className="brand-mark" aria-hidden="true">
          {BRAND_MARK}
        </span>
        <span className="brand-name">{APP_NAME}</span>
      </div>
      <nav className="view-tabs" role="tablist" aria-label={t('views.label')}>
        {VIEWS.map((name) => (
          <button
            key={name}
            role="tab"
            data-view={name}
            aria-selected={view === name}
            className={view === name ? 'tab active' : 'tab'}
            title={t(`views.${name}.hint`)}
            onClick={() => setView(name)}
          >
            {t(`views.${name}.label`)}
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
            title={t('capture.hint')}
            onClick={() => (controlsOpen ? closeControls() : openControls())}
          >
            <span className={proxies > 0 ? 'dot on' : 'dot'} aria-hidden="true" />
            {proxies > 0 ? t('capture.proxies', { count: proxies }) : t('capture.button')}
            <span aria-hidden="true">{MENU_MARK}</span>
          </button>
          <CaptureControls />
        </div>
        <button className="button ghost" data-testid="pause-toggle" title={paused ? t('capture.resumeHint') : t('capture.pauseHint')} onClick={pause}>
          {paused ? t('capture.resume') : t('capture.pause')}
        </button>
        <button className="button ghost" data-testid="clear-capture" title={t('capture.clearHint')} onClick={clear}>
          {t('capture.clear')}
        </button>
        <ThemeToggle />
        <LanguageSwitcher />
      </div>
    </header>
  );
}
