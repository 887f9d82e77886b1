// Feeds the timeline of one connection: one query per window and connection version (at most one
// read in flight; versions that arrive meanwhile collapse into one), plus the connection's HTTP
// exchanges (the cached list the feed keeps current) and its close frames, which mark the
// closing handshake even when zoomed out.
import { useIsFetching, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import type { FramescopeClient } from '../../../../shared/api';
import type { ConnectionSummary, FrameSummary, HttpExchange } from '../../../../shared/model';
import { OPCODE_CLOSE, OPCODE_PING, OPCODE_PONG } from '../../../../shared/protocol/opcodes';
import { queryKeys } from '../../api/queries/query-keys';
import { useCollapsedVersion } from '../../api/queries/use-collapsed-version';
import { useClient } from '../../api/use-client';
import { useStore } from '../../store';
import { readVersion } from '../../store/read-version';
import { DEFAULT_LIMITS, FrameSequence, loadWindow, type FrameWindow } from './frame-window';
import { fitViewport, type Viewport } from './time-scale';

export interface TimelineData {
  /** The window drawn: the user's, or the fitted one while following the capture. */
  viewport: Viewport;
  frames: FrameWindow;
  /** Control frames in the window, drawn over density ticks when the data frames are too many. */
  controls: FrameSummary[];
  exchanges: HttpExchange[];
  /** The close frames of the connection (RFC 6455 §7.1.2: one each way in a clean close). */
  closes: FrameSummary[];
}

/** Where the traffic of a connection begins and ends, for "fit". */
export function connectionExtent(c: ConnectionSummary, last: FrameSummary | null, exchanges: readonly HttpExchange[]): [number, number] {
  let end = Math.max(c.openedAt, c.closedAt ?? 0, last?.time ?? 0);
  for (const x of exchanges) end = Math.max(end, x.endedAt ?? x.startedAt);
  return [c.openedAt, end];
}

export function useTimelineData(
  connection: ConnectionSummary,
  manual: Viewport | null,
  buckets: number,
): { data: TimelineData | null; error: string | null } {
  const id = connection.id;
  const client = useClient();
  const latestVersion = useStore((s) => readVersion(s, id));
  const fetching = useIsFetching({ queryKey: ['timeline', id] }) > 0;
  const version = useCollapsedVersion(String(id), latestVersion, fetching);

  // Sequences remember rows by position; a connection's rows never move, so they live as long as
  // the connection is shown (they only grow as the capture does).
  const sources = useMemo(
    () => ({
      all: new FrameSequence((start, count) => client.queryFrames({ filter: { connectionId: id }, start, count })),
      controls: new FrameSequence((start, count) => client.queryFrames({ filter: { connectionId: id, opcodes: [OPCODE_CLOSE, OPCODE_PING, OPCODE_PONG] }, start, count })),
    }),
    [client, id],
  );

  // The exchanges are read once and then kept current by the feed; a change redraws.
  const exchanges = useQuery({ queryKey: queryKeys.exchanges(id), queryFn: () => client.listHttpExchanges({ connectionId: id }) });
  const latest = useRef(connection);
  latest.current = connection;
  const { data, error } = useQuery({
    queryKey: ['timeline', id, manual?.start ?? null, manual?.end ?? null, buckets, exchanges.dataUpdatedAt, version] as const,
    queryFn: () => load(client, { connection: latest.current, manual, buckets }, sources, exchanges.data ?? []),
    enabled: exchanges.data !== undefined,
    // The last drawing stays while the next is read: no flash when panning or as frames arrive.
    placeholderData: (previous, query) => (query?.queryKey[1] === id ? previous : undefined),
    gcTime: 5_000,
  });
  const failure = error ?? exchanges.error;
  return { data: data ?? null, error: failure ? failure.message : null };
}

async function load(
  client: FramescopeClient,
  input: { connection: ConnectionSummary; manual: Viewport | null; buckets: number },
  sources: { all: FrameSequence; controls: FrameSequence },
  exchanges: HttpExchange[],
): Promise<TimelineData> {
  const { connection, manual, buckets } = input;
  const closes = (await client.queryFrames({ filter: { connectionId: connection.id, opcodes: [OPCODE_CLOSE] }, start: 0, count: 4 })).rows;
  let viewport = manual;
  if (viewport === null) {
    // Following the capture: fit everything from the handshake to the latest frame.
    const total = await sources.all.refresh();
    const last = total > 0 ? await sources.all.at(total - 1) : null;
    const [first, end] = connectionExtent(connection, last, exchanges);
    viewport = fitViewport(first, end);
  }
  // Two pixels' worth of time (a bucket is a few pixels): closer frames cannot be zoomed apart.
  const limits = { ...DEFAULT_LIMITS, buckets, burstUs: Math.max(1, ((viewport.end - viewport.start) / buckets) * 0.5) };
  const frames = await loadWindow(sources.all, viewport, limits);
  let controls: FrameSummary[] = [];
  if (frames.arrows === null) {
    const c = await loadWindow(sources.controls, viewport, { ...limits, exactCap: 0 });
    controls = c.arrows ?? [];
  }
  return { viewport, frames, controls, exchanges, closes };
}
