// What happens to a relayed connection when the server answers an upgrade request: a 101 to a
// WebSocket handshake opens the frame decoders (RFC 6455 §4.1: "the connection is in the OPEN
// state"); a 101 to another protocol leaves an opaque tunnel; any other status refuses the upgrade
// and is recorded with the reason (a 403 for a bad Origin, say, §4.2.2 / §10.2). These helpers ask
// the capture store for the transitions and return what the session becomes; the session owns its phase.
import type { Peer } from '../../../shared/model';
import type { HttpHead } from '../../../shared/protocol/index';
import type { CaptureStore, ConnectionRecord } from '../capture/capture-store';
import { buildHandshake } from '../capture/handshake-detail';
import { WsDirectionRecorder } from '../capture/ws-recorder';
import { isWebSocketUpgrade } from './http-rules';
import { RelayPump } from './relay-pump';
import type { SessionSockets } from './session-sockets';

export type SwitchResult =
  | { phase: 'tunnel' }
  | { phase: 'websocket'; recorders: Record<Peer, WsDirectionRecorder>; pumps: Record<Peer, RelayPump> };

export function switchProtocols(
  store: CaptureStore,
  record: ConnectionRecord,
  io: SessionSockets,
  request: HttpHead,
  response: HttpHead,
  clientBytes: Uint8Array[],
  serverRest: Uint8Array,
  time: number,
): SwitchResult {
  if (!isWebSocketUpgrade(request)) {
    store.tunnelled(record, true);
    return { phase: 'tunnel' };
  }
  const handshake = buildHandshake(request, response);
  store.upgraded(record, handshake);
  const recorders: Record<Peer, WsDirectionRecorder> = {
    client: new WsDirectionRecorder(store, record, 'client', handshake.deflate),
    server: new WsDirectionRecorder(store, record, 'server', handshake.deflate),
  };
  const pumps = {
    client: new RelayPump(recorders.client, (bytes, done) => io.writeUpstream(bytes, done)),
    server: new RelayPump(recorders.server, (bytes, done) => io.writeClient(bytes, done)),
  };
  // These bytes were relayed already; only the decoders still need them.
  for (const chunk of clientBytes) recorders.client.push(chunk, time);
  if (serverRest.length > 0) recorders.server.push(serverRest, time);
  return { phase: 'websocket', recorders, pumps };
}

/** Records the refusal; returns the error to tell the user, or null when the connection had failed already. */
export function refuseUpgrade(store: CaptureStore, record: ConnectionRecord, request: HttpHead, response: HttpHead): string | null {
  const handshake = isWebSocketUpgrade(request) ? buildHandshake(request, response) : null;
  const status = response.response;
  const error = `The server answered ${status?.status ?? '?'}${status?.reason ? ` ${status.reason}` : ''} instead of 101 Switching Protocols, so no WebSocket was opened.`;
  return store.refused(record, handshake, error) ? `Connection ${record.summary.id} (${record.summary.url}): ${error}` : null;
}
