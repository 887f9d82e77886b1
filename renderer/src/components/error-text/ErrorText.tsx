// A failure shown beside what failed: what the user tried (`context`, a catalog key), the kind of
// failure in the reader's language (by the error's code, errors:code.*), and the engine's (or the
// browser's) own words as data. Worded at render time, so a language switch re-words it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/api/errors';
import { describeError } from '../../actions/error-text';

export interface ErrorTextProps {
  error: unknown;
  /** What was being done, already worded by the caller with its own `t` (re-rendered on a switch). */
  context?: string;
  /** The code for a failure that is not the engine's own (a browser API, a local parse). */
  fallback?: ErrorCode;
  className: string;
  testId?: string;
}

export function ErrorText({ error, context, fallback, className, testId }: ErrorTextProps): ReactNode {
  const { t } = useTranslation('errors');
  const { code, sentence: why, detail } = describeError(error, fallback);
  return (
    <p className={className} role="alert" data-testid={testId} data-code={code}>
      {context ? t('withContext', { what: context, why }) : why}
      {detail && (
        <span className="error-detail" translate="no">
          {` ${detail}`}
        </span>
      )}
    </p>
  );
}
