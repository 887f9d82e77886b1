// One arrow of the sequence diagram: its sender's dot (--dir-*), a line in its opcode's colour
// (--op-*), a shape on the proxy lane that tells control frames apart, and a label when there is
// room. Payload text is rendered as SVG text nodes only, never as markup.
import { memo } from 'react';
import { formatDurationUs } from '../../format';
import { i18n } from '../../i18n';
import { fitText, type MarkerKind, type TimelineArrow } from './arrow-model';
import { arrowSpan, labelBox, type Lanes } from './lanes';
import './diagram.css';

/** Payload text is peer data, not UI: the HTML attribute translate="no" (React's SVG types lack it). */
const NOT_UI_TEXT = { translate: 'no' } as object;

interface Props {
  arrow: TimelineArrow;
  y: number;
  lanes: Lanes;
  /** Capture time of the connection's opening, for the tooltip. */
  origin: number;
  selected: boolean;
  showLabel: boolean;
  /** What the label hides: " ×5" (same kind) or " +2 more" (arrows too close to label). */
  stacked?: string;
  onSelect(frameId: number): void;
}

export const ArrowMark = memo(function ArrowMark({ arrow: a, y, lanes, origin, selected, showLabel, stacked = '', onSelect }: Props) {
  const { x1, x2 } = arrowSpan(lanes, a);
  const dir = Math.sign(x2 - x1);
  const head = `${x2},${y} ${x2 - dir * 8},${y - 4} ${x2 - dir * 8},${y + 4}`;
  const box = labelBox(lanes, a);
  const clickable = a.frameId !== null;
  const route = i18n.t(a.from === 'client' ? 'timeline:arrow.clientToServer' : 'timeline:arrow.serverToClient');
  const injected = a.injected ? ` · ${i18n.t('timeline:arrow.injectedBy')}` : '';
  const title = `${a.label} · ${route}${injected} · +${formatDurationUs(a.time - origin)}${a.detail ? `\n${a.detail}` : ''}`;
  const detail = a.detail && a.opcode === 1 ? `“${a.detail}”` : a.detail;

  return (
    <g
      className={`tl-arrow ${a.colourClass}${selected ? ' selected' : ''}${a.injected ? ' injected' : ''}${clickable ? ' clickable' : ''}`}
      data-testid={clickable ? 'timeline-arrow' : 'timeline-http'}
      data-frame-id={a.frameId ?? undefined}
      data-from={a.from}
      data-marker={a.marker}
      aria-label={clickable ? title.split('\n')[0] : undefined}
      aria-pressed={clickable ? selected : undefined}
      role={clickable ? 'button' : undefined}
      onClick={clickable ? () => onSelect(a.frameId!) : undefined}
    >
      <title>{title}</title>
      {selected && <rect className="tl-selection" x={lanes.client - 28} y={y - 20} width={lanes.server - lanes.client + 56} height={28} rx={4} />}
      <line className="tl-hit" x1={x1} y1={y} x2={x2} y2={y} />
      <line className="tl-line" x1={x1} y1={y} x2={x2 - dir * 7} y2={y} />
      <polygon className="tl-arrowhead" points={head} />
      {a.injected ? <InjectedBadge x={lanes.proxy} y={y} /> : <circle className={`tl-origin ${a.from}`} cx={x1} cy={y} r={3.5} />}
      {!a.injected && <ProxyMarker kind={a.marker} x={lanes.proxy} y={y} />}
      {a.violations > 0 && (
        <text className="tl-violation" x={x2 - dir * 16} y={y - 6} textAnchor="middle">
          ⚠
        </text>
      )}
      {showLabel && <Label label={a.label + stacked} detail={detail} x={box.x} y={y - 6} width={box.width} http={a.marker === 'http'} />}
    </g>
  );
});

/** Average advance of the label fonts (12 px UI and mono, 0.6 em), for sizing the backdrop. */
const CHAR_PX = 7.2;

/** `http`: the label is the request line or status line as the peer sent it, not UI text. */
function Label({ label, detail, x, y, width, http }: { label: string; detail: string; x: number; y: number; width: number; http: boolean }) {
  const main = fitText(label, width, CHAR_PX);
  const rest = detail ? fitText(detail, width - (main.length + 2) * CHAR_PX, CHAR_PX) : '';
  const textWidth = (main.length + (rest ? rest.length + 2 : 0)) * CHAR_PX;
  // A backdrop rather than a text halo: the gaps between words would let crossing lines through.
  return (
    <g className="tl-label">
      <rect className="tl-label-bg" x={x - textWidth / 2 - 4} y={y - 11} width={textWidth + 8} height={15} rx={3} />
      <text x={x} y={y} textAnchor="middle" {...(http ? NOT_UI_TEXT : {})}>
        <tspan className="tl-label-main">{main}</tspan>
        {rest && <tspan className="tl-label-detail" {...NOT_UI_TEXT}>{`  ${rest}`}</tspan>}
      </text>
    </g>
  );
}

function ProxyMarker({ kind, x, y }: { kind: MarkerKind; x: number; y: number }) {
  switch (kind) {
    case 'ping':
      return <polygon className="tl-marker filled" points={`${x},${y - 6} ${x + 6},${y} ${x},${y + 6} ${x - 6},${y}`} />;
    case 'pong':
      return <polygon className="tl-marker hollow" points={`${x},${y - 6} ${x + 6},${y} ${x},${y + 6} ${x - 6},${y}`} />;
    case 'close':
      return <rect className="tl-marker filled" x={x - 5} y={y - 5} width={10} height={10} rx={1.5} />;
    case 'control':
      return <rect className="tl-marker hollow" x={x - 5} y={y - 5} width={10} height={10} rx={1.5} />;
    case 'http':
      return <circle className="tl-marker hollow" cx={x} cy={y} r={4} />;
    case 'data':
      return <circle className="tl-marker filled" cx={x} cy={y} r={3} />;
  }
}

/** Frames Framescope wrote into the connection start from the proxy, marked with a plus. */
function InjectedBadge({ x, y }: { x: number; y: number }) {
  return (
    <g className="tl-injected-badge">
      <circle cx={x} cy={y} r={7} />
      <path d={`M${x - 3.5},${y} H${x + 3.5} M${x},${y - 3.5} V${y + 3.5}`} />
    </g>
  );
}
