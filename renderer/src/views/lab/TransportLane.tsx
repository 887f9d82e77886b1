// One transport's lane: open streams as a band, requests as bars from sent to answered (hollow and
// dashed when the poll came back empty), frames as ticks, and for every message a wait line from
// its generation to its delivery ending in a dot. Tooltips are text (<title>), never HTML.
import type { LabTransport } from '../../../../shared/api';
import { inWindow, labTimeline } from './lab-data';
import { xOf, type TimeWindow } from './lane-geometry';

interface Props {
  transport: LabTransport;
  w: TimeWindow;
  width: number;
  y: number;
  height: number;
  /** Marks still in flight end here: the present, not the window's right edge. */
  now: number;
}

export function TransportLane({ transport, w, width, y, height, now }: Props) {
  const marks = inWindow(labTimeline.marks.get(transport), w.from, w.to, (m) => m.start, (m) => m.end ?? now);
  const deliveries = inWindow(labTimeline.deliveries.get(transport), w.from, w.to, (d) => d.generatedAt, (d) => d.receivedAt);
  const x = (t: number) => Math.max(-10, Math.min(width + 10, xOf(w, width, t)));
  const barY = y + 12;
  const waitY = y + height - 26;
  return (
    <g className="lab-lane" data-transport={transport}>
      {marks.map((m) => {
        if (m.kind === 'frame') {
          return (
            <line key={m.id} className="frame" x1={x(m.start)} x2={x(m.start)} y1={barY - 2} y2={barY + 20}>
              <title>{m.label}</title>
            </line>
          );
        }
        const x1 = x(m.start);
        const x2 = x(m.end ?? Math.max(m.start, now));
        if (m.kind === 'stream') {
          return (
            <rect key={m.id} className="stream" x={x1} y={barY + 4} width={Math.max(2, x2 - x1)} height={10} rx={5}>
              <title>{`${m.label} — one connection, held open`}</title>
            </rect>
          );
        }
        return (
          <rect key={m.id} className={m.empty ? 'request empty' : m.end === null ? 'request waiting' : 'request'} x={x1} y={barY} width={Math.max(3, x2 - x1)} height={18} rx={3}>
            <title>{m.label}</title>
          </rect>
        );
      })}
      {deliveries.map((d) => (
        <g key={d.seq} className="delivery">
          <line className="wait" x1={x(d.generatedAt)} x2={x(d.receivedAt)} y1={waitY} y2={waitY} />
          <line className="born" x1={x(d.generatedAt)} x2={x(d.generatedAt)} y1={waitY - 6} y2={waitY + 6} />
          <circle className="delivered" cx={x(d.receivedAt)} cy={waitY} r={5}>
            <title>{`message ${d.seq}: waited ${((d.receivedAt - d.generatedAt) / 1000).toFixed(1)} ms`}</title>
          </circle>
        </g>
      ))}
    </g>
  );
}
