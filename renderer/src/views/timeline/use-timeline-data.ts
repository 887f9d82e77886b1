// Feeds the timeline of one connection: re-reads the visible window whenever the capture changes
// (at most one read in flight; requests made meanwhile collapse into one), plus the connection's
// HTTP exchanges and its close frames, which mark the closing handshake even when zoomed out.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConnectionSummary, FrameSummary, HttpExchange } from '../../../../shared/model';
import { OPCODE_CLOSE, OPCODE_PING, OPCODE_PONG } from '../../../../shared/protocol/opcodes';
import { getClient } from '../../api/client';
import { useStore } from '../../store';
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
  const version = useStore((s) => s.captureVersion);
  const httpCount = useStore((s) => s.stats.httpExchanges);
  const [data, setData] = useState<TimelineData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const sources = useMemo(() => {
    const client = getClient();
    return {
      all: new FrameSequence((start, count) => client.queryFrames({ filter: { connectionId: id }, start, count })),
      controls: new FrameSequence((start, count) =>
        client.queryFrames({ filter: { connectionId: id, opcodes: [OPCODE_CLOSE, OPCODE_PING, OPCODE_PONG] }, start, count }),
      ),
    };
  }, [id]);

  const latest = useRef({ connection, manual, buckets });
  latest.current = { connection, manual, buckets };
  const runner = useRef({ busy: false, again: false, disposed: false });
  const exchangesRef = useRef<{ count: number; list: HttpExchange[] }>({ count: -1, list: [] });

  useEffect(() => {
    const state = runner.current;
    state.disposed = false;
    const run = async (): Promise<void> => {
      if (state.busy) {
        state.again = true;
        return;
      }
      state.busy = true;
      try {
        do {
          state.again = false;
          const next = await load(latest.current, sources, exchangesRef.current, httpCount);
          exchangesRef.current = { count: httpCount, list: next.exchanges };
          if (state.disposed) return;
          setData(next);
          setError(null);
        } while (state.again && !state.disposed);
      } catch (err) {
        if (!state.disposed) setError(err instanceof Error ? err.message : String(err));
      } finally {
        state.busy = false;
        // A request that arrived while a failed read was in flight still deserves its turn.
        if (state.again && !state.disposed) void run();
      }
    };
    void run();
    return () => {
      state.disposed = true;
    };
  }, [sources, version, httpCount, manual, buckets, connection.state, connection.closedAt]);

  return { data, error };
}

async function load(
  input: { connection: ConnectionSummary; manual: Viewport | null; buckets: number },
  sources: { all: FrameSequence; controls: FrameSequence },
  cachedExchanges: { count: number; list: HttpExchange[] },
  httpCount: number,
): Promise<TimelineData> {
  const { connection, manual, buckets } = input;
  const client = getClient();
  const [exchanges, closes] = await Promise.all([
    cachedExchanges.count === httpCount ? cachedExchanges.list : client.listHttpExchanges({ connectionId: connection.id }),
    client.queryFrames({ filter: { connectionId: connection.id, opcodes: [OPCODE_CLOSE] }, start: 0, count: 4 }).then((p) => p.rows),
  ]);
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
