// The renderer's one i18n instance (i18next + react-i18next). Components read text with
// `useTranslation('<namespace>')`; code outside React uses `i18n.t`. Switching language at run time
// re-renders every component that used `t`, and `document.documentElement.lang` follows (so the
// browser picks CJK fonts and line breaking for zh-CN).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, LANGUAGE_STORAGE_KEY, matchLanguage, pickLanguage, type Language } from './languages';
import { NAMESPACES, resources } from './resources';

export { LANGUAGES, type Language } from './languages';

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage can be disabled; the choice then lasts for the session only
  }
}

function initialLanguage(): Language {
  if (typeof window === 'undefined') return 'en';
  const query = new URLSearchParams(window.location.search).get('lang');
  const hostDefault = document.querySelector('meta[name="framescope-lang"]')?.getAttribute('content');
  return pickLanguage({ query, stored: readStored(), hostDefault, system: navigator.languages ?? [navigator.language] });
}

export function initI18n(lng: Language = initialLanguage()): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: NAMESPACES,
      defaultNS: 'common',
      // React escapes text itself; i18next must not escape a second time (and never renders HTML).
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    i18n.on('languageChanged', (l) => {
      if (typeof document !== 'undefined') document.documentElement.lang = l;
    });
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  }
  return i18n;
}

/** Switch language now and remember the choice for the next start. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    /* not remembered; still switched */
  }
  await i18n.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return matchLanguage(i18n.language) ?? 'en';
}

export { i18n };
