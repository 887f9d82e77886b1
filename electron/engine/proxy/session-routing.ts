// Where a session's requests go, and what it answers itself when they cannot go anywhere: the
// upstream connection (opened on the first request, re-opened when a forward-proxy client moves
// to another origin), CONNECT tunnels (RFC 9110 §9.3.6), and error answers that fail the connection.
// They ask the capture store for transitions and return a verdict; the session owns its phase.
import type { HttpExchange } from '../../../shared/model';
import { nowMicros } from '../capture/clock';
import { connectRefusal } from './connect-policy';
import { connectEstablished, errorResponse } from './error-response';
import type { Verdict } from './http-tracker';
import type { ProxySession } from './proxy-session';
import { connectUpstream, formatSeconds, type UpstreamTarget } from './upstream';

export async function routeTo(session: ProxySession, target: UpstreamTarget, exchange: Readonly<HttpExchange>): Promise<Verdict> {
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
    session.store.connected(session.record, { address: socket.remoteAddress ?? target.host, port: socket.remotePort ?? target.port });
    if (tls !== null) session.store.tlsEstablished(session.record, tls);
    return 'relay';
  } catch (err) {
    const reason = (err as Error).message;
    return answer(session, 502, reason, exchange, `Could not reach the server: ${reason}.`);
  } finally {
    io.release('client', 'connecting');
  }
}

export async function openTunnel(session: ProxySession, target: UpstreamTarget, exchange: Readonly<HttpExchange>): Promise<Verdict> {
  const refused = connectRefusal(session.options.connectPolicy, target);
  if (refused !== null) return answer(session, 403, refused, exchange, `The proxy refused the tunnel: ${refused}.`);
  const verdict = await routeTo(session, target, exchange);
  if (verdict !== 'relay') return verdict;
  const response = connectEstablished();
  session.io.writeClient(response);
  session.store.countBytes(session.record, 'server', response.length);
  session.store.updateExchange(exchange, { status: 200, responseHead: response, endedAt: nowMicros() });
  session.tunnelled = true;
  session.onWaiting(false);
  return 'takeover';
}

/** Answers the client ourselves and closes: the connection failed for `error` ('stop': the session is over). */
export function answer(session: ProxySession, status: number, message: string, exchange: Readonly<HttpExchange> | null, error: string): 'stop' {
  session.onWaiting(false);
  const response = errorResponse(status, message);
  if (exchange !== null && exchange.responseHead === null) {
    session.store.updateExchange(exchange, {
      status,
      responseHead: response.bytes.slice(0, response.headLength),
      responseBodyBytes: response.bytes.length - response.headLength,
      endedAt: nowMicros(),
    });
    session.store.appendBody(exchange, 'response', response.bytes.subarray(response.headLength));
  }
  failConnection(session, error);
  session.io.answerAndClose(response.bytes);
  return 'stop';
}

/** Stops relaying mid-response: what the client got stays, both connections close, the reason is kept ('stop': the session settles its phase). */
export function abort(session: ProxySession, error: string): 'stop' {
  session.onWaiting(false);
  const pending = session.tracker.pendingExchange;
  if (pending !== null && pending.endedAt === null) session.store.updateExchange(pending, { endedAt: nowMicros() });
  failConnection(session, error);
  session.io.answerAndClose(new Uint8Array(0));
  return 'stop';
}

/** Marks the connection failed with a reason the user can read, and tells the UI (a notice). */
export function failConnection(session: ProxySession, error: string): void {
  if (!session.store.failed(session.record, error)) return;
  const s = session.record.summary;
  session.options.notice(`Connection ${s.id}${s.url ? ` (${s.url})` : ''}: ${error}`, s.id);
}

/** The response cannot be relayed as HTTP (RFC 9112 §6.3): faulty framing closes the connection;
 * relaying on blindly could hand the client's next request (for another origin) to this server. */
export function badResponse(session: ProxySession, reason: string, answerable: boolean): 'stop' {
  const error = `The server's answer cannot be relayed as HTTP: ${reason}. Both connections were closed.`;
  return answerable ? answer(session, 502, reason, session.tracker.pendingExchange, error) : abort(session, error);
}

/** Nothing arrived in time: the client's request (408) or the server's answer to an upgrade (504). */
export function timeOut(session: ProxySession): 'stop' {
  const limit = formatSeconds(session.options.handshakeTimeoutMs);
  if (session.tracker.upgrading) {
    const message = `the server did not answer the WebSocket handshake within ${limit}`;
    return answer(session, 504, message, session.tracker.pendingExchange, `The server did not answer the WebSocket handshake within ${limit}.`);
  }
  return answer(session, 408, `no complete request arrived within ${limit}`, null, `The client did not send a complete request within ${limit}.`);
}
