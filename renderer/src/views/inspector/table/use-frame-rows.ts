// Binds a FrameRowSource to React: one source per table, re-rendering when pages arrive.
import { useEffect, useMemo, useState } from 'react';
import type { FrameFilter } from '../../../../../shared/model';
import { getClient } from '../../../api/client';
import { FrameRowSource } from './frame-row-source';

export interface FrameRows {
  source: FrameRowSource;
  tick: number;
}

export function useFrameRows(filter: FrameFilter, key: string): FrameRows {
  const [tick, setTick] = useState(0);
  const source = useMemo(() => new FrameRowSource((q) => getClient().queryFrames(q), () => setTick((t) => t + 1)), []);
  // The filter is applied during render so the first fetch of a new filter already uses it.
  source.setFilter(filter, key);
  useEffect(() => () => source.reset(), [source]);
  return { source, tick };
}
