// The layers under and beside the arrows: time grid, lanes, density ticks, the closing handshake,
// ping round trips and the connection's opening and end.
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../shared/model';
import { formatCount, formatDurationUs } from '../../format';
import type { PingPair } from './arrow-model';
import type { DensityBucket } from './density';
import type { Lanes } from './lanes';
import { timeTicks, timeToY, type Viewport } from './time-scale';
import './diagram.css';

interface Base {
  lanes: Lanes;
  viewport: Viewport;
}

export function TimeGrid({ lanes, viewport, origin }: Base & { origin: number }) {
  const ticks = timeTicks(viewport, origin, Math.max(2, Math.floor(lanes.height / 64)));
  return (
    <g className="tl-grid" data-testid="timeline-ticks">
      {ticks.map((t) => {
        const y = timeToY(viewport, t.time, lanes.height);
        return (
          <g key={t.time}>
            <line x1={lanes.gutter - 6} x2={lanes.width} y1={y} y2={y} />
            <text x={lanes.gutter - 10} y={y + 4} textAnchor="end">
              {t.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export function LaneLines({ lanes, top = 0 }: { lanes: Lanes; top?: number }) {
  return (
    <g className="tl-lanes">
      <line className="client" x1={lanes.client} x2={lanes.client} y1={top} y2={lanes.height} />
      <line className="proxy" x1={lanes.proxy} x2={lanes.proxy} y1={top} y2={lanes.height} />
      <line className="server" x1={lanes.server} x2={lanes.server} y1={top} y2={lanes.height} />
    </g>
  );
}

/**
 * Too many frames to draw one by one: per slice of time, a bar from each sender's lane whose
 * length says how many frames it sent, relative to the busiest slice in view.
 */
export function DensityBars({ lanes, viewport, buckets }: Base & { buckets: DensityBucket[] }) {
  const max = Math.max(1, ...buckets.map((b) => Math.max(b.client, b.server)));
  const reach = (lanes.proxy - lanes.client) * 0.9;
  return (
    <g className="tl-density" data-testid="timeline-density">
      {buckets.map((b) => {
        const y1 = timeToY(viewport, b.start, lanes.height);
        const h = Math.max(1, timeToY(viewport, b.end, lanes.height) - y1 - 1);
        return (
          <g key={b.start}>
            {b.client > 0 && <rect className="client" x={lanes.client} y={y1} width={Math.max(2, (b.client / max) * reach)} height={h} />}
            {b.server > 0 && <rect className="server" x={lanes.server - Math.max(2, (b.server / max) * reach)} y={y1} width={Math.max(2, (b.server / max) * reach)} height={h} />}
          </g>
        );
      })}
    </g>
  );
}

/** RFC 6455 §7.1.2: the closing handshake runs from the first Close frame to the TCP close. */
export function CloseBand({ lanes, viewport, start, end }: Base & { start: number; end: number }) {
  const { t } = useTranslation('timeline', { keyPrefix: 'diagram' });
  const y1 = timeToY(viewport, start, lanes.height);
  const y2 = Math.max(y1 + 4, timeToY(viewport, end, lanes.height));
  return (
    <g className="tl-close-band" data-testid="timeline-close-band">
      <rect x={lanes.client - 24} width={lanes.server - lanes.client + 48} y={y1 - 12} height={y2 - y1 + 24} rx={6} />
      <text x={lanes.server + 18} y={y2 + 7} textAnchor="end">
        {t('closingHandshake')}
      </text>
    </g>
  );
}

/** The ping's sender sees the round trip: a bracket beside its lane from ping to pong. */
export function PingBrackets({ lanes, viewport, pairs }: Base & { pairs: PingPair[] }) {
  return (
    <g className="tl-ping-brackets">
      {pairs.map(({ ping, pong }) => {
        const y1 = timeToY(viewport, ping.time, lanes.height);
        const y2 = timeToY(viewport, pong.time, lanes.height);
        if (y2 - y1 < 6) return null;
        const outward = ping.from === 'client' ? -1 : 1;
        const x = (ping.from === 'client' ? lanes.client : lanes.server) + outward * 14;
        return (
          <g key={ping.key}>
            <path d={`M${x - outward * 6},${y1} H${x} V${y2} H${x - outward * 6}`} />
            {y2 - y1 >= 14 && (
              <text x={x + outward * 5} y={(y1 + y2) / 2 + 4} textAnchor={outward < 0 ? 'end' : 'start'}>
                {formatDurationUs(pong.time - ping.time)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** The handshake that opened the connection and the moment it ended (or failed). */
export function LifecycleMarks({ lanes, viewport, connection: c, handshakeDrawn }: Base & { connection: ConnectionSummary; handshakeDrawn: boolean }) {
  const { t } = useTranslation('timeline', { keyPrefix: 'diagram' });
  const openY = timeToY(viewport, c.openedAt, lanes.height);
  const endY = c.closedAt === null ? null : timeToY(viewport, c.closedAt, lanes.height);
  const opening = c.kind === 'websocket' ? t('upgrade') : t('tcpOpened');
  const ending = c.state === 'failed' ? (c.error ? t('failedWith', { error: c.error }) : t('failed')) : t('tcpClosed');
  return (
    <g className="tl-lifecycle">
      {!handshakeDrawn && openY > -20 && openY < lanes.height + 20 && (
        <g data-testid="timeline-opened">
          <line x1={lanes.client} x2={lanes.server} y1={openY} y2={openY} />
          <text x={lanes.proxy} y={openY - 6} textAnchor="middle">
            {opening}
          </text>
        </g>
      )}
      {endY !== null && endY > -20 && endY < lanes.height + 20 && (
        <g className={c.state === 'failed' ? 'failed' : undefined} data-testid="timeline-ended">
          <line x1={lanes.client} x2={lanes.server} y1={endY} y2={endY} />
          <text x={lanes.proxy} y={endY + 16} textAnchor="middle">
            {ending}
          </text>
        </g>
      )}
    </g>
  );
}

/** Why the arrows below are not to scale: the proxy read them in one go, with one timestamp. */
export function BurstNote({ lanes, count, shown, spanUs }: { lanes: Lanes; count: number; shown: number; spanUs: number }) {
  const { t } = useTranslation('timeline', { keyPrefix: 'diagram' });
  const first = shown < count ? t('burstFirst', { shown: formatCount(shown) }) : '';
  return (
    <text className="tl-density-note" data-testid="timeline-burst" x={lanes.proxy} y={20} textAnchor="middle">
      {t('burst', { count: formatCount(count), span: formatDurationUs(spanUs), first })}
    </text>
  );
}
