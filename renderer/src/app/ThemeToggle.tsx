import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import type { ThemePreference } from '../store/app-slice';

const NEXT_THEME: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };

export function ThemeToggle() {
  const { t } = useTranslation('shell');
  const theme = useStore((s) => s.themePreference);
  const setTheme = useStore((s) => s.setThemePreference);
  return (
    <button className="button ghost" data-testid="theme-toggle" title={t('theme.hint')} onClick={() => setTheme(NEXT_THEME[theme])}>
      {t(`theme.${theme}`)}
    </button>
  );
}
