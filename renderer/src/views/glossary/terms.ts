// Every protocol term the app uses, keyed by a stable id so the crafter, the timeline and the
// lessons can point at the same entry (`<Term id="masking-key" />`). The words live in the
// `glossary` catalogs (terms.<id>.term / terms.<id>.desc, in en and zh-CN); this file holds what
// is not language: the group a term is listed under and where the rule is written down.

export type TermGroup = 'handshake' | 'framing' | 'control' | 'closing' | 'compression' | 'http' | 'transport' | 'alternatives' | 'security';

interface TermInfo {
  group: TermGroup;
  /** The section that defines it ("RFC 6455 §5.2"); null for an everyday word with no single source. */
  source: string | null;
}

const h = (source: string | null): TermInfo => ({ group: 'handshake', source });
const f = (source: string | null): TermInfo => ({ group: 'framing', source });
const c = (source: string | null): TermInfo => ({ group: 'control', source });
const cl = (source: string | null): TermInfo => ({ group: 'closing', source });
const z = (source: string | null): TermInfo => ({ group: 'compression', source });
const ht = (source: string | null): TermInfo => ({ group: 'http', source });
const tr = (source: string | null): TermInfo => ({ group: 'transport', source });
const al = (source: string | null): TermInfo => ({ group: 'alternatives', source });
const se = (source: string | null): TermInfo => ({ group: 'security', source });

export const TERMS = {
  // The opening handshake (RFC 6455 §4).
  handshake: h('RFC 6455 §1.3'),
  'opening-handshake': h('RFC 6455 §4'),
  upgrade: h('RFC 6455 §4.1; RFC 9110 §7.8'),
  'connection-header': h('RFC 9110 §7.6.1'),
  'sec-websocket-key': h('RFC 6455 §4.1, §11.3.1'),
  'sec-websocket-accept': h('RFC 6455 §4.2.2, §11.3.3'),
  'sec-websocket-version': h('RFC 6455 §4.1, §11.3.5'),
  'sec-websocket-protocol': h('RFC 6455 §4.1, §11.3.4'),
  'sec-websocket-extensions': h('RFC 6455 §9.1, §11.3.2'),
  'status-101': h('RFC 6455 §4.2.2; RFC 9110 §15.2.2'),
  subprotocol: h('RFC 6455 §1.9'),
  extension: h('RFC 6455 §9'),
  // The frame (RFC 6455 §5.2).
  frame: f('RFC 6455 §5.2'),
  fin: f('RFC 6455 §5.2'),
  rsv: f('RFC 6455 §5.2'),
  opcode: f('RFC 6455 §5.2'),
  'reserved-opcode': f('RFC 6455 §5.2, §11.8'),
  'data-frame': f('RFC 6455 §5.6'),
  'text-frame': f('RFC 6455 §5.6'),
  'binary-frame': f('RFC 6455 §5.6'),
  'continuation-frame': f('RFC 6455 §5.4'),
  mask: f('RFC 6455 §5.3'),
  'masking-key': f('RFC 6455 §5.3'),
  payload: f('RFC 6455 §5.2'),
  'payload-length': f('RFC 6455 §5.2'),
  'length-7': f('RFC 6455 §5.2'),
  'length-16': f('RFC 6455 §5.2'),
  'length-64': f('RFC 6455 §5.2'),
  message: f('RFC 6455 §5.4, §6.2'),
  fragmentation: f('RFC 6455 §5.4'),
  reassembled: f('RFC 6455 §5.4'),
  byte: f('RFC 6455 §5.2'),
  // Control frames and heartbeats (RFC 6455 §5.5).
  'control-frame': c('RFC 6455 §5.5'),
  ping: c('RFC 6455 §5.5.2'),
  pong: c('RFC 6455 §5.5.3'),
  heartbeat: c('RFC 6455 §5.5.2'),
  'close-frame': c('RFC 6455 §5.5.1'),
  // Closing (RFC 6455 §7).
  'closing-handshake': cl('RFC 6455 §1.4, §7.1.2'),
  'close-code': cl('RFC 6455 §7.4'),
  'close-1000': cl('RFC 6455 §7.4.1'),
  'close-1001': cl('RFC 6455 §7.4.1'),
  'close-1002': cl('RFC 6455 §7.4.1'),
  'close-1003': cl('RFC 6455 §7.4.1'),
  'close-1004': cl('RFC 6455 §7.4.1'),
  'close-1005': cl('RFC 6455 §7.4.1'),
  'close-1006': cl('RFC 6455 §7.4.1'),
  'close-1007': cl('RFC 6455 §7.4.1'),
  'close-1008': cl('RFC 6455 §7.4.1'),
  'close-1009': cl('RFC 6455 §7.4.1'),
  'close-1010': cl('RFC 6455 §7.4.1'),
  'close-1011': cl('RFC 6455 §7.4.1'),
  'close-1012': cl('RFC 6455 §11.7'),
  'close-1013': cl('RFC 6455 §11.7'),
  'close-1014': cl('RFC 6455 §11.7'),
  'close-1015': cl('RFC 6455 §7.4.1'),
  violation: cl('RFC 6455 §7.1.7'),
  // Compression (RFC 7692).
  compression: z('RFC 7692 §7.2.1'),
  inflate: z('RFC 7692 §7.2.2'),
  'permessage-deflate': z('RFC 7692 §7'),
  'context-takeover': z('RFC 7692 §7.1.1'),
  'server-no-context-takeover': z('RFC 7692 §7.1.1.1'),
  'client-no-context-takeover': z('RFC 7692 §7.1.1.2'),
  'server-max-window-bits': z('RFC 7692 §7.1.2.1'),
  'client-max-window-bits': z('RFC 7692 §7.1.2.2'),
  'sliding-window': z('RFC 1951 §2'),
  // HTTP underneath.
  request: ht('RFC 9112 §3'),
  response: ht('RFC 9112 §4'),
  header: ht('RFC 9110 §6.3'),
  'header-field': ht('RFC 9110 §5'),
  'status-code': ht('RFC 9110 §15'),
  'persistent-connection': ht('RFC 9112 §9.3'),
  'keep-alive': ht('RFC 9112 §9.3'),
  proxy: ht('RFC 9110 §3.7'),
  'forward-proxy': ht('RFC 9110 §3.7'),
  'reverse-proxy': ht('RFC 9110 §3.7'),
  // Transport and measurement.
  connection: tr('RFC 9293 §3.5'),
  'tcp-segment': tr('RFC 9293 §3.1'),
  latency: tr(null),
  throughput: tr(null),
  capture: tr(null),
  broadcast: tr(null),
  // What came before WebSocket, and what is built on it.
  polling: al('RFC 6202 §1'),
  'long-polling': al('RFC 6202 §2'),
  sse: al('HTML Living Standard §9.2'),
  'sse-event': al('HTML Living Standard §9.2.6'),
  'sse-data': al('HTML Living Standard §9.2.6'),
  'sse-id': al('HTML Living Standard §9.2.6'),
  'sse-retry': al('HTML Living Standard §9.2.6'),
  'engine-io': al('Engine.IO protocol v4'),
  'socket-io': al('Socket.IO protocol v5'),
  // Origins and certificates.
  origin: se('RFC 6454 §7; RFC 6455 §10.2'),
  'same-origin-policy': se('RFC 6454 §3'),
  'cross-origin': se('RFC 6455 §10.2'),
  cors: se('Fetch Standard §3.2'),
  certificate: se('RFC 5280 §4'),
  'certificate-authority': se('RFC 5280 §3.1'),
} as const satisfies Record<string, TermInfo>;

/** A stable term id: `<Term id="masking-key" />`, a lesson's link into the glossary. */
export type TermId = keyof typeof TERMS;

export const TERM_IDS = Object.keys(TERMS) as TermId[];

export const TERM_GROUPS: readonly TermGroup[] = ['handshake', 'framing', 'control', 'closing', 'compression', 'http', 'transport', 'alternatives', 'security'];

export function isTermId(id: string): id is TermId {
  return Object.hasOwn(TERMS, id);
}

export function termSource(id: TermId): string | null {
  return TERMS[id].source;
}

export function termGroup(id: TermId): TermGroup {
  return TERMS[id].group;
}

/** The glossary entry for a close code (1000-1015), when the code has one. */
export function closeCodeTerm(code: number): TermId | null {
  const id = `close-${code}`;
  return isTermId(id) ? id : null;
}
