// The renderer's one query cache. Every query key carries the capture version (or the
// connection's counters) it reads, so a cached answer is never stale for its key: nothing
// refetches on focus, on a timer, or on retry. Keys of old versions are dropped by the feed
// (feed-to-cache.ts); gcTime is only the backstop.
import { QueryClient } from '@tanstack/react-query';
import { useStore } from '../store';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 30_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  });
}

/** The query cache for code outside React (actions); components use `useQueryClient()`. */
export function getQueryClient(): QueryClient {
  const queryClient = useStore.getState().queryClient;
  if (!queryClient) throw new Error('The query client is not set: main.tsx sets it before the app renders');
  return queryClient;
}
