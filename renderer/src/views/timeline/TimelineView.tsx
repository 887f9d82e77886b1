// The Timeline view: the sequence diagram of the selected connection, with its toolbar, lane
// heads and the selected frame underneath; or, with no connection selected, what it will show.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../shared/model';
import { useStore } from '../../store';
import { laneLayout } from './lanes';
import { LaneHeads } from './LaneHeads';
import { SelectedFrameBar } from './SelectedFrameBar';
import { SequenceDiagram } from './SequenceDiagram';
import { TimelineEmpty } from './TimelineEmpty';
import { TimelineToolbar } from './TimelineToolbar';
import { fitViewport, zoomAround, type Viewport } from './time-scale';
import { useElementSize } from './use-element-size';
import { useSelectedFrame } from './use-selected-frame';
import { useTimelineData } from './use-timeline-data';
import './timeline.css';

export function TimelineView() {
  const { t } = useTranslation('timeline');
  const connection = useStore((s) => (s.selectedConnectionId === null ? null : (s.connections.get(s.selectedConnectionId) ?? null)));
  return (
    <section className="timeline" aria-label={t('aria')}>
      {connection ? <ConnectionTimeline key={connection.id} connection={connection} /> : <TimelineEmpty />}
    </section>
  );
}

/** Pixels per density bucket: thin enough to show bursts, thick enough to see. */
const BUCKET_PX = 5;

function ConnectionTimeline({ connection }: { connection: ConnectionSummary }) {
  const stageRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(stageRef);
  const { t } = useTranslation('timeline');
  const lanes = laneLayout(size.width, size.height);
  // null: follow the capture (fit everything, re-fit as frames arrive); else the user's window.
  const [manual, setManual] = useState<Viewport | null>(null);
  const { data, error } = useTimelineData(connection, manual, Math.max(10, Math.floor(size.height / BUCKET_PX)));
  const viewport = manual ?? data?.viewport ?? fitViewport(connection.openedAt, connection.closedAt ?? connection.openedAt + 1e6);
  const selectedFrameId = useStore((s) => s.selectedFrameId);
  const selectFrame = useStore((s) => s.selectFrame);

  const reveal = useCallback(
    (update: (v: Viewport) => Viewport) =>
      setManual((m) => {
        const current = m ?? viewport;
        const next = update(current);
        return next === current ? m : next;
      }),
    [viewport],
  );
  const loaded = data?.frames.arrows ?? data?.controls ?? [];
  const selected = useSelectedFrame(selectedFrameId, loaded, connection.id, reveal);
  const zoom = (factor: number) => setManual(zoomAround(viewport, (viewport.start + viewport.end) / 2, factor));
  const fit = () => setManual(null);

  return (
    <>
      <TimelineToolbar
        connection={connection}
        frames={data?.frames.total ?? null}
        exchanges={connection.kind === 'websocket' ? 0 : (data?.exchanges.length ?? 0)}
        drawing={{
          mode: data?.frames.burst ? 'burst' : data?.frames.density ? 'density' : 'arrows',
          inView: data ? data.frames.hi - data.frames.lo : 0,
          approximate: data?.frames.approximate ?? false,
        }}
        following={manual === null}
        onZoomIn={() => zoom(0.5)}
        onZoomOut={() => zoom(2)}
        onFit={fit}
      />
      <LaneHeads connection={connection} lanes={lanes} />
      <div className="tl-stage" ref={stageRef} data-testid="timeline-stage" aria-busy={data === null || (manual !== null && data.viewport !== manual)}>
        {error && (
          <p className="tl-error" role="alert">
            {t('view.error', { error })}
          </p>
        )}
        {data && size.width > 0 && size.height > 0 && (
          <SequenceDiagram
            connection={connection}
            data={data}
            viewport={viewport}
            lanes={lanes}
            selectedFrameId={selectedFrameId}
            onSelect={selectFrame}
            onViewportChange={setManual}
            onFit={fit}
          />
        )}
        {data && data.frames.total === 0 && data.exchanges.length === 0 && <NoFramesYet connection={connection} />}
      </div>
      <SelectedFrameBar frame={selected} origin={connection.openedAt} />
    </>
  );
}

function NoFramesYet({ connection }: { connection: ConnectionSummary }) {
  const { t } = useTranslation('timeline', { keyPrefix: 'view' });
  const waiting = connection.state === 'connecting' || connection.state === 'open';
  return (
    <div className="tl-overlay-note" data-testid="timeline-no-frames">
      {waiting ? t('waiting') : t('ended')}
    </div>
  );
}
