// The selected frame's summary, wherever it is: among the loaded arrows, or read from the engine
// (a selection made in the Inspector's table may be off screen; the read is the detail pane's
// cached one). A new selection that belongs to this connection but lies outside the window
// scrolls the window to it.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { FrameSummary } from '../../../../shared/model';
import { queryKeys } from '../../api/queries/query-keys';
import { useClient } from '../../api/use-client';
import { revealTime, type Viewport } from './time-scale';

export function useSelectedFrame(
  selectedFrameId: number | null,
  loaded: readonly FrameSummary[],
  connectionId: number,
  reveal: (update: (v: Viewport) => Viewport) => void,
): FrameSummary | null {
  const client = useClient();
  const inView = selectedFrameId === null ? null : (loaded.find((f) => f.id === selectedFrameId) ?? null);
  // Cleared or never captured: the read fails, nothing is shown, and nobody must be told.
  const { data } = useQuery({ queryKey: queryKeys.frame(selectedFrameId ?? -1), queryFn: () => client.getFrame(selectedFrameId!), enabled: selectedFrameId !== null });
  const fetched = data?.summary ?? null;

  // Only a new selection moves the window; panning away from it afterwards is the user's choice.
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (fetched === null || revealed.current === fetched.id) return;
    revealed.current = fetched.id;
    if (fetched.connectionId === connectionId) reveal((v) => revealTime(v, fetched.time));
  }, [fetched, connectionId, reveal]);

  if (selectedFrameId === null) return null;
  return inView ?? (fetched?.id === selectedFrameId ? fetched : null);
}
