// The selected frame's summary, wherever it is: among the loaded arrows, or read from the engine
// (a selection made in the Inspector's table may be off screen). A new selection that belongs to
// this connection but lies outside the window scrolls the window to it.
import { useEffect, useState } from 'react';
import type { FrameSummary } from '../../../../shared/model';
import { getClient } from '../../api/client';
import { revealTime, type Viewport } from './time-scale';

export function useSelectedFrame(
  selectedFrameId: number | null,
  loaded: readonly FrameSummary[],
  connectionId: number,
  reveal: (update: (v: Viewport) => Viewport) => void,
): FrameSummary | null {
  const [fetched, setFetched] = useState<FrameSummary | null>(null);
  const inView = selectedFrameId === null ? null : (loaded.find((f) => f.id === selectedFrameId) ?? null);

  useEffect(() => {
    if (selectedFrameId === null) return;
    let cancelled = false;
    getClient()
      .getFrame(selectedFrameId)
      .then((detail) => {
        if (cancelled) return;
        setFetched(detail.summary);
        if (detail.summary.connectionId === connectionId) reveal((v) => revealTime(v, detail.summary.time));
      })
      .catch(() => {
        // Cleared or never captured: nothing to show, and nothing the user must be told.
        if (!cancelled) setFetched(null);
      });
    return () => {
      cancelled = true;
    };
    // Only a new selection moves the window; panning away from it afterwards is the user's choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedFrameId, connectionId]);

  if (selectedFrameId === null) return null;
  return inView ?? (fetched?.id === selectedFrameId ? fetched : null);
}
