// The one way the renderer tells the user something happened (a notice) or went wrong (an error).
// Every notice goes through the store's notices (app-slice), shown by app/Notices.tsx.
import type { ErrorCode } from '../../../shared/api/errors';
import { useStore } from '../store';
import { errorNotice } from './error-text';

export { describeError, errorNotice, type ErrorText } from './error-text';

/** An informational notice (it dismisses itself after a few seconds). `message` is already translated. */
export function notify(message: string, level: 'info' | 'success' = 'info'): void {
  useStore.getState().pushNotice(level, message);
}

/**
 * An error notice: `context` (translated) says what the user tried, the code's sentence says what
 * kind of failure it was, and the detail is the engine's words. Errors stay until dismissed.
 */
export function notifyError(err: unknown, context?: string, fallback?: ErrorCode): void {
  const { message, ...extra } = errorNotice(err, context, fallback);
  useStore.getState().pushNotice('error', message, extra);
}
