// The sequence diagram: time runs down, the client, the proxy and the server are lanes, and each
// frame or HTTP message is an arrow at the instant the proxy saw it. SVG, because at most a few
// hundred arrows are ever drawn (the rest become density ticks) and SVG keeps them clickable.
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import type { ConnectionSummary } from '../../../../shared/model';
import { exchangeArrows, frameArrow, pairPings, type TimelineArrow } from './arrow-model';
import { ArrowMark } from './ArrowMark';
import { BurstNote, CloseBand, DensityBars, LaneLines, LifecycleMarks, PingBrackets, TimeGrid } from './DiagramLayers';
import { labelBox, type Lanes } from './lanes';
import { panBy, span, timeToY, zoomAround, type Viewport } from './time-scale';
import type { TimelineData } from './use-timeline-data';
import { usePanZoom } from './use-pan-zoom';

interface Props {
  connection: ConnectionSummary;
  data: TimelineData;
  viewport: Viewport;
  lanes: Lanes;
  selectedFrameId: number | null;
  onSelect(frameId: number): void;
  onViewportChange(v: Viewport): void;
  onFit(): void;
}

/** Labels closer than this would overlap; the arrow stays, its label moves to the tooltip. */
const LABEL_GAP_PX = 16;
const OFFSCREEN_PX = 24;

export function SequenceDiagram({ connection, data, viewport, lanes, selectedFrameId, onSelect, onViewportChange, onFit }: Props) {
  const { t, i18n: lang } = useTranslation('timeline');
  const svgRef = useRef<SVGSVGElement>(null);
  const panZoom = usePanZoom(svgRef, viewport, lanes.height, onViewportChange);
  // The labels are words: rebuilt when the language changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const arrows = useMemo(() => allArrows(data), [data, lang.language]);
  const frameArrows = useMemo(() => arrows.filter((a) => a.frameId !== null), [arrows]);
  const pairs = useMemo(() => pairPings(arrows), [arrows]);

  const { frames } = data;
  const placed = frames.burst
    ? burstPositions(frameArrows, lanes.height)
    : arrows.map((a) => ({ a, y: timeToY(viewport, a.time, lanes.height) })).filter(({ y }) => y > -OFFSCREEN_PX && y < lanes.height + OFFSCREEN_PX);
  const labelled = chooseLabels(placed, lanes, selectedFrameId);

  const closeStart = data.closes[0]?.time;
  const closeEnd = connection.closedAt ?? data.closes[data.closes.length - 1]?.time;
  const handshakeDrawn = data.exchanges.some((x) => x.status === 101);

  const select = (frameId: number): void => {
    if (!panZoom.consumeDrag()) onSelect(frameId);
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    const mid = (viewport.start + viewport.end) / 2;
    const step = (k: number): void => {
      const at = frameArrows.findIndex((a) => a.frameId === selectedFrameId);
      const next = frameArrows[at < 0 ? (k > 0 ? 0 : frameArrows.length - 1) : at + k];
      if (next?.frameId != null) onSelect(next.frameId);
    };
    const actions: Record<string, () => void> = {
      ArrowDown: () => step(1),
      ArrowUp: () => step(-1),
      '+': () => onViewportChange(zoomAround(viewport, mid, 0.5)),
      '=': () => onViewportChange(zoomAround(viewport, mid, 0.5)),
      '-': () => onViewportChange(zoomAround(viewport, mid, 2)),
      PageDown: () => onViewportChange(panBy(viewport, span(viewport) * 0.8)),
      PageUp: () => onViewportChange(panBy(viewport, -span(viewport) * 0.8)),
      f: onFit,
      '0': onFit,
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  return (
    <svg
      ref={svgRef}
      className="tl-svg"
      data-testid="timeline-svg"
      width={lanes.width}
      height={lanes.height}
      tabIndex={0}
      aria-label={t('diagram.aria')}
      onKeyDown={onKeyDown}
      onPointerDown={panZoom.onPointerDown}
      onPointerMove={panZoom.onPointerMove}
      onPointerUp={panZoom.onPointerUp}
      onPointerCancel={panZoom.onPointerUp}
    >
      <rect className="tl-bg" x={0} y={0} width={lanes.width} height={lanes.height} />
      {!frames.burst && (
        <>
          <TimeGrid lanes={lanes} viewport={viewport} origin={connection.openedAt} />
          {closeStart !== undefined && closeEnd !== undefined && <CloseBand lanes={lanes} viewport={viewport} start={closeStart} end={closeEnd} />}
        </>
      )}
      <LaneLines lanes={lanes} />
      {!frames.burst && (
        <>
          <LifecycleMarks lanes={lanes} viewport={viewport} connection={connection} handshakeDrawn={handshakeDrawn} />
          {frames.density && <DensityBars lanes={lanes} viewport={viewport} buckets={frames.density} />}
          <PingBrackets lanes={lanes} viewport={viewport} pairs={pairs} />
        </>
      )}
      {placed.map(({ a, y }) => (
        <ArrowMark
          key={a.key}
          arrow={a}
          y={y}
          lanes={lanes}
          origin={connection.openedAt}
          selected={a.frameId !== null && a.frameId === selectedFrameId}
          showLabel={labelled.has(a.key)}
          stacked={labelled.get(a.key) ?? ''}
          onSelect={select}
        />
      ))}
      {frames.burst && <BurstNote lanes={lanes} count={frames.hi - frames.lo} shown={frameArrows.length} spanUs={span(viewport)} />}
    </svg>
  );
}

const BURST_TOP_PX = 36;

/** Frames stamped with (almost) one time, spread evenly in capture order below the note. */
function burstPositions(frameArrows: TimelineArrow[], height: number): Array<{ a: TimelineArrow; y: number }> {
  const step = (height - BURST_TOP_PX - 8) / Math.max(1, frameArrows.length);
  return frameArrows.map((a, k) => ({ a, y: BURST_TOP_PX + (k + 0.5) * step }));
}

/** Frames (or, when they are too many, the control frames) and HTTP messages, in time order. */
function allArrows(data: TimelineData): TimelineArrow[] {
  const frames = (data.frames.arrows ?? data.controls).map(frameArrow);
  const http = data.exchanges.flatMap(exchangeArrows);
  return http.length === 0 ? frames : [...frames, ...http].sort((a, b) => a.time - b.time);
}

/**
 * Greedy, per half of the diagram: a label is drawn when it clears the previous one. Each drawn
 * label says what it hides: "×5" for five arrows of the same kind, "+2 more" for other kinds.
 */
function chooseLabels(placed: Array<{ a: TimelineArrow; y: number }>, lanes: Lanes, selected: number | null): Map<string, string> {
  const hidden = new Map<string, { same: number; other: number }>();
  const last = new Map<number, { a: TimelineArrow; y: number }>();
  for (const { a, y } of placed) {
    const side = labelBox(lanes, a).x;
    const previous = last.get(side);
    const isSelected = a.frameId !== null && a.frameId === selected;
    if (isSelected || !previous || y - previous.y >= LABEL_GAP_PX) {
      hidden.set(a.key, { same: 0, other: 0 });
      last.set(side, { a, y });
    } else {
      const count = hidden.get(previous.a.key)!;
      if (a.label === previous.a.label) count.same++;
      else count.other++;
    }
  }
  const out = new Map<string, string>();
  for (const [key, { same, other }] of hidden) out.set(key, other > 0 ? i18n.t('timeline:diagram.more', { count: same + other }) : same > 0 ? ` ×${same + 1}` : '');
  return out;
}
