// The change feed, applied to the query cache (the store applies it to its own state in
// capture-slice.ts). Pushed HTTP exchanges are written into the cached lists, never refetched;
// answers for versions that can no longer be asked for are dropped; Clear forgets everything.
import type { QueryClient } from '@tanstack/react-query';
import type { EngineEvent } from '../../../shared/api';
import type { HttpExchange } from '../../../shared/model';
import type { StoreState } from '../store';
import { readVersion } from '../store/read-version';
import { queryKeys, VERSIONED_METHODS } from './queries/query-keys';

export function applyFeedToCache(queryClient: QueryClient, events: readonly EngineEvent[], state: Pick<StoreState, 'connections' | 'captureVersion'>): void {
  let scanMoved = false;
  for (const event of events) {
    // A filter scan found more rows: the pages of its table are stale even when no frame arrived
    // (a closed capture), whatever version they are keyed by.
    if (event.type === 'search-progress') scanMoved = true;
    if (event.type === 'capture-deltas') {
      // The change feed (issue 13): an exchange changed, or the capture was cleared.
      for (const delta of event.deltas) {
        if (delta.type === 'exchange') upsertExchange(queryClient, delta.exchange);
        else if (delta.type === 'cleared') forgetCapture(queryClient);
      }
    }
  }
  if (scanMoved) void queryClient.invalidateQueries({ queryKey: ['queryFrames'] });
  pruneOldVersions(queryClient, state);
}

/** Clear: frames and exchanges are gone (their ids never come back, so nothing else can be asked for). */
function forgetCapture(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: ['getFrame'] });
  queryClient.removeQueries({ queryKey: ['listHttpExchanges'] });
}

function upsertExchange(queryClient: QueryClient, exchange: HttpExchange): void {
  // Only lists someone has read are kept current; an unread one is read whole when first shown.
  queryClient.setQueryData<HttpExchange[]>(queryKeys.exchanges(exchange.connectionId), (list) => {
    if (!list) return list;
    const at = list.findIndex((x) => x.id === exchange.id);
    if (at < 0) return [...list, exchange];
    const next = list.slice();
    next[at] = exchange;
    return next;
  });
}

/** Drops unobserved answers keyed by a version their scope has moved past. */
export function pruneOldVersions(queryClient: QueryClient, state: Pick<StoreState, 'connections' | 'captureVersion'>): void {
  const cache = queryClient.getQueryCache();
  for (const query of cache.getAll()) {
    const key = query.queryKey;
    if (!VERSIONED_METHODS.has(String(key[0])) || query.getObserversCount() > 0) continue;
    const connectionId = typeof key[1] === 'number' ? key[1] : null;
    if (key[key.length - 1] !== readVersion(state, connectionId)) cache.remove(query);
  }
}
