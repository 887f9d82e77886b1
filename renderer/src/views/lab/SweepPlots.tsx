// The sweeps: short headless runs in the engine (Node clients, a throwaway capture proxy), plotted as latency
// against polling interval and overhead per message against message size.
import { LAB_TRANSPORTS, type LabSweepResult } from '../../../../shared/api';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import type { SweepKind } from '../../store/lab-slice';
import { LineChart, type Series } from './LineChart';
import { TRANSPORT_NAMES, transportColor } from './transport-style';

function series(result: LabSweepResult, y: (p: LabSweepResult['points'][number]) => number | null): Series[] {
  return LAB_TRANSPORTS.map((t) => ({
    name: TRANSPORT_NAMES[t],
    color: transportColor(t),
    points: result.points.filter((p) => p.transport === t).flatMap((p) => {
      const v = y(p);
      return v === null ? [] : [{ x: p.x, y: v }];
    }),
  }));
}

const size = (x: number) => (x >= 1024 ? `${x / 1024} KiB` : `${x} B`);

export function SweepPlots() {
  const { t } = useTranslation('lab');
  const sweeps = useStore((s) => s.labSweeps);
  return (
    <div className="lab-sweeps">
      <SweepCard
        kind="interval"
        title={t('sweeps.interval.title')}
        why={t('sweeps.interval.why')}
      >
        {sweeps.interval && (
          <LineChart
            testId="lab-sweep-interval"
            legend
            series={series(sweeps.interval, (p) => p.latencyMs?.p50 ?? null)}
            references={[{ label: t('sweeps.interval.half'), y: (x) => x / 2 }]}
            xLabel={t('sweeps.interval.x')}
            yLabel={t('sweeps.interval.y')}
            xFormat={(x) => `${x}`}
            yFormat={(y) => `${Math.round(y)}`}
          />
        )}
      </SweepCard>
      <SweepCard
        kind="size"
        title={t('sweeps.size.title')}
        why={t('sweeps.size.why')}
      >
        {sweeps.size && (
          <LineChart
            testId="lab-sweep-size"
            legend
            series={series(sweeps.size, (p) => p.overheadBytesPerMessage)}
            xLog
            yLog
            xLabel={t('sweeps.size.x')}
            yLabel={t('sweeps.size.y')}
            xFormat={size}
            yFormat={(y) => `${y}`}
          />
        )}
      </SweepCard>
    </div>
  );
}

function SweepCard({ kind, title, why, children }: { kind: SweepKind; title: string; why: string; children: React.ReactNode }) {
  const { t } = useTranslation('lab');
  const progress = useStore((s) => s.labSweepProgress[kind]);
  const run = useStore((s) => s.runLabSweep);
  const anyRunning = useStore((s) => Object.values(s.labSweepProgress).some(Boolean));
  return (
    <figure className="lab-sweep">
      <figcaption>
        <h3>{title}</h3>
        <button className="button" data-testid={`lab-sweep-run-${kind}`} disabled={anyRunning} onClick={() => void run(kind)}>
          {progress ? t('sweeps.running', { done: progress.done, total: progress.total }) : t('sweeps.run')}
        </button>
      </figcaption>
      {children ?? <p className="lab-empty small">{t('sweeps.empty')}</p>}
      <p className="why">{why}</p>
    </figure>
  );
}
