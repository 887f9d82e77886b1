// Engine failures cross the contract as a stable code (shared/api/errors.ts) plus an English detail;
// the code becomes a sentence in the reader's language, the detail stays as data beside it (the
// engine keeps English for the CLI, and a port number or path must not be "translated").
// Pure: no store, so store slices can use it too.
import { FramescopeError, type ErrorCode } from '../../../shared/api/errors';
import { i18n } from '../i18n';

export interface ErrorText {
  code: ErrorCode;
  /** What kind of failure, in the UI language. */
  sentence: string;
  /** The engine's (or the browser's) own words: data, shown with translate="no". Empty when there are none. */
  detail: string;
}

/**
 * Any thrown value as a translated sentence plus its original detail. An engine error carries its
 * own code; anything else (a browser API, a local parse) takes `fallback`, by default internal.
 */
export function describeError(err: unknown, fallback: ErrorCode = 'internal'): ErrorText {
  const code: ErrorCode = err instanceof FramescopeError ? err.code : fallback;
  const detail = err instanceof Error ? err.message : typeof err === 'string' ? err : String(err);
  return { code, sentence: i18n.t(`errors:code.${code}`), detail: detail.trim() };
}

export interface ErrorNotice {
  message: string;
  detail?: string;
  code: ErrorCode;
}

/** What an error notice shows: what the user tried (`context`, translated), the kind of failure, and the detail. */
export function errorNotice(err: unknown, context?: string, fallback?: ErrorCode): ErrorNotice {
  const { code, sentence, detail } = describeError(err, fallback);
  // Sentences join as each language joins them (English puts a space after a full stop, Chinese does not).
  const message = context ? i18n.t('errors:withContext', { what: context, why: sentence }) : sentence;
  return { message, detail: detail || undefined, code };
}
