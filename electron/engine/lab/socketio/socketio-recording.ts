// The Socket.IO sessions as the capture proxy recorded them: every long-poll GET and POST (from the
// capture's HTTP exchanges), the WebSocket handshake and every frame (from its frames), assigned to
// a session by the sid in the URL (or the sid the open packet handed out), each labelled with the
// Engine.IO packets it carried. Wire bytes and times are the capture's; polling body text is the
// server's record of it (socketio-server.ts), since the capture keeps heads and body sizes.
import type { CaptureApi, SocketIoCarrier, SocketIoMode, SocketIoRecording, SocketIoSession } from '../../../../shared/api';
import type { ConnectionSummary, FrameSummary, HttpExchange } from '../../../../shared/model';
import { decodePacket, decodePollingPayload } from './engine-io-packets';
import { socketIoClaims } from './socketio-figures';
import type { RunningSocketIo } from './socketio-server';

export type RecordingCapture = Pick<CaptureApi, 'listConnections' | 'listHttpExchanges' | 'queryFrames'>;

const FRAME_PAGE = 2000;
const MAX_FRAMES_PER_CONNECTION = 20_000;

export interface RecordingInput {
  capture: RecordingCapture;
  server: Pick<RunningSocketIo, 'port' | 'pingIntervalMs' | 'body'>;
  proxyUrl: string;
  /** Which session each Engine.IO sid belongs to (the clients know their own). */
  modes: Map<string, SocketIoMode>;
  /** Leave out what happened before (an earlier recording on the same demo). */
  since: number;
}

export async function recordSocketIo(input: RecordingInput): Promise<SocketIoRecording> {
  const connections = (await input.capture.listConnections()).filter((c) => c.server?.port === input.server.port && c.openedAt >= input.since - 1);
  const carriers: SocketIoCarrier[] = [];
  for (const c of connections) {
    for (const ex of await input.capture.listHttpExchanges({ connectionId: c.id })) {
      const carrier = exchangeCarrier(c, ex, input);
      if (carrier) carriers.push(carrier);
    }
    if (c.kind === 'websocket') carriers.push(...(await frameCarriers(c, input)));
  }
  carriers.sort((a, b) => a.start - b.start);
  const sessions = [...new Set(input.modes.values())].map((mode) => sessionOf(mode, carriers));
  return {
    proxyUrl: input.proxyUrl,
    pingIntervalMs: input.server.pingIntervalMs,
    startedAt: carriers[0]?.start ?? input.since,
    sessions,
    carriers,
    claims: socketIoClaims({ sessions, carriers }),
  };
}

function query(url: string): URLSearchParams | null {
  try {
    return new URL(url, 'http://x').searchParams;
  } catch {
    return null;
  }
}

function pathAndQuery(url: string): string {
  try {
    const u = new URL(url, 'http://x');
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

function exchangeCarrier(c: ConnectionSummary, ex: HttpExchange, input: RecordingInput): SocketIoCarrier | null {
  const q = query(ex.url);
  if (!q || q.get('EIO') === null) return null;
  const transport = q.get('transport') === 'websocket' ? 'websocket' : 'polling';
  const base = {
    id: `x${ex.id}`,
    transport,
    start: ex.startedAt,
    end: ex.endedAt,
    bytes: ex.requestHead.length + ex.requestBodyBytes + (ex.responseHead?.length ?? 0) + ex.responseBodyBytes,
    connectionId: c.id,
    exchangeId: ex.id,
    frameId: null,
  } as const;
  if (transport === 'websocket') {
    const mode = input.modes.get(q.get('sid') ?? '');
    return mode ? { ...base, session: mode, carrier: 'ws-handshake', from: 'client', packets: [] } : null;
  }
  const body = input.server.body(ex.method, pathAndQuery(ex.url));
  const post = ex.method === 'POST';
  const packets = decodePollingPayload(post ? (body?.request ?? '') : (body?.response ?? ''));
  const sid = q.get('sid') ?? packets.find((p) => p.kind === 'open')?.sid ?? '';
  const mode = input.modes.get(sid);
  if (!mode) return null;
  return { ...base, session: mode, carrier: post ? 'post' : 'get', from: post ? 'client' : 'server', packets };
}

async function frameCarriers(c: ConnectionSummary, input: RecordingInput): Promise<SocketIoCarrier[]> {
  const mode = input.modes.get(query(c.url)?.get('sid') ?? '');
  if (!mode) return [];
  const out: SocketIoCarrier[] = [];
  for (let start = 0; start < MAX_FRAMES_PER_CONNECTION; start += FRAME_PAGE) {
    const page = await input.capture.queryFrames({ filter: { connectionId: c.id }, start, count: FRAME_PAGE });
    for (const f of page.rows) out.push(frameCarrier(c, f, mode));
    if (page.rows.length < FRAME_PAGE) break;
  }
  return out;
}

function frameCarrier(c: ConnectionSummary, f: FrameSummary, mode: SocketIoMode): SocketIoCarrier {
  // Engine.IO sends one packet per text frame; binary frames are message attachments; close ends the connection.
  const packets = f.opcode === 1 ? [decodePacket(f.preview)] : f.opcode === 2 ? [{ kind: 'message' as const, text: f.preview, sio: null, event: null, sid: null }] : [];
  return {
    id: `f${f.id}`,
    session: mode,
    transport: 'websocket',
    carrier: 'frame',
    from: f.from,
    start: f.time,
    end: f.time,
    bytes: f.headerLength + f.payloadLength,
    connectionId: c.id,
    exchangeId: null,
    frameId: f.id,
    packets,
  };
}

function sessionOf(mode: SocketIoMode, carriers: SocketIoCarrier[]): SocketIoSession {
  const mine = carriers.filter((x) => x.session === mode);
  const sid = mine.flatMap((x) => x.packets).find((p) => p.kind === 'open')?.sid ?? null;
  const upgrade = mine.find((x) => x.from === 'client' && x.packets.some((p) => p.kind === 'upgrade'));
  return {
    mode,
    sid,
    upgradedAt: upgrade?.start ?? null,
    requests: mine.filter((x) => x.carrier === 'get' || x.carrier === 'post').length,
    frames: mine.filter((x) => x.carrier === 'frame').length,
    connections: new Set(mine.map((x) => x.connectionId)).size,
    wireBytes: mine.reduce((a, x) => a + x.bytes, 0),
    heartbeats: mine.flatMap((x) => x.packets).filter((p) => p.kind === 'ping').length,
  };
}
