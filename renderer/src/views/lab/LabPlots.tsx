// Plots of the run: one chart per measure, each with the notes' claim beside it and one line on
// why; then the sweeps (latency against polling interval, overhead against message size).
import type { LabTransportSummary } from '../../../../shared/api';
import { formatBytes } from '../../format';
import { useStore } from '../../store';
import { SweepPlots } from './SweepPlots';
import { TRANSPORT_NAMES, fmtBytes, fmtMs, transportColor } from './transport-style';
import './lab-plots.css';

interface Metric {
  id: string;
  title: string;
  claim: string;
  why: string;
  bars: (r: LabTransportSummary) => Array<number | null>;
  format: (v: number) => string;
}

const METRICS: Metric[] = [
  {
    id: 'overhead',
    title: 'Overhead bytes per message',
    claim: 'Notes: a WebSocket frame adds 2–14 B; SSE about 5 B; an HTTP/1.x request 500–800 B of headers plus cookies; HTTP/2 can bring headers to about 8 B.',
    why: 'Polling pays a full header block per request, even when the answer is empty; a pushed message pays only its framing.',
    bars: (r) => [r.overheadBytesPerMessage],
    format: (v) => fmtBytes(v, 1),
  },
  {
    id: 'efficiency',
    title: 'Payload share of the wire',
    claim: 'The less that travels besides the message, the closer to 100 %.',
    why: 'Message bytes divided by every byte both ways, setup included.',
    bars: (r) => [r.payloadEfficiency === null ? null : r.payloadEfficiency * 100],
    format: (v) => `${v.toFixed(1)} %`,
  },
  {
    id: 'latency',
    title: 'Delivery latency, p50 and p95',
    claim: 'Notes: for polling the queuing delay is the polling interval; WebSocket and SSE deliver as soon as a message exists.',
    why: 'A polled message waits on the server for the next request; a pushed one is written the moment it exists.',
    bars: (r) => [r.latencyMs?.p50 ?? null, r.latencyMs?.p95 ?? null],
    format: fmtMs,
  },
  {
    id: 'requests',
    title: 'Requests per second',
    claim: 'Notes: long polling needs a new request after every message.',
    why: 'Short polling asks on a timer; long polling asks again after each answer; SSE and WebSocket asked once.',
    bars: (r) => [r.requestsPerSecond],
    format: (v) => v.toFixed(1),
  },
  {
    id: 'bytes',
    title: 'Bytes per second on the wire',
    claim: 'The cost of keeping a client current, both directions together.',
    why: 'Headers × requests dominate polling; payload dominates the streams.',
    bars: (r) => [r.bytesPerSecond],
    format: (v) => formatBytes(Math.round(v)),
  },
];

export function LabPlots() {
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
        <p className="lab-empty">Start the lab to plot this run. The sweeps below run on their own, headless in the engine.</p>
      )}
      <SweepPlots />
    </div>
  );
}

function MetricChart({ metric, rows }: { metric: Metric; rows: LabTransportSummary[] }) {
  const max = Math.max(1e-9, ...rows.flatMap((r) => metric.bars(r).filter((v): v is number => v !== null)));
  return (
    <figure className="lab-metric" data-testid={`lab-metric-${metric.id}`}>
      <figcaption>
        <h3>{metric.title}</h3>
        <p className="claim">{metric.claim}</p>
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
      <p className="why">{metric.why}</p>
    </figure>
  );
}
