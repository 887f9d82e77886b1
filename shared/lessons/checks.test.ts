// Every check starts ✗ (empty capture), passes on the traffic its task produces, and stays ✗ on a
// plausible wrong traffic — so a ✓ in class means the wire showed it.
import { describe, expect, it } from 'vitest';
import { CHECKS, LESSONS, visibleSteps, type CheckId } from './lessons';
import { connection as conn, exchange, frame, handshake, world } from './test-world';
import type { LessonWorld } from './world';

const close = (id: number, from: 'client' | 'server', code: number) => frame(id, from, { opcode: 8, preview: String(code), payloadLength: 2 });
const data = (id: number, from: 'client' | 'server', over = {}) => frame(id, from, over);

const cases: Record<CheckId, { right: () => LessonWorld; wrong: () => LessonWorld }> = {
  persistentConnection: {
    right: () => world({ connections: [conn(1)], frames: [1, 2, 3].flatMap(() => [data(1, 'client'), data(1, 'server')]) }),
    // Three connections of one exchange each: what HTTP/1.0-style request/response looks like.
    wrong: () => world({ connections: [conn(1), conn(2), conn(3)], frames: [1, 2, 3].flatMap((id) => [data(id, 'client'), data(id, 'server')]) }),
  },
  serverPush: {
    right: () => world({ connections: [conn(1), conn(2)], frames: [data(1, 'client'), data(1, 'server'), data(2, 'server')] }),
    // An echo: every server message answers one of the client's.
    wrong: () => world({ connections: [conn(1)], frames: [data(1, 'client'), data(1, 'server'), data(1, 'client'), data(1, 'server')] }),
  },
  handshakeSeen: {
    right: () => world({ connections: [conn(1)], handshakes: { 1: handshake({}) } }),
    // The Accept did not match the key: a client must fail this connection (RFC 6455 §4.1).
    wrong: () => world({ connections: [conn(1)], handshakes: { 1: handshake({}, { acceptOk: false }) } }),
  },
  crossOriginAccepted: {
    right: () => world({ connections: [conn(1)], handshakes: { 1: handshake({ Origin: 'http://evil.example' }) } }),
    // Same origin as the Host, and a foreign origin the server refused.
    wrong: () =>
      world({
        connections: [conn(1), conn(2, { state: 'failed' })],
        handshakes: { 1: handshake({ Origin: 'http://127.0.0.1:9000' }), 2: handshake({ Origin: 'http://evil.example' }, { status: 403, acceptOk: null }) },
      }),
  },
  handshakeRefused: {
    right: () => world({ connections: [conn(1, { state: 'failed' })], handshakes: { 1: handshake({}, { status: 400, acceptOk: null }) } }),
    // A refused TCP connection or an upstream failure (502) is not the server refusing the handshake.
    wrong: () => world({ connections: [conn(1, { state: 'failed' }), conn(2, { state: 'failed' })], handshakes: { 1: handshake({}, { status: 502, acceptOk: null }), 2: handshake({}, { status: null, acceptOk: null }) } }),
  },
  subprotocolAgreed: {
    right: () => world({ connections: [conn(1, { subprotocol: 'demo.v1' })], handshakes: { 1: handshake({ 'Sec-WebSocket-Protocol': 'demo.v1' }, { offeredSubprotocols: ['demo.v1'] }) } }),
    // Offered, but the server answered without choosing one.
    wrong: () => world({ connections: [conn(1)], handshakes: { 1: handshake({ 'Sec-WebSocket-Protocol': 'demo.v1' }, { offeredSubprotocols: ['demo.v1'] }) } }),
  },
  socketIoUpgrade: {
    right: () =>
      world({
        connections: [conn(1, { kind: 'http' }), conn(2, { url: 'ws://127.0.0.1:9000/socket.io/?EIO=4&transport=websocket&sid=abc' })],
        exchanges: [exchange(1, { url: '/socket.io/?EIO=4&transport=polling&t=x' }), exchange(2, { url: '/socket.io/?EIO=4&transport=polling&t=y&sid=abc' })],
        frames: [data(2, 'client', { preview: '2probe' }), data(2, 'server', { preview: '3probe' }), data(2, 'client', { preview: '5' })],
      }),
    // Forced to stay on polling: the polls are there, the upgrade probe never is.
    wrong: () =>
      world({
        connections: [conn(1, { kind: 'http' })],
        exchanges: [exchange(1, { url: '/socket.io/?EIO=4&transport=polling&t=x' }), exchange(2, { url: '/socket.io/?EIO=4&transport=polling&t=y&sid=abc' })],
      }),
  },
  threeLengthEncodings: {
    right: () => world({ connections: [conn(1)], frames: [125, 126, 65_536].map((n) => data(1, 'client', { payloadLength: n })) }),
    // The same sizes from the server (unmasked), and sizes that stay in two encodings.
    wrong: () =>
      world({
        connections: [conn(1)],
        frames: [...[125, 126, 65_536].map((n) => data(1, 'server', { payloadLength: n })), ...[100, 1000, 60_000].map((n) => data(1, 'client', { payloadLength: n }))],
      }),
  },
  clientMasksServerDoesNot: {
    right: () => world({ connections: [conn(1)], frames: [data(1, 'client'), data(1, 'server')] }),
    // A server that masks its frames (RFC 6455 §5.1 forbids it).
    wrong: () => world({ connections: [conn(1)], frames: [data(1, 'client'), data(1, 'server', { masked: true })] }),
  },
  fragmentedMessage: {
    right: () => world({ connections: [conn(1)], frames: [data(1, 'client', { fin: false }), data(1, 'client', { opcode: 0, fin: false }), data(1, 'client', { opcode: 0 })] }),
    // Whole messages only, and a fragment the peer flagged (a new message before the last fragment).
    wrong: () =>
      world({ connections: [conn(1)], frames: [data(1, 'client'), data(1, 'client', { fin: false }), data(1, 'client', { opcode: 1 }), data(1, 'client', { opcode: 0, violationCount: 1 })] }),
  },
  controlBetweenFragments: {
    right: () =>
      world({ connections: [conn(1)], frames: [data(1, 'client', { fin: false }), data(1, 'client', { opcode: 9 }), data(1, 'server', { opcode: 10 }), data(1, 'client', { opcode: 0 })] }),
    // Fragments with no control frame between them, and a fragmented ping (a violation, §5.5).
    wrong: () =>
      world({
        connections: [conn(1), conn(2)],
        frames: [data(1, 'client', { fin: false }), data(1, 'client', { opcode: 0 }), data(2, 'client', { fin: false }), data(2, 'client', { opcode: 9, fin: false, violationCount: 1 }), data(2, 'client', { opcode: 0, violationCount: 1 })],
      }),
  },
  pingPong: {
    right: () => world({ connections: [conn(1)], frames: [data(1, 'client', { opcode: 9, preview: 'hi' }), data(1, 'server', { opcode: 10, preview: 'hi' })] }),
    // A ping nobody answered, and an unsolicited pong.
    wrong: () => world({ connections: [conn(1)], frames: [data(1, 'server', { opcode: 10, preview: 'x' }), data(1, 'client', { opcode: 9, preview: 'hi' })] }),
  },
  craftedPingPong: {
    right: () => world({ connections: [conn(1)], frames: [data(1, 'client', { opcode: 9, preview: 'are you there?', injected: true }), data(1, 'server', { opcode: 10, preview: 'are you there?' })] }),
    // The built-in client's own ping, not one the student crafted.
    wrong: () => world({ connections: [conn(1)], frames: [data(1, 'client', { opcode: 9, preview: 'hi' }), data(1, 'server', { opcode: 10, preview: 'hi' })] }),
  },
  cleanClose: {
    right: () => world({ connections: [conn(1)], frames: [close(1, 'client', 1000), close(1, 'server', 1000)] }),
    // The client closed, the server never answered (TCP simply dropped).
    wrong: () => world({ connections: [conn(1)], frames: [data(1, 'client'), close(1, 'client', 1000)] }),
  },
  serverClosed1002: {
    right: () => world({ connections: [conn(1)], frames: [data(1, 'client', { rsv1: true, violationCount: 1 }), close(1, 'server', 1002), close(1, 'client', 1002)] }),
    // The client closed with 1002 itself; the server only echoed.
    wrong: () => world({ connections: [conn(1)], frames: [data(1, 'client'), close(1, 'client', 1002), close(1, 'server', 1000)] }),
  },
  deflateNegotiated: {
    right: () => world({ connections: [conn(1, { extensions: 'permessage-deflate' })], frames: [data(1, 'server', { rsv1: true })] }),
    // Offered but not agreed: the server answered without the extension.
    wrong: () => world({ connections: [conn(1)], frames: [data(1, 'server')] }),
  },
  contextTakeover: {
    right: () =>
      world({ connections: [conn(1, { extensions: 'permessage-deflate' })], frames: [data(1, 'server', { rsv1: true, preview: 'abcabc', payloadLength: 20 }), data(1, 'server', { rsv1: true, preview: 'abcabc', payloadLength: 7 })] }),
    // server_no_context_takeover: the same message costs the same every time.
    wrong: () =>
      world({ connections: [conn(1, { extensions: 'permessage-deflate; server_no_context_takeover' })], frames: [data(1, 'server', { rsv1: true, preview: 'abcabc', payloadLength: 20 }), data(1, 'server', { rsv1: true, preview: 'abcabc', payloadLength: 20 })] }),
  },
  labTransports: {
    right: () =>
      world({
        connections: [conn(1, { kind: 'http', source: 'lab' }), conn(2, { source: 'lab' })],
        exchanges: [exchange(1), exchange(2), exchange(3, { url: '/sse', sseEvents: 4 })],
        frames: [data(2, 'server')],
      }),
    // Polls only: the push transports never ran.
    wrong: () => world({ connections: [conn(1, { kind: 'http', source: 'lab' })], exchanges: [exchange(1), exchange(2), exchange(3)] }),
  },
  labUpstream: {
    right: () => world({ connections: [conn(1, { source: 'lab' })], exchanges: [exchange(1, { method: 'POST', url: '/up' })], frames: [data(1, 'server'), data(1, 'client')] }),
    // A one-way run: the server pushes, nothing goes up.
    wrong: () => world({ connections: [conn(1, { source: 'lab' })], exchanges: [exchange(1)], frames: [data(1, 'server', { masked: false })] }),
  },
};

describe('lesson checks', () => {
  for (const [id, c] of Object.entries(cases) as Array<[CheckId, (typeof cases)[CheckId]]>) {
    it(`${id}: ✗ on an empty capture, ✓ on its traffic, ✗ on a plausible wrong traffic`, () => {
      expect(CHECKS[id](world({}))).toBe(false);
      expect(CHECKS[id](c.right())).toBe(true);
      expect(CHECKS[id](c.wrong())).toBe(false);
    });
  }

  it('only counts traffic since the step began', () => {
    const right = cases.persistentConnection.right();
    const last = right.frames[right.frames.length - 1]!;
    expect(CHECKS.persistentConnection({ ...right, since: { connectionId: 0, frameId: last.id, exchangeId: 0 } })).toBe(false);
    const h = cases.handshakeSeen.right();
    expect(CHECKS.handshakeSeen({ ...h, since: { connectionId: 1, frameId: 0, exchangeId: 0 } })).toBe(false);
  });

  it('every step names a check that exists, and every check is used by a step', () => {
    const used = new Set(LESSONS.flatMap((l) => l.steps.map((s) => s.check)));
    expect([...used].sort()).toEqual(Object.keys(CHECKS).sort());
    expect(LESSONS).toHaveLength(9);
  });

  it('leaves out the Socket.IO step until the engine has that demo server', () => {
    const lesson = LESSONS.find((l) => l.id === 'subprotocols')!;
    expect(visibleSteps(lesson, ['echo', 'strict']).map((s) => s.id)).toEqual(['refused', 'agreed']);
    expect(visibleSteps(lesson, ['echo', 'socketio']).map((s) => s.id)).toEqual(['refused', 'agreed', 'socketio']);
  });
});
