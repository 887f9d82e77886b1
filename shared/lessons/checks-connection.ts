// Checks over connections and handshakes: one persistent connection (lesson 1), the opening
// handshake and Origin (lesson 2), subprotocols and Socket.IO's upgrade (lesson 9).
import { activeConnectionIds, header, isData, isMessageEnd, newConnections, newExchanges, newFrames, type LessonCheck, type LessonHandshake } from './world';

/** Lesson 1: three messages each way over ONE connection (HTTP/1.1 would need a request per message). */
export const persistentConnection: LessonCheck = (w) =>
  activeConnectionIds(w).some((id) => {
    const frames = newFrames(w, id).filter(isMessageEnd);
    return frames.filter((f) => f.from === 'client').length >= 3 && frames.filter((f) => f.from === 'server').length >= 3;
  });

/**
 * Lesson 1: the server spoke first. A connection received a data message while its own client sent
 * nothing (a chat broadcast) — what plain HTTP cannot do: a response only ever answers a request.
 */
export const serverPush: LessonCheck = (w) =>
  activeConnectionIds(w).some((id) => {
    const frames = newFrames(w, id);
    return frames.some((f) => f.from === 'server' && isData(f)) && !frames.some((f) => f.from === 'client');
  });

function switched(h: LessonHandshake | undefined): h is LessonHandshake {
  return h !== undefined && h.status === 101 && h.acceptOk === true;
}

/** Lesson 2: Upgrade: websocket, Connection: Upgrade, 101 and an Accept that matches the key (RFC 6455 §4.2.2). */
export const handshakeSeen: LessonCheck = (w) =>
  newConnections(w).some((c) => {
    const h = w.handshakes[c.id];
    if (!switched(h)) return false;
    return /websocket/i.test(header(h, 'Upgrade') ?? '') && /upgrade/i.test(header(h, 'Connection') ?? '') && header(h, 'Sec-WebSocket-Key') !== null;
  });

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Lesson 2: a handshake from another origin was accepted. The same-origin policy does not apply to
 * WebSocket (RFC 6455 §10.2: the server is told the Origin and must decide itself), so a server
 * that does not check it talks to any page on the web.
 */
export const crossOriginAccepted: LessonCheck = (w) =>
  newConnections(w).some((c) => {
    const h = w.handshakes[c.id];
    if (!switched(h)) return false;
    const origin = header(h, 'Origin');
    const host = header(h, 'Host');
    const from = origin === null ? null : originHost(origin);
    return from !== null && host !== null && from !== host.toLowerCase();
  });

/** Lesson 9: a server refused a handshake (the strict demo answers 400 without its subprotocol). */
export const handshakeRefused: LessonCheck = (w) =>
  newConnections(w).some((c) => {
    const status = w.handshakes[c.id]?.status ?? null;
    return status !== null && status >= 400 && status < 500;
  });

/** Lesson 9: the client offered subprotocols and the server picked one of them (RFC 6455 §4.2.2, §11.3.4). */
export const subprotocolAgreed: LessonCheck = (w) =>
  newConnections(w).some((c) => {
    const h = w.handshakes[c.id];
    return switched(h) && c.subprotocol !== null && h.offeredSubprotocols.includes(c.subprotocol);
  });

const SOCKET_IO_POLLING = /\/socket\.io\/\?(?=.*\bEIO=4\b)(?=.*\btransport=polling\b)/;
const SOCKET_IO_WEBSOCKET = /\/socket\.io\/\?(?=.*\bEIO=4\b)(?=.*\btransport=websocket\b)/;

/**
 * Lesson 9: Socket.IO began on HTTP long polling and upgraded: Engine.IO's polling requests, then a
 * WebSocket to the same path with transport=websocket carrying the probe ("2probe" → "3probe").
 */
export const socketIoUpgrade: LessonCheck = (w) => {
  if (!newExchanges(w).some((e) => SOCKET_IO_POLLING.test(e.url))) return false;
  return w.connections.some((c) => {
    if (c.kind !== 'websocket' || !SOCKET_IO_WEBSOCKET.test(c.url)) return false;
    const frames = newFrames(w, c.id);
    const probe = frames.findIndex((f) => f.from === 'client' && f.preview === '2probe');
    return probe >= 0 && frames.slice(probe + 1).some((f) => f.from === 'server' && f.preview === '3probe');
  });
};
