// The seed notes' claims (and theory's, where the notes are loose) beside what the run measured:
// what would make each true, what was measured, the verdict, and — for polling delay — the waits'
// distribution against T/2 and T, so the reader sees which one the run supports.
import { useTranslation } from 'react-i18next';
import type { LabHistogram, LabSummary } from '../../../../shared/api';
import { ClaimCard } from './ClaimCard';
import { TRANSPORT_NAMES, transportColor } from './transport-style';

export function LabClaims({ summary, intervalMs }: { summary: LabSummary; intervalMs: number }) {
  return (
    <ul className="lab-claims" data-testid="lab-claims">
      {summary.rows.flatMap((r) =>
        r.claims.map((c) => (
          <ClaimCard key={`${r.transport}-${c.id}`} claim={c} who={TRANSPORT_NAMES[r.transport]} whoColor={transportColor(r.transport)} testId={`lab-claim-${r.transport}-${c.id}`}>
            {c.id === 'poll-wait-interval' && r.latencyHistogram !== null && (r.latencyMs?.n ?? 0) > 0 && <WaitHistogram histogram={r.latencyHistogram} intervalMs={intervalMs} mean={r.latencyMs!.mean} />}
          </ClaimCard>
        )),
      )}
    </ul>
  );
}

/** Bars of T/10; dashed marks at T/2 (theory) and T (the notes); a solid one at the run's mean. */
function WaitHistogram({ histogram, intervalMs, mean }: { histogram: LabHistogram; intervalMs: number; mean: number }) {
  const { t } = useTranslation('lab');
  const W = 360;
  const H = 70;
  const bins = histogram.counts.length;
  const max = Math.max(1, ...histogram.counts);
  const bw = W / bins;
  const x = (ms: number) => Math.min(W, (ms / histogram.binMs) * bw);
  return (
    <svg className="lab-wait-hist" viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-label={t('histogram.aria', { mean: Math.round(mean), t: intervalMs })}>
      {histogram.counts.map((n, i) => (
        <rect key={i} x={i * bw + 1} width={bw - 2} y={H - (n / max) * H} height={(n / max) * H} className={i === bins - 1 ? 'beyond' : ''}>
          <title>{i === bins - 1 ? t('histogram.beyond', { from: Math.round(i * histogram.binMs), n }) : t('histogram.bin', { from: Math.round(i * histogram.binMs), to: Math.round((i + 1) * histogram.binMs), n })}</title>
        </rect>
      ))}
      <line className="mark theory" x1={x(intervalMs / 2)} x2={x(intervalMs / 2)} y1={0} y2={H} />
      <line className="mark notes" x1={x(intervalMs)} x2={x(intervalMs)} y1={0} y2={H} />
      <line className="mark mean" x1={x(mean)} x2={x(mean)} y1={0} y2={H} />
      <text x={x(intervalMs / 2)} y={H + 13} textAnchor="middle">
        {t('histogram.half')}
      </text>
      <text x={x(intervalMs)} y={H + 13} textAnchor="middle">
        {t('histogram.whole')}
      </text>
      <text x={Math.max(16, Math.min(W - 16, x(mean)))} y={10} textAnchor="middle" className="mean-label">
        {t('histogram.mean')}
      </text>
    </svg>
  );
}
