// Many requests over one connection (the notes: "websocket允许在一条ws连接上同时并发多个请求"):
// N requests in flight as HTTP/1.1 requests behind a browser's six connections per host, against N
// messages with ids over one WebSocket; the time each waited for a connection is the queue.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CONCURRENCY, LAB_COST_LIMITS, withinLimit } from '../../../../../shared/api';
import { getClient } from '../../../api/client';
import { formatBytes } from '../../../format';
import { ClaimCard } from '../ClaimCard';
import { MeasureError } from '../MeasureError';
import { useMeasure } from '../use-measure';


export function ConcurrencyPanel() {
  const { t } = useTranslation('lab');
  const [requests, setRequests] = useState<number>(DEFAULT_CONCURRENCY.requests);
  const [workMs, setWorkMs] = useState<number>(DEFAULT_CONCURRENCY.workMs);
  const { result, busy, error, measure } = useMeasure('concurrency', () => getClient().labConcurrency({ requests, workMs }));
  const longest = Math.max(1, ...(result?.rows.map((r) => r.totalMs) ?? []));
  return (
    <section className="lab-demo lab-concurrency" data-testid="lab-concurrency">
      <h3>{t('concurrency.title')}</h3>
      <p className="why">{t('concurrency.why')}</p>
      <div className="lab-inline-form">
        <label>
          {t('concurrency.requests')}
          <input type="number" min={LAB_COST_LIMITS.requests.min} max={LAB_COST_LIMITS.requests.max} value={requests} onChange={(e) => setRequests(withinLimit(Number(e.target.value), LAB_COST_LIMITS.requests))} data-testid="lab-concurrency-requests" />
        </label>
        <label>
          {t('concurrency.work')}
          <input type="number" min={LAB_COST_LIMITS.workMs.min} max={LAB_COST_LIMITS.workMs.max} value={workMs} onChange={(e) => setWorkMs(withinLimit(Number(e.target.value), LAB_COST_LIMITS.workMs))} data-testid="lab-concurrency-work" />
        </label>
        <button className="button primary" disabled={busy} onClick={measure} data-testid="lab-concurrency-measure">
          {busy ? t('concurrency.measuring') : t('concurrency.measure')}
        </button>
      </div>
      <MeasureError error={error} />
      {result && (
        <>
          <div className="lab-cost-rows" data-testid="lab-concurrency-rows">
            {result.rows.map((r) => (
              <div key={r.transport} className="lab-cost-row" data-testid={`lab-concurrency-${r.transport}`}>
                <span className="who">{t(`concurrency.row.${r.transport}`, { max: result.maxConnections })}</span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${(r.totalMs / longest) * 100}%` }} className={r.transport} />
                </span>
                <span>{t('concurrency.total', { ms: Math.round(r.totalMs), requests: r.requests })}</span>
                <span>{t('concurrency.connections', { count: r.connections })}</span>
                <span>{t('concurrency.queue', { mean: Math.round(r.queueMs.mean), max: Math.round(r.queueMs.max) })}</span>
                <span>{t('concurrency.response', { mean: Math.round(r.responseMs.mean) })}</span>
                <span className="faint">{formatBytes(r.bytes)}</span>
              </div>
            ))}
          </div>
          <ul className="lab-claims">
            <ClaimCard claim={result.claim} who={t('concurrency.who')} testId="lab-claim-one-connection-concurrency" />
          </ul>
        </>
      )}
    </section>
  );
}
