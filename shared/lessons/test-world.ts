// Builders for the checks' unit tests: small worlds of connections, frames and exchanges, shaped
// as the capture store reports them, so each check is fed both the traffic it looks for and a
// plausible wrong traffic that must stay ✗.
import type { ConnectionSummary, FrameSummary, HttpExchange } from '../model';
import type { LessonHandshake, LessonWorld } from './world';

export function connection(id: number, over: Partial<ConnectionSummary> = {}): ConnectionSummary {
  const counters = { frames: 0, bytes: 0, messages: 0 };
  return {
    id,
    kind: 'websocket',
    source: 'client',
    url: `ws://127.0.0.1:9000/`,
    state: 'open',
    client: { address: '127.0.0.1', port: 50000 + id },
    server: { address: '127.0.0.1', port: 9001 },
    subprotocol: null,
    extensions: null,
    openedAt: 0,
    closedAt: null,
    closeCode: null,
    closeReason: null,
    error: null,
    counters: { client: counters, server: counters },
    violations: 0,
    controllable: true,
    ...over,
  };
}

let nextId = 100;

/** A frame row; header length follows RFC 6455 §5.2 from the payload length and the mask. */
export function frame(connectionId: number, from: 'client' | 'server', over: Partial<FrameSummary> = {}): FrameSummary {
  const masked = over.masked ?? from === 'client';
  const payloadLength = over.payloadLength ?? 5;
  const lengthBytes = payloadLength < 126 ? 2 : payloadLength < 65536 ? 4 : 10;
  return {
    id: nextId++,
    connectionId,
    from,
    index: 0,
    time: nextId,
    offset: 0,
    fin: true,
    rsv1: false,
    rsv2: false,
    rsv3: false,
    opcode: 1,
    masked,
    payloadLength,
    headerLength: lengthBytes + (masked ? 4 : 0),
    preview: 'hello',
    messageId: nextId,
    injected: false,
    incomplete: false,
    violationCount: 0,
    ...over,
  };
}

export function exchange(id: number, over: Partial<HttpExchange> = {}): HttpExchange {
  return {
    id,
    connectionId: 1,
    method: 'GET',
    url: '/poll?client=1',
    status: 200,
    requestHead: new Uint8Array(),
    responseHead: null,
    requestBodyBytes: 0,
    responseBodyBytes: 0,
    startedAt: 0,
    endedAt: 1,
    sseEvents: 0,
    ...over,
  };
}

export function handshake(headers: Record<string, string>, over: Partial<LessonHandshake> = {}): LessonHandshake {
  return {
    requestHeaders: Object.entries({ Host: '127.0.0.1:9000', Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers }),
    status: 101,
    acceptOk: true,
    offeredSubprotocols: [],
    ...over,
  };
}

export function world(parts: Partial<LessonWorld>): LessonWorld {
  return { since: { connectionId: 0, frameId: 0, exchangeId: 0 }, connections: [], frames: [], exchanges: [], handshakes: {}, ...parts };
}
