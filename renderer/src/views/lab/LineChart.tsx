// A small SVG line chart for the sweeps: linear or log axes, one series per transport, optional
// dashed reference lines ("half the interval"). Labels are text nodes.
import { i18n } from '../../i18n';
export interface Series {
  name: string;
  color: string;
  points: Array<{ x: number; y: number }>;
}

export interface Reference {
  label: string;
  y: (x: number) => number;
}

interface Props {
  series: Series[];
  references?: Reference[];
  xLog?: boolean;
  yLog?: boolean;
  xLabel: string;
  yLabel: string;
  xFormat: (x: number) => string;
  yFormat: (y: number) => string;
  testId: string;
  /** Where to label the x axis; by default at every x of the data (sweeps have few). */
  xTicks?: number[];
  legend?: boolean;
}

/** A 1-2-5 step giving about `count` ticks from 0 to at least max. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = 0; v < max + step - 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

const W = 520;
const H = 300;
const PAD = { left: 64, right: 30, top: 14, bottom: 46 };

function labelX(ticks: number[]): number {
  return ticks[0]! + ((ticks[ticks.length - 1]! - ticks[0]!) * 2) / 3;
}

export function LineChart({ series, references = [], xLog, yLog, xLabel, yLabel, xFormat, yFormat, testId, xTicks: xTickAt, legend }: Props) {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => y > 0 || !yLog);
  if (xs.length === 0) return null;
  const t = (v: number, log?: boolean) => (log ? Math.log10(Math.max(v, 1e-3)) : v);
  const domain = xTickAt ? [...xs, ...xTickAt] : xs;
  const [x0, x1] = [t(Math.min(...domain), xLog), t(Math.max(...domain), xLog)];
  const refYs = references.flatMap((r) => [r.y(Math.min(...xs)), r.y(Math.max(...xs))]);
  const yMax = Math.max(...ys, ...refYs);
  const [y0, y1] = [yLog ? t(Math.max(0.5, Math.min(...ys)), true) : 0, yLog ? t(yMax * 1.08, true) : Math.max(...niceTicks(yMax * 1.05))];
  const px = (x: number) => PAD.left + ((t(x, xLog) - x0) / Math.max(1e-9, x1 - x0)) * (W - PAD.left - PAD.right);
  const py = (y: number) => H - PAD.bottom - ((t(y, yLog) - y0) / Math.max(1e-9, y1 - y0)) * (H - PAD.top - PAD.bottom);
  const xTicks = xTickAt ?? [...new Set(xs)].sort((a, b) => a - b);
  const yTicks = yLog ? [1, 10, 100, 1000, 10000].filter((v) => t(v, true) >= y0 && t(v, true) <= y1) : niceTicks(yMax * 1.05);
  const chart = (
    <svg className="lab-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={i18n.t('lab:sweeps.against', { y: yLabel, x: xLabel })} data-testid={testId}>
      {yTicks.map((v) => (
        <g key={v}>
          <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={py(v)} y2={py(v)} />
          <text className="axis" x={PAD.left - 6} y={py(v) + 4} textAnchor="end">
            {yFormat(v)}
          </text>
        </g>
      ))}
      {xTicks.map((v) => (
        <text key={v} className="axis" x={px(v)} y={H - PAD.bottom + 18} textAnchor="middle">
          {xFormat(v)}
        </text>
      ))}
      <text className="axis-title" x={(PAD.left + W - PAD.right) / 2} y={H - 6} textAnchor="middle">
        {xLabel}
      </text>
      <text className="axis-title" transform={`translate(14 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)`} textAnchor="middle">
        {yLabel}
      </text>
      {references.map((r) => (
        <g key={r.label} className="reference">
          <polyline points={xTicks.map((x) => `${px(x)},${py(r.y(x))}`).join(' ')} />
          {/* Under the line, two thirds along: clear of the data's end points. */}
          <text x={px(labelX(xTicks))} y={py(r.y(labelX(xTicks))) + 16} textAnchor="start">
            {r.label}
          </text>
        </g>
      ))}
      {series.map((s) => (
        <g key={s.name} style={{ color: s.color }}>
          <polyline className="series" points={s.points.map((p) => `${px(p.x)},${py(p.y)}`).join(' ')} />
          {s.points.map((p) => (
            <circle key={p.x} className="point" cx={px(p.x)} cy={py(p.y)} r={4}>
              <title>{i18n.t('lab:sweeps.point', { name: s.name, y: yFormat(p.y), x: xFormat(p.x) })}</title>
            </circle>
          ))}
        </g>
      ))}
    </svg>
  );
  if (!legend) return chart;
  return (
    <div>
      {chart}
      <div className="lab-chart-legend">
        {series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.color }} />
            {s.name}
          </span>
        ))}
        {references.map((r) => (
          <span key={r.label}>
            <i className="dashed" />
            {r.label}
          </span>
        ))}
      </div>
    </div>
  );
}
