// What happens to a relayed connection when the server answers an upgrade request: a 101 to a
// WebSocket handshake opens the frame decoders (RFC 6455 §4.1: "the connection is in the OPEN
// state"); a 101 to another protocol leaves an opaque tunnel; any other status refuses the upgrade
// and is recorded with the reason (a 403 for a bad Origin, say, §4.2.2 / §10.2).
import type { Peer } from '../../../shared/model';
import type { HttpHead } from '../../../shared/protocol/index';
import { buildHandshake } from '../capture/handshake-detail';
import { WsDirectionRecorder } from '../capture/ws-recorder';
import { isWebSocketUpgrade } from './http-rules';
import type { ProxySession } from './proxy-session';
import { RelayPump } from './relay-pump';

export function switchProtocols(
  session: ProxySession,
  request: HttpHead,
  response: HttpHead,
  clientBytes: Uint8Array[],
  serverRest: Uint8Array,
  time: number,
): void {
  const { record, store, io } = session;
  const s = record.summary;
  if (!isWebSocketUpgrade(request)) {
    s.kind = 'tunnel';
    s.state = 'open';
    session.phase = 'tunnel';
    store.touch(record);
    return;
  }
  const handshake = buildHandshake(request, response);
  record.handshake = handshake.detail;
  record.deflate = handshake.deflate;
  s.kind = 'websocket';
  s.state = 'open';
  s.subprotocol = handshake.detail.subprotocol;
  s.extensions = handshake.extensionsValue;
  s.violations += handshake.detail.violations.length;
  // Counters describe the WebSocket stream, after the handshake (model.ts DirectionCounters).
  for (const peer of ['client', 'server'] as Peer[]) Object.assign(s.counters[peer], { frames: 0, bytes: 0, messages: 0 });
  const recorders: Record<Peer, WsDirectionRecorder> = {
    client: new WsDirectionRecorder(store, record, 'client', handshake.deflate),
    server: new WsDirectionRecorder(store, record, 'server', handshake.deflate),
  };
  session.recorders = recorders;
  session.pumps = {
    client: new RelayPump(recorders.client, (bytes, done) => io.writeUpstream(bytes, done)),
    server: new RelayPump(recorders.server, (bytes, done) => io.writeClient(bytes, done)),
  };
  session.phase = 'websocket';
  // These bytes were relayed already; only the decoders still need them.
  for (const chunk of clientBytes) recorders.client.push(chunk, time);
  if (serverRest.length > 0) recorders.server.push(serverRest, time);
  store.touch(record);
}

export function refuseUpgrade(session: ProxySession, request: HttpHead, response: HttpHead, notice: (message: string) => void): void {
  const { record, store } = session;
  const s = record.summary;
  if (isWebSocketUpgrade(request)) {
    const handshake = buildHandshake(request, response);
    record.handshake = handshake.detail;
    s.violations += handshake.detail.violations.length;
  }
  const status = response.response;
  const error = `The server answered ${status?.status ?? '?'}${status?.reason ? ` ${status.reason}` : ''} instead of 101 Switching Protocols, so no WebSocket was opened.`;
  if (s.state !== 'failed') {
    s.state = 'failed';
    s.error = error;
    notice(`Connection ${s.id} (${s.url}): ${error}`);
  }
  store.touch(record);
}
