// A failed lab measurement: the kind of failure in the reader's language (by the engine's error
// code), and the engine's own words beside it as data.
import { ErrorText } from '../../components/error-text/ErrorText';

export function MeasureError({ error }: { error: Error | null }) {
  return error ? <ErrorText error={error} fallback="unavailable" className="lab-error" testId="lab-measure-error" /> : null;
}
