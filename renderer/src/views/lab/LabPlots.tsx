// Plots of the run: one chart per measure, each with the notes' claim beside it and one line on
// why; then the sweeps (latency against polling interval, overhead against message size).
import type { LabTransportSummary } from '../../../../shared/api';
import { formatBytes } from '../../format';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { useStore } from '../../store';
import { SweepPlots } from './SweepPlots';
import { TRANSPORT_NAMES, fmtBytes, fmtMs, transportColor } from './transport-style';
import './lab-plots.css';

interface Metric {
  id: 'overhead' | 'efficiency' | 'latency' | 'requests' | 'bytes';
  bars: (r: LabTransportSummary) => Array<number | null>;
  format: (v: number) => string;
}

const METRICS: Metric[] = [
  {
    id: 'overhead',
    bars: (r) => [r.overheadBytesPerMessage],
    format: (v) => fmtBytes(v, 1),
  },
  {
    id: 'efficiency',
    bars: (r) => [r.payloadEfficiency === null ? null : r.payloadEfficiency * 100],
    format: (v) => i18n.t('lab:compression.percent', { n: v.toFixed(1) }),
  },
  {
    id: 'latency',
    bars: (r) => [r.latencyMs?.p50 ?? null, r.latencyMs?.p95 ?? null],
    format: fmtMs,
  },
  {
    id: 'requests',
    bars: (r) => [r.requestsPerSecond],
    format: (v) => v.toFixed(1),
  },
  {
    id: 'bytes',
    bars: (r) => [r.bytesPerSecond],
    format: (v) => formatBytes(Math.round(v)),
  },
];

export function LabPlots() {
  const { t } = useTranslation('lab');
  const summary = useStore((s) => s.labSummary);
  return (
    <div className="lab-plots" data-testid="lab-plots">
      {summary ? (
        <div className="lab-metrics">
          {METRICS.map((m) => (
            <MetricChart key={m.id} metric={m} rows={summary.rows} />
          ))}
        </div>
      ) : (
        <p className="lab-empty">{t('plots.empty')}</p>
      )}
      <SweepPlots />
    </div>
  );
}

function MetricChart({ metric, rows }: { metric: Metric; rows: LabTransportSummary[] }) {
  const { t } = useTranslation('lab');
  const max = Math.max(1e-9, ...rows.flatMap((r) => metric.bars(r).filter((v): v is number => v !== null)));
  return (
    <figure className="lab-metric" data-testid={`lab-metric-${metric.id}`}>
      <figcaption>
        <h3>{t(`plots.${metric.id}.title`)}</h3>
        <p className="claim">{t(`plots.${metric.id}.claim`)}</p>
      </figcaption>
      {rows.map((r) => (
        <div className="lab-bar-row" key={r.transport}>
          <span className="name">{TRANSPORT_NAMES[r.transport]}</span>
          <span className="bars">
            {metric.bars(r).map((v, i) => (
              <span key={i} className={i === 0 ? 'bar' : 'bar second'} style={{ width: v === null ? 0 : `max(3px, ${(v / max) * 100}%)`, background: transportColor(r.transport) }} />
            ))}
          </span>
          <span className="value">
            {metric
              .bars(r)
              .map((v) => (v === null ? '–' : metric.format(v)))
              .join(' / ')}
          </span>
        </div>
      ))}
      <p className="why">{t(`plots.${metric.id}.why`)}</p>
    </figure>
  );
}
