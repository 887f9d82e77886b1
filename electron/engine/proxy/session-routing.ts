// Where a session's requests go, and what it answers itself when they cannot go anywhere: the
// upstream connection (opened on the first request, re-opened when a forward-proxy client moves
// to another origin), CONNECT tunnels (RFC 9110 §9.3.6), and error answers that fail the connection.
import type { HttpExchange } from '../../../shared/model';
import { nowMicros } from '../capture/clock';
import { connectRefusal } from './connect-policy';
import { connectEstablished, errorResponse } from './error-response';
import type { Verdict } from './http-tracker';
import type { ProxySession } from './proxy-session';
import { connectUpstream, formatSeconds, type UpstreamTarget } from './upstream';

export async function routeTo(session: ProxySession, target: UpstreamTarget, exchange: HttpExchange): Promise<Verdict> {
  const { io } = session;
  const same = session.authority !== null && session.authority.host === target.host && session.authority.port === target.port;
  if (same && io.upstream !== null) return 'relay';
  if (io.upstream !== null) {
    // A forward-proxy client reused its connection for another origin: let the current exchanges
    // finish, then reconnect (responses must come back in order, RFC 7230 §6.3.2).
    io.hold('client', 'switch');
    await io.whenIdle(() => !session.tracker.busy);
    io.dropUpstream();
    io.release('client', 'switch');
  }
  io.hold('client', 'connecting');
  try {
    const { socket, tls } = await connectUpstream(target, session.options.handshakeTimeoutMs, session.options.trust);
    if (session.phase === 'closed' || io.closed) {
      socket.destroy();
      return 'stop';
    }
    session.authority = { host: target.host, port: target.port };
    io.attachUpstream(socket);
    const s = session.record.summary;
    s.server = { address: socket.remoteAddress ?? target.host, port: socket.remotePort ?? target.port };
    if (tls !== null) s.tls = tls;
    if (s.state === 'connecting' && s.kind !== 'websocket') s.state = 'open';
    session.store.touch(session.record);
    return 'relay';
  } catch (err) {
    const reason = (err as Error).message;
    return answer(session, 502, reason, exchange, `Could not reach the server: ${reason}.`);
  } finally {
    io.release('client', 'connecting');
  }
}

export async function openTunnel(session: ProxySession, target: UpstreamTarget, exchange: HttpExchange): Promise<Verdict> {
  const refused = connectRefusal(session.options.connectPolicy, target);
  if (refused !== null) return answer(session, 403, refused, exchange, `The proxy refused the tunnel: ${refused}.`);
  const verdict = await routeTo(session, target, exchange);
  if (verdict !== 'relay') return verdict;
  const response = connectEstablished();
  session.io.writeClient(response);
  session.record.summary.counters.server.bytes += response.length;
  exchange.status = 200;
  exchange.responseHead = response;
  exchange.endedAt = nowMicros();
  session.store.touchExchange(exchange);
  session.tunnelled = true;
  session.onWaiting(false);
  return 'takeover';
}

/** Answers the client ourselves and closes: the connection failed for `error`. */
export function answer(session: ProxySession, status: number, message: string, exchange: HttpExchange | null, error: string): 'stop' {
  session.onWaiting(false);
  const response = errorResponse(status, message);
  if (exchange !== null && exchange.responseHead === null) {
    exchange.status = status;
    exchange.responseHead = response.bytes.slice(0, response.headLength);
    exchange.responseBodyBytes = response.bytes.length - response.headLength;
    exchange.endedAt = nowMicros();
    session.store.touchExchange(exchange);
  }
  failConnection(session, error);
  session.phase = 'closed';
  session.io.answerAndClose(response.bytes);
  return 'stop';
}

/** Stops relaying mid-response: what the client got stays, both connections close, the reason is kept. */
export function abort(session: ProxySession, error: string): void {
  session.onWaiting(false);
  const pending = session.tracker.pendingExchange;
  if (pending !== null && pending.endedAt === null) {
    pending.endedAt = nowMicros();
    session.store.touchExchange(pending);
  }
  failConnection(session, error);
  session.phase = 'closed';
  session.io.answerAndClose(new Uint8Array(0));
}

/** Marks the connection failed with a reason the user can read, and tells the UI (a notice). */
export function failConnection(session: ProxySession, error: string): void {
  const s = session.record.summary;
  if (s.state === 'failed') return;
  s.state = 'failed';
  s.error = error;
  session.store.touch(session.record);
  session.options.notice(`Connection ${s.id}${s.url ? ` (${s.url})` : ''}: ${error}`, s.id);
}

/** The response cannot be relayed as HTTP (RFC 9112 §6.3): faulty framing closes the connection;
 * relaying on blindly could hand the client's next request (for another origin) to this server. */
export function badResponse(session: ProxySession, reason: string, answerable: boolean): void {
  const error = `The server's answer cannot be relayed as HTTP: ${reason}. Both connections were closed.`;
  if (answerable) answer(session, 502, reason, session.tracker.pendingExchange, error);
  else abort(session, error);
}

/** Nothing arrived in time: the client's request (408) or the server's answer to an upgrade (504). */
export function timeOut(session: ProxySession): void {
  const limit = formatSeconds(session.options.handshakeTimeoutMs);
  if (session.tracker.upgrading) {
    const message = `the server did not answer the WebSocket handshake within ${limit}`;
    answer(session, 504, message, session.tracker.pendingExchange, `The server did not answer the WebSocket handshake within ${limit}.`);
  } else {
    answer(session, 408, `no complete request arrived within ${limit}`, null, `The client did not send a complete request within ${limit}.`);
  }
}
