// What the crafter needs to know about a target connection: can frames go in, and what did the
// handshake negotiate that changes how a peer reads them (permessage-deflate, RFC 7692).
import type { ConnectionSummary, Peer } from '../../../../shared/model';
import { deflateFor, parseDeflateParams, type DeflateParams } from '../../../../shared/protocol/extensions';
import { sourceLabel } from '../timeline/source-label';

/** Frames can only enter an open WebSocket connection. */
export function isInjectable(c: ConnectionSummary): boolean {
  return c.kind === 'websocket' && c.state === 'open';
}

export function injectableConnections(connections: ReadonlyMap<number, ConnectionSummary>): ConnectionSummary[] {
  return [...connections.values()].filter(isInjectable).sort((a, b) => b.id - a.id);
}

export function negotiatedDeflate(c: ConnectionSummary | null): DeflateParams | null {
  if (c === null || c.extensions === null) return null;
  const params = parseDeflateParams(c.extensions, 'response');
  return 'error' in params ? null : params;
}

/**
 * With context takeover (the default, RFC 7692 §7.1.1), the receiver keeps its inflate window
 * across messages. An injected compressed message enters that window, but the real sender's
 * compressor never saw it: its next back-references point at the wrong bytes.
 */
export function injectionBreaksContext(params: DeflateParams | null, from: Peer): boolean {
  return params !== null && !deflateFor(from, params).noContextTakeover;
}

export function connectionLabel(c: ConnectionSummary): string {
  return `#${c.id} ${c.url} · ${sourceLabel(c.source)}`;
}
