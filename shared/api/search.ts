// Text and regex filters match whole payloads (reassembled and inflated messages), so a filter
// over a large capture runs as a job in the engine: rows arrive as they are found, progress comes
// as `search-progress` events, and the user can cancel it.
import type { FrameFilter } from '../model';

export interface SearchProgressEvent {
  type: 'search-progress';
  /** The filter being scanned. */
  filter: FrameFilter;
  /** Frames examined, of `total` in the capture when it started. */
  scanned: number;
  total: number;
  matches: number;
  /** Finished: every frame was examined (or the search was cancelled). */
  done: boolean;
  cancelled: boolean;
}

export interface SearchApi {
  /** Stops every running filter scan; rows found so far stay, marked as a partial result. */
  cancelSearch(): Promise<void>;
}

export const SEARCH_METHODS = ['cancelSearch'] as const satisfies readonly (keyof SearchApi)[];
