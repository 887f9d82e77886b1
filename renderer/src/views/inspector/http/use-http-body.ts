// One page of an exchange's body from the engine (getHttpBody), cached for exactly the bytes kept:
// a body that grows (an SSE stream, a long poll) is simply a new key when the feed says so.
import { useQuery } from '@tanstack/react-query';
import { HTTP_BODY_PAGE_BYTES, type HttpBodyChunk } from '../../../../../shared/api/bodies';
import type { HttpBodySide, HttpExchange } from '../../../../../shared/model';
import { useClient } from '../../../api/use-client';

export function keptOf(exchange: HttpExchange, side: HttpBodySide): number {
  return (side === 'request' ? exchange.requestBodyKept : exchange.responseBodyKept) ?? 0;
}

export function useHttpBody(exchange: HttpExchange, side: HttpBodySide, decoded: boolean, page = 0) {
  const client = useClient();
  const kept = keptOf(exchange, side);
  return useQuery<HttpBodyChunk, Error>({
    queryKey: ['getHttpBody', exchange.id, side, decoded, page, kept],
    queryFn: () => client.getHttpBody({ exchangeId: exchange.id, side, offset: page * HTTP_BODY_PAGE_BYTES, length: HTTP_BODY_PAGE_BYTES, decoded }),
    placeholderData: (previous) => previous,
  });
}
