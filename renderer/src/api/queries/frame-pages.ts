// The frame table's reads: pages of rows matching a filter, each a query keyed by filter, page and
// read version (query-keys.ts). Pure helpers; the React binding is use-frame-pages.ts.
import type { QueryClient } from '@tanstack/react-query';
import type { FramescopeClient } from '../../../../shared/api';
import type { FrameFilter, FramePage, FrameSummary } from '../../../../shared/model';
import { queryKeys, type ReadVersion } from './query-keys';

/**
 * Rows per page. The table shows about 30; while it follows a live capture every update reads the
 * last page or two again, so a smaller page is less to serialize, send and parse on every update
 * (64 against 256 rows: fewer late frames at 20,000 frames/s in `npm run bench -- ui`).
 */
export const PAGE_SIZE = 64;

/** Pages covering rows [first, last] (inclusive); page 0 when nothing is in view. */
export function pagesFor(first: number, last: number): number[] {
  const a = Math.max(0, Math.floor(first / PAGE_SIZE));
  const b = Math.max(a, Math.floor(Math.max(first, last) / PAGE_SIZE));
  const out: number[] = [];
  for (let p = a; p <= b; p++) out.push(p);
  return out;
}

export interface FramePageRead {
  filter: FrameFilter;
  filterKey: string;
  version: ReadVersion;
}

export function framePageQuery(client: FramescopeClient, read: FramePageRead, page: number) {
  return {
    queryKey: queryKeys.framePage(read.filter, read.filterKey, page, read.version),
    queryFn: (): Promise<FramePage> => client.queryFrames({ filter: read.filter, start: page * PAGE_SIZE, count: PAGE_SIZE, progressive: true }),
  };
}

/** The row at a position, read through the cache (keyboard moves beyond the rows in view). */
export async function fetchRow(queryClient: QueryClient, client: FramescopeClient, read: FramePageRead, index: number): Promise<FrameSummary | undefined> {
  const page = await queryClient.fetchQuery(framePageQuery(client, read, Math.floor(index / PAGE_SIZE)));
  return page.rows[index % PAGE_SIZE];
}
