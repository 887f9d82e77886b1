import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { sidebarShown } from '../store/layout-slice';

/** The shortcut as the platform writes it. */
const SHORTCUT = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘B' : 'Ctrl+B';

export function SidebarToggle() {
  const { t } = useTranslation('shell');
  const shown = useStore(sidebarShown);
  const toggle = useStore((s) => s.toggleSidebar);
  const label = shown ? t('sidebar.hide') : t('sidebar.show');
  return (
    <button
      className="button ghost icon sidebar-toggle"
      data-testid="sidebar-toggle"
      aria-label={label}
      aria-expanded={shown}
      aria-controls="connections-sidebar"
      aria-keyshortcuts="Control+B Meta+B"
      title={t('sidebar.shortcut', { label, keys: SHORTCUT })}
      onClick={toggle}
    >
      <span aria-hidden="true" className="sidebar-toggle-icon" />
    </button>
  );
}
