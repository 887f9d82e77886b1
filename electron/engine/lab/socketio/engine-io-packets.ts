// Engine.IO v4 packets as they cross the wire, labelled. engine.io-protocol v4: a packet is one
// type digit (0 open, 1 close, 2 ping, 3 pong, 4 message, 5 upgrade, 6 noop) and its data; an HTTP
// long-polling payload joins packets with the record separator U+001E; over WebSocket each frame
// is one packet. The upgrade probe is "2probe" (client) answered by "3probe" (server), then "5".
// A message's data is a Socket.IO v5 packet (socket.io-protocol: 0 CONNECT, 1 DISCONNECT, 2 EVENT…).
import type { EioPacket, EioPacketKind, SioPacketKind } from '../../../../shared/api';

const RECORD_SEPARATOR = '\x1e';
const MAX_TEXT = 160;
const EIO_TYPES: Record<string, EioPacketKind> = { '0': 'open', '1': 'close', '2': 'ping', '3': 'pong', '4': 'message', '5': 'upgrade', '6': 'noop' };
const SIO_TYPES: Record<string, SioPacketKind> = { '0': 'connect', '1': 'disconnect', '2': 'event', '3': 'ack', '4': 'connect-error', '5': 'binary-event', '6': 'binary-ack' };

/** A long-polling body (GET response or POST request). Empty bodies carry no packets. */
export function decodePollingPayload(body: string): EioPacket[] {
  if (body.length === 0) return [];
  return body.split(RECORD_SEPARATOR).map(decodePacket);
}

/** One packet: a WebSocket text frame, or one part of a polling payload. */
export function decodePacket(text: string): EioPacket {
  const shown = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  // Polling carries binary packets base64-encoded behind a 'b' (engine.io-protocol v4).
  if (text.startsWith('b')) return { kind: 'message', text: shown, sio: null, event: null, sid: null };
  let kind = EIO_TYPES[text[0] ?? ''] ?? 'invalid';
  const data = text.slice(1);
  if (kind === 'ping' && data === 'probe') kind = 'probe-ping';
  if (kind === 'pong' && data === 'probe') kind = 'probe-pong';
  return { kind, text: shown, sio: kind === 'message' ? (SIO_TYPES[data[0] ?? ''] ?? null) : null, event: kind === 'message' ? eventName(data) : null, sid: kind === 'open' ? sidOf(data) : null };
}

function sidOf(json: string): string | null {
  try {
    const open = JSON.parse(json) as { sid?: unknown };
    return typeof open.sid === 'string' ? open.sid : null;
  } catch {
    return null;
  }
}

/** `2["news",{…}]` or `2/chat,["news",…]` or `213["news"]` (an ack id): the event's name. */
function eventName(sio: string): string | null {
  if (sio[0] !== '2' && sio[0] !== '5') return null;
  const start = sio.indexOf('[');
  if (start < 0) return null;
  const match = /^\["((?:[^"\\]|\\.)*)"/.exec(sio.slice(start));
  return match ? match[1]! : null;
}

/** Words for the CLI and tests; the renderer words the kinds itself (lab namespace). */
export function packetWords(p: EioPacket): string {
  switch (p.kind) {
    case 'open':
      return `open (handshake, sid ${p.sid ?? '?'})`;
    case 'ping':
      return 'ping (heartbeat)';
    case 'pong':
      return 'pong (heartbeat)';
    case 'probe-ping':
      return 'ping probe (upgrade test)';
    case 'probe-pong':
      return 'pong probe (upgrade test)';
    case 'upgrade':
      return 'upgrade (switch to WebSocket)';
    case 'message':
      return p.sio ? `message: Socket.IO ${p.sio}${p.event ? ` "${p.event}"` : ''}` : 'message';
    default:
      return p.kind;
  }
}
