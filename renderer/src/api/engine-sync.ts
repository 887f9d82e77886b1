// Loads the engine's state and keeps the store and the query cache fed by its change feed. Started
// by main.tsx before the first render, so the RPC channel opens while React renders, not after.
import type { QueryClient } from '@tanstack/react-query';
import type { FramescopeClient } from '../../../shared/api';
import { notifyError, text } from '../actions/notify';
import { useStore } from '../store';
import { applyFeedToCache } from './feed-to-cache';

export function startEngineSync(client: FramescopeClient, queryClient: QueryClient): () => void {
  const unsubscribe = client.subscribe((events) => {
    useStore.getState().applyEvents(events);
    applyFeedToCache(queryClient, events, useStore.getState());
  });
  const store = useStore.getState();
  void Promise.all([client.getInfo(), client.listConnections(), client.listProxies(), client.getStats()])
    .then(([info, connections, proxies, stats]) => {
      store.setConnections(connections);
      store.setProxies(proxies);
      useStore.setState({ stats });
      // Last: `info` tells the views the first state is in (the frame table waits for it).
      store.setInfo(info);
    })
    .catch((err: unknown) => {
      store.setEngineConnected(false);
      notifyError(err, text('errors:context.load'));
    });
  return unsubscribe;
}
