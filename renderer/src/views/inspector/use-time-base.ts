// Where the Time column counts from: the selected connection's opening, or the first
// connection's when the table shows the whole capture.
import { useStore } from '../../store';

export function useTimeBase(connectionId: number | null): number | null {
  return useStore((s) => {
    if (connectionId !== null) return s.connections.get(connectionId)?.openedAt ?? null;
    let min: number | null = null;
    for (const c of s.connections.values()) if (min === null || c.openedAt < min) min = c.openedAt;
    return min;
  });
}
