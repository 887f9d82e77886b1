// Socket.IO's two sessions (labSocketIo's recording) as figures for `framescope lab --json`: per
// session the order of transports, Engine.IO packets counted by type, bytes on the wire per
// transport and the time to upgrade; and the notes' two claims about Socket.IO, each checked
// against one session so that the other session (the wrong world for it) fails it.
import { EIO_PACKET_KINDS, labVerdict, type EioPacketKind, type LabClaimCheck, type SocketIoCarrier, type SocketIoMode, type SocketIoRecording } from '../../../../shared/api';

type Transport = SocketIoCarrier['transport'];
type Counts = Record<EioPacketKind, number>;

export interface SocketIoSessionFigures {
  mode: SocketIoMode;
  sid: string | null;
  /** The transports that carried the session's packets, in order (runs collapsed; the WebSocket handshake, the probe and noops, which run beside polling, are left out). */
  transports: Transport[];
  /** Engine.IO packets by type, over the whole session. */
  packets: Counts;
  /** The same, split by the transport that carried them. */
  packetsByTransport: Record<Transport, Counts>;
  /** Bytes on the wire as the capture proxy counted them: HTTP heads and bodies; the WebSocket handshake, frame headers and payloads. */
  wireBytes: Record<Transport, number>;
  /** From the handshake request (the GET that got `0{"sid":…}`) to the client's `5` (upgrade), in ms; null without an upgrade. */
  upgradeMs: number | null;
  requests: number;
  frames: number;
  connections: number;
  heartbeats: number;
}

const BESIDE = new Set<EioPacketKind>(['probe-ping', 'probe-pong', 'noop']);
const zero = (): Counts => Object.fromEntries(EIO_PACKET_KINDS.map((k) => [k, 0])) as Counts;
const ms = (us: number) => Math.round(us / 100) / 10;

export function sessionFigures(rec: Pick<SocketIoRecording, 'carriers' | 'sessions'>, mode: SocketIoMode): SocketIoSessionFigures {
  const mine = rec.carriers.filter((c) => c.session === mode).sort((a, b) => a.start - b.start);
  const session = rec.sessions.find((s) => s.mode === mode);
  const packets = zero();
  const packetsByTransport: Record<Transport, Counts> = { polling: zero(), websocket: zero() };
  const wireBytes: Record<Transport, number> = { polling: 0, websocket: 0 };
  const transports: Transport[] = [];
  for (const c of mine) {
    wireBytes[c.transport] += c.bytes;
    for (const p of c.packets) {
      packets[p.kind]++;
      packetsByTransport[c.transport][p.kind]++;
    }
    // The WebSocket's handshake and the probe run beside polling, which carries the session until
    // the client's `5`; a poll answered with a noop (`6`) only ends polling. Neither moves the session.
    const carries = c.packets.some((p) => !BESIDE.has(p.kind));
    if (carries && transports[transports.length - 1] !== c.transport) transports.push(c.transport);
  }
  const open = mine.find((c) => c.packets.some((p) => p.kind === 'open'));
  const upgrade = mine.find((c) => c.from === 'client' && c.packets.some((p) => p.kind === 'upgrade'));
  return {
    mode,
    sid: session?.sid ?? null,
    transports,
    packets,
    packetsByTransport,
    wireBytes,
    upgradeMs: open && upgrade ? ms(upgrade.start - open.start) : null,
    requests: mine.filter((c) => c.carrier === 'get' || c.carrier === 'post').length,
    frames: mine.filter((c) => c.carrier === 'frame').length,
    connections: new Set(mine.map((c) => c.connectionId)).size,
    heartbeats: packets.ping,
  };
}

/**
 * The notes: "我们可以使用它完成向WebSocket的切换" — Socket.IO carries a session over to WebSocket.
 * Holds when the session began on HTTP long polling, probed (2probe/3probe), sent 5, and then
 * carried packets in frames (a heartbeat at least); a session kept on polling fails it.
 */
export function upgradeClaim(s: SocketIoSessionFigures): LabClaimCheck {
  const base = {
    id: 'socketio-upgrade' as const,
    metric: 'transport' as const,
    source: 'notes' as const,
    claim: 'Socket.IO can switch a session over to WebSocket.',
    expected: 'transports polling → websocket; 2probe, 3probe and 5 on the WebSocket; heartbeats in frames after the upgrade',
    explanation:
      'Engine.IO opens every session with HTTP long polling (the 0{"sid":…} handshake in a GET response), then tries a WebSocket beside it: the client sends 2probe, the server answers 3probe, the client sends 5 and stops polling.',
  };
  const ws = s.packetsByTransport.websocket;
  const measured = `transports ${s.transports.join(' → ') || 'none'}; probe ${ws['probe-ping']}/${ws['probe-pong']}, upgrade ${ws.upgrade}; ${ws.ping} heartbeats on WebSocket${s.upgradeMs === null ? '' : `; upgraded after ${s.upgradeMs} ms`}`;
  const params = { transports: s.transports.join(' → '), upgradeMs: s.upgradeMs, wsHeartbeats: ws.ping };
  if (s.packets.open === 0) return { ...base, measured: 'no handshake was captured', agrees: null, params };
  const agrees = s.transports[0] === 'polling' && s.transports[s.transports.length - 1] === 'websocket' && ws['probe-ping'] >= 1 && ws['probe-pong'] >= 1 && ws.upgrade >= 1 && ws.ping >= 1;
  return { ...base, measured, agrees, params };
}

/**
 * The notes: "并不是所有的浏览器都支持 WebSocket，所以该库支持一系列降级功能……保持类似长连接的功能" —
 * without WebSocket, Socket.IO falls back to long polling and still keeps a long-lived session.
 * Holds when the session never used a WebSocket yet carried its handshake, heartbeats both ways
 * (ping in a GET response, pong in a POST) and its Socket.IO messages; a session that upgraded fails it.
 */
export function fallbackClaim(s: SocketIoSessionFigures): LabClaimCheck {
  const base = {
    id: 'socketio-fallback' as const,
    metric: 'transport' as const,
    source: 'notes' as const,
    claim: 'Where WebSocket cannot be used, Socket.IO falls back to HTTP long polling and keeps the session alive.',
    expected: 'transports polling only, no frames; the handshake, ≥ 1 ping and ≥ 1 pong, and ≥ 2 messages (connect, event) all in HTTP requests',
    explanation:
      'A session told transports: ["polling"] (as behind a proxy that blocks WebSocket) keeps one long-poll GET waiting for the server and sends with POSTs; heartbeats and events travel in their bodies, so it behaves like a persistent connection at the price of a request per turn.',
  };
  const poll = s.packetsByTransport.polling;
  const measured = `transports ${s.transports.join(' → ') || 'none'}; ${s.requests} HTTP requests over ${s.connections} TCP connections, ${s.frames} frames; ${poll.ping} pings, ${poll.pong} pongs, ${poll.message} messages in HTTP bodies`;
  const params = { transports: s.transports.join(' → '), requests: s.requests, connections: s.connections, frames: s.frames, pings: poll.ping, pongs: poll.pong, messages: poll.message };
  if (s.packets.open === 0) return { ...base, measured: 'no handshake was captured', agrees: null, params };
  const agrees = s.transports.length === 1 && s.transports[0] === 'polling' && s.frames === 0 && poll.open >= 1 && poll.ping >= 1 && poll.pong >= 1 && poll.message >= 2;
  return { ...base, measured, agrees, params };
}

const claimJson = (c: LabClaimCheck) => ({ id: c.id, metric: c.metric, source: c.source, claim: c.claim, verdict: labVerdict(c), measured: c.measured, expected: c.expected });

/** The notes' two claims, each judged on its own session (the app's Lab shows them; so does `lab --json`). */
export function socketIoClaims(rec: Pick<SocketIoRecording, 'carriers' | 'sessions'>): LabClaimCheck[] {
  return [upgradeClaim(sessionFigures(rec, 'upgrade')), fallbackClaim(sessionFigures(rec, 'polling'))];
}

/** The `socketIo` field of `framescope lab --json` (on WebSocket's object, like `concurrency`). */
export function socketIoJson(rec: SocketIoRecording): object {
  return {
    pingIntervalMs: rec.pingIntervalMs,
    sessions: [sessionFigures(rec, 'upgrade'), sessionFigures(rec, 'polling')],
    claims: rec.claims.map(claimJson),
  };
}

/** Lines for the table of `framescope lab`. */
export function socketIoLines(rec: SocketIoRecording): string[] {
  const figures = [sessionFigures(rec, 'upgrade'), sessionFigures(rec, 'polling')];
  const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  const out = [`Socket.IO's fallbacks (the real socket.io server and client through the capture proxy, heartbeat every ${rec.pingIntervalMs} ms):`];
  for (const s of figures) {
    const counts = EIO_PACKET_KINDS.filter((k) => s.packets[k] > 0).map((k) => `${k} ${s.packets[k]}`).join(', ');
    out.push(
      `  ${s.mode.padEnd(8)} ${s.transports.join(' → ').padEnd(22)} polling ${kib(s.wireBytes.polling)}, WebSocket ${kib(s.wireBytes.websocket)}${s.upgradeMs === null ? '' : `, upgraded after ${s.upgradeMs} ms`}`,
      `  ${''.padEnd(8)} packets: ${counts}`,
    );
  }
  for (const c of [upgradeClaim(figures[0]!), fallbackClaim(figures[1]!)]) out.push(`  ${c.agrees === null ? '·' : c.agrees ? '✓' : '✗'} ${c.claim}`, `    measured: ${c.measured}`);
  out.push('');
  return out;
}
