// Shown under an editor when the app's language changed after Monaco loaded. Monaco's own menus
// (right-click menu, Find box, hovers) were translated when its modules evaluated and cannot be
// re-translated in place (monaco-messages.ts); the note says so in the new language and offers the
// reload that applies it. The capture lives in the engine and survives a reload; an unsent draft
// in the crafter does not, which the button's title says before anyone presses it.
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';

/** Reloads the page in `lng`: a `?lang=` in the address would otherwise win over the new choice. */
function reloadIn(lng: Language): void {
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang') && url.searchParams.get('lang') !== lng) {
    url.searchParams.set('lang', lng);
    window.history.replaceState(window.history.state, '', url);
  }
  window.location.reload();
}

export function MonacoLanguageNote({ language }: { language: Language }) {
  const { t } = useTranslation('components');
  return (
    <p className="payload-editor-note" data-testid="monaco-language-note" role="status">
      <span>{t('editor.menusAfterReload')}</span>
      <button type="button" className="button small" data-testid="monaco-language-reload" title={t('editor.reloadHint')} onClick={() => reloadIn(language)}>
        {t('editor.reload')}
      </button>
    </p>
  );
}
