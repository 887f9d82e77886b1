// The lanes: one per transport on one shared time axis. Each request/response, open stream and
// frame is a mark; each message is a line from when it was generated to when that transport
// delivered it, so the waiting is visible. Follows live; pause to study, scrub back through the run.
import { useEffect, useRef, useState } from 'react';
import { LAB_TRANSPORTS, type LabTransport, type LabTransportSummary } from '../../../../shared/api';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { estimatedNow, inWindow, labTimeline } from './lab-data';
import { ticks, windowFor, xOf, type TimeWindow } from './lane-geometry';
import { TransportLane } from './TransportLane';
import { TRANSPORT_NAMES, clientApi, fmtBytes, fmtMs, transportColor } from './transport-style';
import './lab-lanes.css';

export const PUBLISHED_LANE = 44;
export const LANE_HEIGHT = 84;
const AXIS = 28;
const WINDOWS_S = [5, 10, 30, 60];
/** Who runs a lane's client, by the form's choice. */
const CLIENT_OF = { engine: 'node', browser: 'browser' } as const;

export function LabLanes() {
  const { t } = useTranslation('lab');
  useStore((s) => s.labVersion); // re-render when data arrives
  const status = useStore((s) => s.labStatus);
  const summary = useStore((s) => s.labSummary);
  const windowEnd = useStore((s) => s.labWindowEnd);
  const windowS = useStore((s) => s.labWindowS);
  const setWindow = useStore((s) => s.setLabWindow);
  const live = status?.phase === 'running' || status?.phase === 'draining' || status?.phase === 'closing';
  const now = useLiveNow(live && windowEnd === null);
  const [stageRef, width] = useWidth<HTMLDivElement>();
  const w = windowFor(windowEnd, now ?? labTimeline.last, windowS, labTimeline.first);
  const origin = status?.startedAt ?? labTimeline.first ?? 0;
  // A finished run's open marks end with its last event; a live one's at the extrapolated present.
  const presentTime = (live ? (now ?? estimatedNow()) : null) ?? labTimeline.last ?? 0;
  const rows = new Map<LabTransport, LabTransportSummary>((summary?.rows ?? []).map((r) => [r.transport, r]));
  const height = PUBLISHED_LANE + LAB_TRANSPORTS.length * LANE_HEIGHT + AXIS;

  return (
    <div className="lab-lanes" data-testid="lab-lanes">
      <div className="lab-lanes-toolbar">
        <button className="button" data-testid="lab-pause" onClick={() => setWindow(windowEnd === null ? (w?.to ?? null) : null)} disabled={!w}>
          {windowEnd === null ? t('lanes.pause') : t('lanes.follow')}
        </button>
        <div className="lab-segmented" role="group" aria-label={t('lanes.window')}>
          {WINDOWS_S.map((s) => (
            <button key={s} className={s === windowS ? 'active' : ''} onClick={() => setWindow(windowEnd, s)}>
              {t('lanes.seconds', { s })}
            </button>
          ))}
        </div>
        <input
          className="lab-scrub"
          type="range"
          aria-label={t('lanes.scrub')}
          data-testid="lab-scrub"
          min={labTimeline.first ?? 0}
          max={labTimeline.last ?? 1}
          step={1000}
          value={w?.to ?? 0}
          disabled={labTimeline.first === null}
          onChange={(e) => setWindow(Number(e.target.value))}
        />
        <span className="lab-clock">{w ? t('lanes.seconds', { s: ((w.to - origin) / 1e6).toFixed(1) }) : '–'}</span>
      </div>
      <div className="lab-lanes-body">
        <div className="lab-lane-heads" style={{ gridTemplateRows: `${PUBLISHED_LANE}px repeat(${LAB_TRANSPORTS.length}, ${LANE_HEIGHT}px)` }}>
          <div className="lab-lane-head published">
            <span className="lab-lane-name">{t('lanes.publishes')}</span>
            <span className="lab-lane-client">{status?.options ? t('lanes.stream', { rate: status.options.rate, size: status.options.size, format: t(`controls.${status.options.format}`) }) : t('lanes.oneStream')}</span>
          </div>
          {LAB_TRANSPORTS.map((t) => (
            <LaneHead key={t} transport={t} row={rows.get(t)} clients={status?.options?.clients ?? 'browser'} />
          ))}
        </div>
        <div className="lab-lane-stage" ref={stageRef}>
          {w && width > 0 ? (
            <svg width={width} height={height} role="img" aria-label={t('lanes.axis')}>
              <Grid w={w} width={width} height={height} origin={origin} />
              <Published w={w} width={width} />
              {LAB_TRANSPORTS.map((t, i) => (
                <TransportLane key={t} transport={t} w={w} width={width} y={PUBLISHED_LANE + i * LANE_HEIGHT} height={LANE_HEIGHT} now={Math.min(w.to, presentTime)} />
              ))}
            </svg>
          ) : (
            <p className="lab-lanes-empty">{t('lanes.empty')}</p>
          )}
        </div>
      </div>
      <Legend />
    </div>
  );
}

function LaneHead({ transport, row, clients }: { transport: LabTransport; row: LabTransportSummary | undefined; clients: 'browser' | 'engine' }) {
  const { t } = useTranslation('lab');
  return (
    <div className="lab-lane-head" style={{ ['--lane-color' as string]: transportColor(transport) }} data-testid={`lab-lane-${transport}`}>
      <span className="lab-lane-name">{TRANSPORT_NAMES[transport]}</span>
      <span className="lab-lane-client" title={transport === 'http2-polling' ? t('lanes.h2Title') : undefined}>
        {clientApi(transport, row?.client ?? CLIENT_OF[clients])}
      </span>
      <span className="lab-lane-figures">
        <span title={t('lanes.medianTitle')}>
          <b>{fmtMs(row?.latencyMs?.p50)}</b> {t('lanes.median')}
        </span>
        <span title={t('lanes.overheadTitle')}>
          <b>{fmtBytes(row?.overheadBytesPerMessage)}</b> {t('lanes.overhead')}
        </span>
        <span title={t('lanes.requestsTitle')}>
          <b>{row?.requests ?? 0}</b> {t('lanes.requests')}
        </span>
      </span>
    </div>
  );
}

function Grid({ w, width, height, origin }: { w: TimeWindow; width: number; height: number; origin: number }) {
  return (
    <g className="lab-grid">
      {LAB_TRANSPORTS.map((t, i) => (
        <rect key={t} x={0} y={PUBLISHED_LANE + i * LANE_HEIGHT} width={width} height={LANE_HEIGHT} className={i % 2 ? 'band odd' : 'band'} />
      ))}
      {ticks(w, origin).map(({ t, label }) => (
        <g key={t}>
          <line x1={xOf(w, width, t)} x2={xOf(w, width, t)} y1={0} y2={height - AXIS} className="tick" />
          <text x={xOf(w, width, t)} y={height - 8} className="tick-label" textAnchor="middle">
            {label}
          </text>
        </g>
      ))}
    </g>
  );
}

function Published({ w, width }: { w: TimeWindow; width: number }) {
  const items = inWindow(labTimeline.published, w.from, w.to, (p) => p.generatedAt);
  return (
    <g className="lab-published">
      {items.map((p) => (
        <g key={p.seq}>
          <line x1={xOf(w, width, p.generatedAt)} x2={xOf(w, width, p.generatedAt)} y1={PUBLISHED_LANE / 2} y2={PUBLISHED_LANE + LAB_TRANSPORTS.length * LANE_HEIGHT} className="guide" />
          <circle cx={xOf(w, width, p.generatedAt)} cy={PUBLISHED_LANE / 2} r={5}>
            <title>{`message ${p.seq} generated`}</title>
          </circle>
        </g>
      ))}
    </g>
  );
}

function Legend() {
  const { t } = useTranslation('lab');
  return (
    <div className="lab-legend" aria-label={t('legend.title')}>
      <span>
        <i className="sw published" /> {t('legend.generated')}
      </span>
      <span>
        <i className="sw wait" /> {t('legend.waiting')} <i className="sw delivered" /> {t('legend.delivered')}
      </span>
      <span>
        <i className="sw request" /> {t('legend.request')}
      </span>
      <span>
        <i className="sw empty" /> {t('legend.empty')}
      </span>
      <span>
        <i className="sw stream" /> {t('legend.stream')}
      </span>
      <span>
        <i className="sw frame" /> {t('legend.frame')}
      </span>
    </div>
  );
}

/** Re-renders ~10 times a second while following a live run (cheap: the browser clients share this thread); returns the engine's "now". */
function useLiveNow(active: boolean): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(estimatedNow()), 100);
    return () => window.clearInterval(timer);
  }, [active]);
  return active ? now : null;
}

function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
