// What one arrow of the sequence diagram says: a frame (RFC 6455 §5.2) or an HTTP request or
// response, reduced to the few words that fit beside the arrow and the full sentence of its tooltip.
import type { FrameSummary, HttpExchange, Peer } from '../../../../shared/model';
import { OPCODE_CLOSE, OPCODE_PING, OPCODE_PONG, isControlOpcode } from '../../../../shared/protocol/opcodes';
import { opcodeClass } from '../../components/opcode-badge/OpcodeBadge';
import { formatBytes } from '../../format';
import { i18n } from '../../i18n';
import { opcodeWord } from '../crafter/opcode-label';

/** The mark on the proxy lane: control frames get shapes of their own so they stand out. */
export type MarkerKind = 'data' | 'ping' | 'pong' | 'close' | 'control' | 'http';

export interface TimelineArrow {
  key: string;
  /** The frame drawn, or null for an HTTP arrow. */
  frameId: number | null;
  time: number;
  from: Peer;
  /** Injected by Framescope: the arrow starts at the proxy, not at the peer. */
  injected: boolean;
  /** op-* class giving the arrow its --op-* colour (or 'op-http'). */
  colourClass: string;
  marker: MarkerKind;
  /** Short: "text · 5 B". */
  label: string;
  /** The payload preview, shown after the label when there is room. */
  detail: string;
  violations: number;
  opcode: number | null;
}

const MARKER_BY_OPCODE: Record<number, MarkerKind> = { [OPCODE_PING]: 'ping', [OPCODE_PONG]: 'pong', [OPCODE_CLOSE]: 'close' };

export function frameArrow(f: FrameSummary): TimelineArrow {
  const name = opcodeWord(f.opcode);
  const flags: string[] = [];
  // RFC 6455 §5.4: FIN=0 marks a fragment with more to come.
  if (!f.fin) flags.push('FIN=0');
  if (f.rsv1) flags.push('RSV1');
  if (f.incomplete) flags.push(i18n.t('timeline:arrow.cutOff'));
  const label = [name, ...flags, formatBytes(f.payloadLength)].join(' · ');
  return {
    key: `f${f.id}`,
    frameId: f.id,
    time: f.time,
    from: f.from,
    injected: f.injected,
    colourClass: opcodeClass(f.opcode),
    marker: MARKER_BY_OPCODE[f.opcode] ?? (isControlOpcode(f.opcode) ? 'control' : 'data'),
    label,
    detail: f.preview,
    violations: f.violationCount,
    opcode: f.opcode,
  };
}

/** A request arrow when it was sent and, once it came, a response arrow when it ended. */
export function exchangeArrows(x: HttpExchange): TimelineArrow[] {
  const base = { frameId: null, injected: false, colourClass: 'op-http', marker: 'http' as const, violations: 0, opcode: null };
  const path = safePath(x.url);
  // RFC 6455 §4.1-4.2: the opening handshake is an HTTP Upgrade answered by 101.
  const upgrade = x.status === 101;
  const requestDetail = upgrade ? 'Upgrade: websocket' : x.requestBodyBytes ? i18n.t('timeline:arrow.body', { size: formatBytes(x.requestBodyBytes) }) : '';
  const out: TimelineArrow[] = [{ ...base, key: `h${x.id}q`, time: x.startedAt, from: 'client', label: `${x.method} ${path}`, detail: requestDetail }];
  if (x.status !== null && x.endedAt !== null) {
    const sse = x.sseEvents > 0 ? i18n.t('timeline:arrow.events', { count: x.sseEvents }) : '';
    const detail = x.responseBodyBytes > 0 ? i18n.t('timeline:arrow.body', { size: formatBytes(x.responseBodyBytes) }) : '';
    out.push({ ...base, key: `h${x.id}r`, time: x.endedAt, from: 'server', label: `${statusLine(x)}${sse}`, detail });
  }
  return out;
}

/** "101 Switching Protocols": the status code and reason phrase from the raw response head. */
function statusLine(x: HttpExchange): string {
  const head = x.responseHead;
  if (!head) return String(x.status);
  let end = 0;
  while (end < head.length && end < 200 && head[end] !== 0x0d && head[end] !== 0x0a) end++;
  const line = String.fromCharCode(...head.subarray(0, end)).replace(/[^\x20-\x7e]/g, '·');
  const m = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/.exec(line);
  return m ? `${m[1]}${m[2] ? ` ${m[2]}` : ''}` : String(x.status);
}

function safePath(url: string): string {
  try {
    const u = new URL(url, 'http://host');
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** Cut text to about `px` pixels at the diagram's label size, with an ellipsis. */
export function fitText(text: string, px: number, charPx = 6.6): string {
  const max = Math.floor(px / charPx);
  if (max <= 1) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface PingPair {
  ping: TimelineArrow;
  pong: TimelineArrow;
}

/**
 * Pairs each ping with the first later pong from the other side (RFC 6455 §5.5.3: a pong answers
 * the most recent ping), so the diagram can show the round trip as the proxy saw it.
 */
export function pairPings(arrows: readonly TimelineArrow[]): PingPair[] {
  const pairs: PingPair[] = [];
  const waiting: Record<Peer, TimelineArrow | null> = { client: null, server: null };
  for (const a of arrows) {
    if (a.marker === 'ping') waiting[a.from] = a;
    if (a.marker === 'pong') {
      const other: Peer = a.from === 'client' ? 'server' : 'client';
      const ping = waiting[other];
      if (ping) pairs.push({ ping, pong: a });
      waiting[other] = null;
    }
  }
  return pairs;
}
