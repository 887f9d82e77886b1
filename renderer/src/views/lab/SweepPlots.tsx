// The sweeps: short headless runs in the engine (Node clients, a throwaway capture proxy), plotted as latency
// against polling interval and overhead per message against message size.
import { LAB_TRANSPORTS, type LabSweepResult } from '../../../../shared/api';
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
  const sweeps = useStore((s) => s.labSweeps);
  return (
    <div className="lab-sweeps">
      <SweepCard
        kind="interval"
        title="Latency against the polling interval"
        why="Polling latency climbs with the interval (a message waits half of it on average, all of it at worst); the pushed transports stay flat near zero."
      >
        {sweeps.interval && (
          <LineChart
            testId="lab-sweep-interval"
            legend
            series={series(sweeps.interval, (p) => p.latencyMs?.p50 ?? null)}
            references={[{ label: 'half the interval', y: (x) => x / 2 }]}
            xLabel="polling interval (ms)"
            yLabel="median latency (ms)"
            xFormat={(x) => `${x}`}
            yFormat={(y) => `${Math.round(y)}`}
          />
        )}
      </SweepCard>
      <SweepCard
        kind="size"
        title="Overhead per message against message size"
        why="Headers cost the same whatever the message size; a WebSocket frame header grows from 2 to 4 bytes past 125 B and to 10 past 64 KiB (RFC 6455 §5.2)."
      >
        {sweeps.size && (
          <LineChart
            testId="lab-sweep-size"
            legend
            series={series(sweeps.size, (p) => p.overheadBytesPerMessage)}
            xLog
            yLog
            xLabel="message size (log scale)"
            yLabel="overhead bytes per message (log)"
            xFormat={size}
            yFormat={(y) => `${y}`}
          />
        )}
      </SweepCard>
    </div>
  );
}

function SweepCard({ kind, title, why, children }: { kind: SweepKind; title: string; why: string; children: React.ReactNode }) {
  const progress = useStore((s) => s.labSweepProgress[kind]);
  const run = useStore((s) => s.runLabSweep);
  const anyRunning = useStore((s) => Object.values(s.labSweepProgress).some(Boolean));
  return (
    <figure className="lab-sweep">
      <figcaption>
        <h3>{title}</h3>
        <button className="button" data-testid={`lab-sweep-run-${kind}`} disabled={anyRunning} onClick={() => void run(kind)}>
          {progress ? `Running ${progress.done}/${progress.total}…` : 'Run sweep (about 15 s)'}
        </button>
      </figcaption>
      {children ?? <p className="lab-empty small">Runs a few short lab runs headless in the engine (Node clients) and plots them here.</p>}
      <p className="why">{why}</p>
    </figure>
  );
}
