// The codec's crafter messages (build notes, warnings, payload and mask-key errors, documents that
// cannot be read) carry a stable code and parameters; this words them in the user's language from
// the `crafter` catalog. The English text the codec also keeps is for the CLI and its tests.
import { i18n } from '../../i18n';

export type MessageParams = Readonly<Record<string, string | number>>;

/** `section` is the catalog section: `messages` for builds and payloads, `document` for snippets. */
export function craftMessage(code: string, params: MessageParams = {}, section: 'messages' | 'document' = 'messages'): string {
  const key = `crafter:${section}.${code}`;
  // An unknown code (a newer engine) still says something rather than a bare key.
  if (!i18n.exists(key, { ...params })) return code;
  return i18n.t(key as 'crafter:messages.compressing', { ...params } as Record<string, unknown>);
}

/**
 * The engine's own words carried as `detail` (JSON.parse's message) when the sentence does not
 * already say them: shown beside it as data, untranslated.
 */
export function craftDetail(code: string, params: MessageParams = {}, section: 'messages' | 'document' = 'messages'): string | null {
  const detail = params.detail;
  if (typeof detail !== 'string' || detail === '') return null;
  const sentence = i18n.getResource(i18n.language, 'crafter', `${section}.${code}`) as unknown;
  return typeof sentence === 'string' && sentence.includes('{{detail}}') ? null : detail;
}
