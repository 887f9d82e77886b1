// A text/event-stream body split into its events the way EventSource reads it (shared/text/
// sse-events.ts, HTML §9.2.6): type, last event ID, retry and data per event; comment lines
// (keep-alives) counted; an event still arriving shown apart. Field values are peer data (translate="no").
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeUtf8 } from '../../../../../shared/protocol/utf8';
import { parseEventStream } from '../../../../../shared/text/sse-events';

/** Rows drawn at most; the rest are counted (a stream can hold millions of events). */
const MAX_ROWS = 500;

export function SseEvents({ bytes }: { bytes: Uint8Array }) {
  const { t } = useTranslation('http');
  const parsed = useMemo(() => parseEventStream(decodeUtf8(bytes)), [bytes]);
  const shown = parsed.events.slice(0, MAX_ROWS);
  return (
    <div className="sse-events" data-testid="sse-events">
      <p className="muted note">
        {t('sse.count', { count: parsed.events.length })}
        {parsed.comments > 0 && <> · {t('sse.comments', { count: parsed.comments })}</>}
      </p>
      {parsed.events.length === 0 ? (
        <p className="muted note">{t('sse.none')}</p>
      ) : (
        <table className="field-list sse-table">
          <thead>
            <tr>
              <th>{t('sse.colIndex')}</th>
              <th>{t('sse.colType')}</th>
              <th>{t('sse.colId')}</th>
              <th>{t('sse.colData')}</th>
            </tr>
          </thead>
          <tbody translate="no">
            {shown.map((e, i) => (
              <tr key={i} data-testid="sse-event">
                <td className="mono">{i + 1}</td>
                <td className="mono">{e.type}</td>
                <td className="mono">
                  {e.lastEventId}
                  {e.retry !== null && <span className="muted">{` (retry: ${e.retry})`}</span>}
                </td>
                <td>
                  <pre className="sse-data">{e.data}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {parsed.events.length > shown.length && <p className="muted note">{t('sse.more', { count: parsed.events.length - shown.length })}</p>}
      {parsed.pending.length > 0 && (
        <p className="muted note" data-testid="sse-pending">
          {t('sse.pending')}{' '}
          <span className="mono" translate="no">
            {parsed.pending.map((f) => `${f.name}: ${f.value}`).join(' | ')}
          </span>
        </p>
      )}
    </div>
  );
}
