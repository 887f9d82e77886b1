// What long-lived connections cost the server (the notes: "服务器长期维持长连接需要一定成本"):
// memory and file descriptors per idle WebSocket, SSE stream and parked long poll, measured on the
// lab's servers with N clients in another process, beside the bytes each saves per message.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_IDLE_CLIENTS, LAB_COST_LIMITS, withinLimit, type LabTransport } from '../../../../../shared/api';
import { getClient } from '../../../api/client';
import { formatBytes } from '../../../format';
import { useStore } from '../../../store';
import { ClaimCard } from '../ClaimCard';
import { MeasureError } from '../MeasureError';
import { useMeasure } from '../use-measure';
import { transportColor } from '../transport-style';

const kib = (b: number) => (Math.abs(b) < 1024 ? `${Math.round(b)} B` : `${(b / 1024).toFixed(1)} KiB`);

export function IdleCostPanel() {
  const { t } = useTranslation('lab');
  const [clients, setClients] = useState(DEFAULT_IDLE_CLIENTS);
  const { result, busy, error, measure } = useMeasure('idle', () => getClient().labIdleCost({ clients }));
  const summary = useStore((s) => s.labSummary);
  const perMessage = (tr: LabTransport) => summary?.rows.find((r) => r.transport === tr)?.overheadBytesPerMessage ?? null;
  const { min, max } = LAB_COST_LIMITS.clients;
  return (
    <section className="lab-demo lab-idle" data-testid="lab-idle-cost">
      <h3>{t('idle.title')}</h3>
      <p className="why">{t('idle.why')}</p>
      <div className="lab-inline-form">
        <label>
          {t('idle.clients', { min, max })}
          <input type="number" min={min} max={max} step={10} value={clients} onChange={(e) => setClients(withinLimit(Number(e.target.value), LAB_COST_LIMITS.clients))} data-testid="lab-idle-clients" />
        </label>
        <button className="button primary" disabled={busy} onClick={measure} data-testid="lab-idle-measure">
          {busy ? t('idle.measuring') : t('idle.measure')}
        </button>
      </div>
      <MeasureError error={error} />
      {result && (
        <>
          <div className="lab-cost-rows" data-testid="lab-idle-rows">
            {result.rows.map((r) => (
              <div key={r.transport} className="lab-cost-row" data-testid={`lab-idle-${r.transport}`}>
                <span className="who" style={{ color: transportColor(r.transport) }}>
                  {t(`transports.${r.transport}`)}
                </span>
                <span>{t('idle.held', { held: r.held, clients: r.clients })}</span>
                <span>{r.fdsPerConnection === null ? t('idle.fdUnknown') : t('idle.fds', { fds: r.fdsPerConnection.toFixed(2) })}</span>
                <span>{t('idle.heap', { heap: kib(r.heapBytesPerConnection), spread: kib(r.heapSpreadBytes / 2) })}</span>
                <span>{t('idle.external', { external: kib(r.externalBytesPerConnection) })}</span>
                <span className="faint">{t('idle.rss', { rss: kib(r.rssBytesPerConnection) })}</span>
                <span className="saves">{perMessage(r.transport) === null ? t('idle.savesUnknown') : t('idle.saves', { bytes: formatBytes(Math.round(perMessage(r.transport)!)) })}</span>
              </div>
            ))}
          </div>
          <p className="why">{t(result.gcForced ? 'idle.methodGc' : 'idle.method', { clients: result.clients, repeats: result.rows[0]?.repeats ?? 1 })}</p>
          <ul className="lab-claims">
            <ClaimCard claim={result.claim} who={t('idle.server')} testId="lab-claim-server-cost-per-connection" />
          </ul>
        </>
      )}
    </section>
  );
}
