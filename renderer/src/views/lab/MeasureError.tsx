// A failed lab measurement: what kind of failure in the reader's language (by the engine's error
// code), and the engine's own words beside it as data.
import { useTranslation } from 'react-i18next';
import { describeError } from '../../actions/error-text';

export function MeasureError({ error }: { error: Error | null }) {
  // Subscribes to the language, so the sentence is worded again when it changes.
  useTranslation('errors');
  if (!error) return null;
  const { sentence, detail } = describeError(error, 'unavailable');
  return (
    <p className="lab-error" role="alert" data-testid="lab-measure-error">
      {sentence}{' '}
      {detail && <span translate="no">{detail}</span>}
    </p>
  );
}
