// Engine failures cross the contract as a stable code (shared/api/errors.ts) plus an English detail;
// the code becomes a sentence in the reader's language, the detail stays as data beside it (the
// engine keeps English for the CLI, and a port number or path must not be "translated").
// Pure: no store, so store slices can use it too.
import { FramescopeError, type ErrorCode } from '../../../shared/api/errors';
import type { NoticeBody, NoticeText } from '../store/app-slice';
import { wordText } from './notice-text';

/**
 * A refusal of the renderer's own (a limit it applies), worded by catalog key: its text is the
 * reason shown, in the language of the moment; the English message is for logs only.
 */
export class WordedError extends Error {
  constructor(
    readonly text: NoticeText,
    readonly code: ErrorCode,
    english: string,
  ) {
    super(english);
  }
}

export interface ErrorText {
  code: ErrorCode;
  /** What kind of failure, in the UI language. */
  sentence: string;
  /** The engine's (or the browser's) own words: data, shown with translate="no". Empty when there are none. */
  detail: string;
}

/** Any thrown value's code (its own, or `fallback` for a browser API or a local parse) and its words. */
export function errorCode(err: unknown, fallback: ErrorCode = 'internal'): { code: ErrorCode; detail: string } {
  if (err instanceof WordedError) return { code: err.code, detail: '' };
  const code: ErrorCode = err instanceof FramescopeError ? err.code : fallback;
  const detail = err instanceof Error ? err.message : typeof err === 'string' ? err : String(err);
  return { code, detail: detail.trim() };
}

/**
 * Any thrown value as a translated sentence plus its original detail. An engine error carries its
 * own code; anything else (a browser API, a local parse) takes `fallback`, by default internal.
 */
export function describeError(err: unknown, fallback: ErrorCode = 'internal'): ErrorText {
  const { code, detail } = errorCode(err, fallback);
  return { code, sentence: wordText(err instanceof WordedError ? err.text : { key: `errors:code.${code}` }), detail };
}

/**
 * What an error notice keeps: what the user tried (`context`, by key), the kind of failure (by the
 * error's code, or `why` when the caller knows better), and the detail as data. Worded when shown.
 */
export function errorNotice(err: unknown, context?: NoticeText, fallback?: ErrorCode, why?: NoticeText): NoticeBody {
  const { code, detail } = errorCode(err, fallback);
  const kind: NoticeText = why ?? (err instanceof WordedError ? err.text : { key: `errors:code.${code}` });
  return { ...(context ? { text: context, more: kind } : { text: kind }), ...(detail ? { detail } : {}), code };
}
