// Which language the UI starts in and how the choice is remembered. Order of precedence:
// `?lang=` in the address, the choice the user made before (localStorage), the default the host
// was started with (`framescope serve --lang`, as <meta name="framescope-lang">), then the system's
// `navigator.languages`. Anything unsupported falls back to English.

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'framescope.lang';

/** Maps a BCP 47 tag to a supported language: any `zh` (zh, zh-CN, zh-Hans, zh-SG…) is Simplified Chinese. */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase();
  if (lower === '') return undefined;
  // Traditional Chinese is not Simplified; leave it to the next source rather than guess.
  if (lower === 'zh-tw' || lower === 'zh-hk' || lower === 'zh-mo' || lower.startsWith('zh-hant')) return undefined;
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

export interface LanguageSources {
  query?: string | null;
  stored?: string | null;
  hostDefault?: string | null;
  system?: readonly string[];
}

export function pickLanguage(sources: LanguageSources): Language {
  return (
    matchLanguage(sources.query) ??
    matchLanguage(sources.stored) ??
    matchLanguage(sources.hostDefault) ??
    (sources.system ?? []).map(matchLanguage).find((l) => l !== undefined) ??
    'en'
  );
}
