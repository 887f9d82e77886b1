// The UI language browser mode starts in (`framescope serve --lang zh-CN`). The page learns it from
// <meta name="framescope-lang">, which the renderer reads after `?lang=` and the user's stored
// choice and before the browser's languages (renderer/src/i18n/languages.ts). A <meta name> is not
// an http-equiv: it adds nothing the Content-Security-Policy would have to allow.
/** The languages the renderer has catalogs for (renderer/src/i18n/languages.ts LANGUAGES). */
export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** `en` or `zh-CN` in any letter case; null for anything else. */
export function uiLanguage(value: string): UiLanguage | null {
  return UI_LANGUAGES.find((l) => l.toLowerCase() === value.trim().toLowerCase()) ?? null;
}

/** The page with the host's default language: a <meta> right after <head>, and <html lang> to match. */
export function withUiLanguage(html: Buffer, lang: UiLanguage): Buffer {
  const text = html.toString('utf8');
  const meta = `<meta name="framescope-lang" content="${lang}" />`;
  const withMeta = /<head[^>]*>/i.test(text) ? text.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`) : `${meta}\n${text}`;
  return Buffer.from(withMeta.replace(/<html([^>]*?)\slang="[^"]*"/i, `<html$1 lang="${lang}"`), 'utf8');
}
