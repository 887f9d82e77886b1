// The one way the renderer tells the user something happened (a notice) or went wrong (an error).
// Every notice goes through the store's notices (app-slice), shown by app/Notices.tsx. Text is
// kept by catalog key (NoticeText) and worded when shown, so a language switch re-words it.
import type { ErrorCode } from '../../../shared/api/errors';
import { useStore } from '../store';
import type { NoticeText } from '../store/app-slice';
import { errorNotice } from './error-text';

export { describeError, errorNotice, type ErrorText } from './error-text';
export { text } from './notice-text';

/** An informational notice (it dismisses itself after a few seconds). */
export function notify(message: NoticeText, level: 'info' | 'success' = 'info'): void {
  useStore.getState().pushNotice(level, { text: message });
}

/**
 * An error notice: `context` says what the user tried, the code's sentence what kind of failure it
 * was (or `why`, when the caller knows), and the detail is the engine's words. Errors stay until dismissed.
 */
export function notifyError(err: unknown, context?: NoticeText, fallback?: ErrorCode, why?: NoticeText): void {
  useStore.getState().pushNotice('error', errorNotice(err, context, fallback, why));
}
