// Words a notice in the language shown now. Notices keep catalog keys and parameters, never
// sentences (store/app-slice.ts NoticeText), so switching language re-words the ones on screen.
// Pure: i18n only, no store.
import { i18n } from '../i18n';
import type { Notice, NoticeText } from '../store/app-slice';

/** Text by its catalog key ("ns:key") and parameters, to be worded when shown. */
export function text(key: string, params?: NoticeText['params']): NoticeText {
  return params ? { key, params } : { key };
}

export function wordText(t: NoticeText): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(t.params ?? {})) params[name] = typeof value === 'object' ? wordText(value) : value;
  // An unknown key (a newer engine's code) still says something rather than nothing.
  if (!i18n.exists(t.key, params)) return t.key;
  return i18n.t(t.key as 'errors:withContext', params as { what: string; why: string });
}

/** The notice's sentence(s) in the current language (its detail is shown beside, as data). */
export function wordNotice(n: Pick<Notice, 'text' | 'more'>): string {
  const what = wordText(n.text);
  // Sentences join as each language joins them (English puts a space after a full stop, Chinese does not).
  return n.more ? i18n.t('errors:withContext', { what, why: wordText(n.more) }) : what;
}
