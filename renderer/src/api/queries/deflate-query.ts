// One compressed payload, as the engine compresses it for a connection and direction. The preview
// reads it with useQueries, the send with fetchQuery: same key, so what is sent is what was shown.
import type { FramescopeClient } from '../../../../shared/api';
import type { Peer } from '../../../../shared/model';
import { queryKeys } from './query-keys';

export interface DeflateAsk {
  connectionId: number | null;
  from: Peer;
  /** The payload's base64: the key's content part. */
  key: string;
  payload: Uint8Array;
}

export function deflateQuery(client: FramescopeClient, ask: DeflateAsk) {
  return {
    queryKey: queryKeys.deflated(ask.connectionId, ask.from, ask.key),
    queryFn: () => client.deflateMessage({ connectionId: ask.connectionId, from: ask.from, payload: ask.payload }),
  };
}
