// English / 简体中文, switched at run time: every component that reads text with `t` re-renders,
// <html lang> follows (i18n/index.ts) and the choice is remembered for the next start.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { matchLanguage } from '../i18n/languages';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation(['shell', 'common']);
  const current = matchLanguage(i18n.resolvedLanguage ?? i18n.language) ?? 'en';
  return (
    <label className="language-switcher" title={t('language.hint')}>
      <span className="visually-hidden">{t('common:language.label')}</span>
      <select className="select" data-testid="language-switcher" value={current} onChange={(e) => void setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((lng) => (
          // Each language is named in itself, so a reader who cannot read the current one still finds theirs.
          <option key={lng} value={lng} lang={lng} translate="no">
            {t(`common:language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
