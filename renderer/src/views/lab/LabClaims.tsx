// The seed notes' claims (and theory's, where the notes are loose) beside what the run measured:
// what would make each true, what was measured, the verdict, and — for polling delay — the waits'
// distribution against T/2 and T, so the reader sees which one the run supports.
import type { LabClaimCheck, LabHistogram, LabSummary, LabTransportSummary } from '../../../../shared/api';
import { TRANSPORT_NAMES, transportColor } from './transport-style';

const VERDICT = { agrees: '✓', differs: '✗', pending: '…' } as const;

export function LabClaims({ summary, intervalMs }: { summary: LabSummary; intervalMs: number }) {
  return (
    <ul className="lab-claims" data-testid="lab-claims">
      {summary.rows.flatMap((r) => r.claims.map((c) => <ClaimCard key={`${r.transport}-${c.id}`} row={r} claim={c} intervalMs={intervalMs} />))}
    </ul>
  );
}

function ClaimCard({ row, claim: c, intervalMs }: { row: LabTransportSummary; claim: LabClaimCheck; intervalMs: number }) {
  const state = c.agrees === null ? 'pending' : c.agrees ? 'agrees' : 'differs';
  const showHistogram = c.id === 'poll-wait-interval' && row.latencyHistogram !== null && (row.latencyMs?.n ?? 0) > 0;
  return (
    <li className={state} data-testid={`lab-claim-${row.transport}-${c.id}`}>
      <span className="verdict" aria-label={state === 'pending' ? 'not enough data yet' : state}>
        {VERDICT[state]}
      </span>
      <span className="who" style={{ color: transportColor(row.transport) }}>
        {TRANSPORT_NAMES[row.transport]}
        <small className="source">{c.source === 'notes' ? 'the notes' : 'theory'}</small>
      </span>
      <span className="claim">“{c.claim}”</span>
      <span className="expected">Expected: {c.expected}</span>
      <span className="measured">Measured: {c.measured}</span>
      <span className="why">{c.explanation}</span>
      {showHistogram && <WaitHistogram histogram={row.latencyHistogram!} intervalMs={intervalMs} mean={row.latencyMs!.mean} />}
    </li>
  );
}

/** Bars of T/10; dashed marks at T/2 (theory) and T (the notes); a solid one at the run's mean. */
function WaitHistogram({ histogram, intervalMs, mean }: { histogram: LabHistogram; intervalMs: number; mean: number }) {
  const W = 360;
  const H = 70;
  const bins = histogram.counts.length;
  const max = Math.max(1, ...histogram.counts);
  const bw = W / bins;
  const x = (ms: number) => Math.min(W, (ms / histogram.binMs) * bw);
  return (
    <svg className="lab-wait-hist" viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-label={`Waits for the next poll: mean ${Math.round(mean)} ms at T = ${intervalMs} ms`}>
      {histogram.counts.map((n, i) => (
        <rect key={i} x={i * bw + 1} width={bw - 2} y={H - (n / max) * H} height={(n / max) * H} className={i === bins - 1 ? 'beyond' : ''}>
          <title>{i === bins - 1 ? `beyond ${Math.round(i * histogram.binMs)} ms: ${n}` : `${Math.round(i * histogram.binMs)}–${Math.round((i + 1) * histogram.binMs)} ms: ${n}`}</title>
        </rect>
      ))}
      <line className="mark theory" x1={x(intervalMs / 2)} x2={x(intervalMs / 2)} y1={0} y2={H} />
      <line className="mark notes" x1={x(intervalMs)} x2={x(intervalMs)} y1={0} y2={H} />
      <line className="mark mean" x1={x(mean)} x2={x(mean)} y1={0} y2={H} />
      <text x={x(intervalMs / 2)} y={H + 13} textAnchor="middle">
        T/2
      </text>
      <text x={x(intervalMs)} y={H + 13} textAnchor="middle">
        T
      </text>
      <text x={Math.max(16, Math.min(W - 16, x(mean)))} y={10} textAnchor="middle" className="mean-label">
        mean
      </text>
    </svg>
  );
}
