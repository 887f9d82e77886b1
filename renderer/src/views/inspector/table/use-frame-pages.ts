// Binds the frame table to its queries: the pages in view, read at the current version. While a
// new filter's first answer is on the way, the rows of the last complete answer stay on screen
// (dimmed as `busy`), so the table never flashes empty; an answer already cached for this filter
// and version — going back to a connection, turning a filter off — is drawn at once.
import { useIsFetching, useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { FramePage, FrameSummary } from '../../../../../shared/model';
import { useClient } from '../../../api/use-client';
import { fetchRow, framePageQuery, PAGE_SIZE, pagesFor, type FramePageRead } from '../../../api/queries/frame-pages';
import { useCollapsedVersion } from '../../../api/queries/use-collapsed-version';

export interface FramePages {
  /** Rows matching the filter; null until the first answer for any filter arrived. */
  total: number | null;
  /** The rows on screen belong to another filter than the one asked for. */
  busy: boolean;
  error: string | null;
  /** Changes whenever rows change, so memoised blocks redraw. */
  rowAt(index: number): FrameSummary | undefined;
  /** The row at any position, fetched if its page is not in view. */
  ensure(index: number): Promise<FrameSummary | undefined>;
}

interface Shown {
  filterKey: string;
  total: number;
  pages: ReadonlyMap<number, FramePage>;
}

export function useFramePages(latest: FramePageRead, first: number, last: number, enabled: boolean): FramePages {
  const client = useClient();
  const queryClient = useQueryClient();
  const fetching = useIsFetching({ queryKey: ['queryFrames', latest.filter.connectionId ?? null, latest.filterKey] }) > 0;
  const version = useCollapsedVersion(latest.filterKey, latest.version, fetching);
  const read = useMemo(() => ({ ...latest, version }), [latest, version]);
  const pages = pagesFor(first, last);
  const results = useQueries({ queries: pages.map((page) => ({ ...framePageQuery(client, read, page), enabled })) });

  const loaded = new Map<number, FramePage>();
  results.forEach((r, i) => r.data && loaded.set(pages[i]!, r.data));
  const complete = loaded.size === pages.length;
  const shown = useRef<Shown | null>(null);
  if (complete) shown.current = { filterKey: read.filterKey, total: loaded.get(pages[0]!)!.total, pages: loaded };
  const fallback = shown.current;
  const dataStamp = results.map((r) => r.dataUpdatedAt).join(',');

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rowAt = useCallback((index: number) => (loaded.get(Math.floor(index / PAGE_SIZE)) ?? fallback?.pages.get(Math.floor(index / PAGE_SIZE)))?.rows[index % PAGE_SIZE], [dataStamp, fallback, read.filterKey]);
  const ensure = useCallback((index: number) => fetchRow(queryClient, client, read, index), [queryClient, client, read]);
  const error = results.find((r) => r.error)?.error;
  const firstLoaded = loaded.get(pages[0]!);
  return useMemo(
    () => ({
      total: firstLoaded?.total ?? fallback?.total ?? null,
      busy: !complete && fallback !== null && fallback.filterKey !== read.filterKey,
      error: error ? error.message : null,
      rowAt,
      ensure,
    }),
    [firstLoaded, fallback, complete, read.filterKey, error, rowAt, ensure],
  );
}
