// Checks over compression (lesson 7) and the lab's transports side by side (lesson 8).
import { activeConnectionIds, isData, newExchanges, newFrames, type LessonCheck } from './world';

/** Lesson 7: permessage-deflate was agreed (RFC 7692 §5) and the server sent a compressed message (RSV1). */
export const deflateNegotiated: LessonCheck = (w) =>
  w.connections.some(
    (c) => /permessage-deflate/i.test(c.extensions ?? '') && newFrames(w, c.id).some((f) => f.from === 'server' && isData(f) && f.rsv1),
  );

/**
 * Lesson 7: context takeover (RFC 7692 §7.1.1): the same message compressed again on one connection
 * took fewer bytes, because the compressor remembered it from last time.
 */
export const contextTakeover: LessonCheck = (w) =>
  activeConnectionIds(w).some((id) => {
    const compressed = newFrames(w, id).filter((f) => f.from === 'server' && isData(f) && f.rsv1 && f.fin && f.preview !== '');
    return compressed.some((a, i) => compressed.slice(i + 1).some((b) => b.preview === a.preview && b.payloadLength < a.payloadLength));
  });

/** Lesson 8: the lab's transports were all on the wire: polls, an event stream and a WebSocket. */
export const labTransports: LessonCheck = (w) => {
  const exchanges = newExchanges(w);
  const polls = exchanges.filter((e) => e.method === 'GET' && /\/poll\b/.test(e.url)).length;
  const sse = exchanges.some((e) => e.sseEvents > 0);
  const ws = w.connections.some((c) => c.source === 'lab' && c.kind === 'websocket' && newFrames(w, c.id).some((f) => f.from === 'server' && isData(f)));
  return polls >= 2 && sse && ws;
};

/** Lesson 8: both directions: the lab's WebSocket carried masked client frames, and HTTP clients sent POSTs. */
export const labUpstream: LessonCheck = (w) => {
  const posts = newExchanges(w).some((e) => e.method === 'POST');
  const ws = w.connections.some(
    (c) => c.source === 'lab' && c.kind === 'websocket' && newFrames(w, c.id).some((f) => f.from === 'client' && isData(f) && f.masked),
  );
  return posts && ws;
};
