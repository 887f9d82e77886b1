// The seed notes' claims, each set beside what this run measured, with the range that would make
// it true and one line on why. The claims are quoted from ../shared/seed (translated); the verdicts
// are computed, never assumed, and each has a test that feeds it a wrong world (claims.test.ts).
import type { LabClaimCheck, LabOptions, LabTransportSummary } from '../../../shared/api';
import { pollingWaitClaims } from './claims-latency';
import { median } from './stats';

const B = (n: number) => `${Math.round(n).toLocaleString('en-US')} B`;
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

/** "About" claims: within the range, give or take a tenth — or 2 bytes for tiny figures. */
export function roughly(value: number, low: number, high: number): boolean {
  return value >= Math.min(low * 0.9, low - 2) && value <= Math.max(high * 1.1, high + 2);
}

export function shareOf(s: Pick<LabTransportSummary, 'breakdown'>, key: string, oneTime = false): number {
  return s.breakdown.filter((b) => b.key === key && b.oneTime === oneTime).reduce((a, b) => a + b.bytes, 0);
}

/** What the claims need beyond the summary: the HTTP/2 request header blocks, in order. */
export interface ClaimFacts {
  h2RequestHeadBytes: number[];
}

export function claimsFor(s: LabTransportSummary, options: LabOptions, facts: ClaimFacts): LabClaimCheck[] {
  const out: LabClaimCheck[] = [overheadClaim(s, options, facts)];
  if (s.transport === 'short-polling' || s.transport === 'http2-polling') out.push(...pollingWaitClaims(s.latencyMs, options));
  else out.push(pushClaim(s, options));
  if (s.transport === 'long-polling') out.push(...longPollClaims(s));
  const sizes = s.clientToServer?.frameHeaderSizes;
  if (s.transport === 'websocket' && sizes && Object.keys(sizes).length > 0) out.push(clientFrameClaim(sizes));
  return out;
}

/** The notes: "after that, a WebSocket message has only 6 bytes of overhead" — true of a small client frame. */
function clientFrameClaim(sizes: Record<string, number>): LabClaimCheck {
  const entries = Object.entries(sizes).map(([size, n]) => [Number(size), n] as const);
  const frames = entries.reduce((a, [, n]) => a + n, 0);
  const mean = entries.reduce((a, [size, n]) => a + size * n, 0) / frames;
  return {
    id: 'ws-client-frame-header',
    metric: 'overhead',
    source: 'notes',
    claim: 'After the handshake, a WebSocket message has only 6 bytes of overhead.',
    expected: '6 B of frame header per client → server message',
    measured: `${mean.toFixed(1)} B per client frame (${entries.map(([size, n]) => `${size} B × ${n}`).join(', ')})`,
    explanation: 'A client must mask its frames (RFC 6455 §5.3): 2 B of header and a 4-byte masking key make 6 B up to 125 B of payload, 8 B up to 64 KiB, 14 B beyond (§5.2). Server frames carry no mask: 2, 4 or 10 B.',
    agrees: Math.abs(mean - 6) <= 0.5,
    params: { mean, sizes: entries.map(([size, n]) => `${size} B × ${n}`).join(', ') },
  };
}

function overheadClaim(s: LabTransportSummary, options: LabOptions, facts: ClaimFacts): LabClaimCheck {
  const perMsg = (n: number) => (s.messages > 0 ? n / s.messages : NaN);
  const perReq = (n: number) => (s.requests > 0 ? n / s.requests : NaN);
  const base = { metric: 'overhead' as const, source: 'notes' as const };
  switch (s.transport) {
    case 'websocket': {
      const headers = perMsg(shareOf(s, 'frame-headers'));
      return {
        ...base,
        id: 'ws-frame-header',
        claim: 'Each WebSocket frame adds 2–14 bytes.',
        expected: '2–14 B of frame header per message',
        measured: Number.isNaN(headers) ? 'no frames yet' : `${headers.toFixed(1)} B of frame header per message`,
        explanation: `Server frames are unmasked: 2 header bytes up to 125 B of payload, 4 up to 64 KiB, 10 beyond; a client's add a 4-byte mask (RFC 6455 §5.2). The ${B(shareOf(s, 'handshake', true))} handshake is paid once.`,
        agrees: Number.isNaN(headers) ? null : headers >= 2 && headers <= 14,
        params: { headers: Number.isNaN(headers) ? null : headers, handshake: shareOf(s, 'handshake', true) },
      };
    }
    case 'sse': {
      // What the wire carries per event: the event's fields and, over HTTP/1.1, the chunk around it.
      const fields = perMsg(shareOf(s, 'sse-fields'));
      const chunked = perMsg(shareOf(s, 'chunked-encoding'));
      return {
        ...base,
        id: 'sse-five-bytes',
        claim: 'SSE adds about 5 bytes to each message (UTF-8 only).',
        expected: 'about 5 B per message on the wire (3–7 B)',
        measured: Number.isNaN(fields) ? 'no events yet' : `${(fields + chunked).toFixed(1)} B per message: ${fields.toFixed(1)} B of SSE fields + ${chunked.toFixed(1)} B of chunked encoding`,
        explanation:
          'The 5 bytes are `data:`; ending the line and the event takes 2 more (`\\n\\n`), 7 B of fields. Over HTTP/1.1 every write is also a chunk: a hex size line and two CRLFs (RFC 9112 §7.1), 6–9 B more; over HTTP/2 a 9-byte DATA frame header instead.',
        agrees: Number.isNaN(fields) ? null : roughly(fields + chunked, 5, 5),
        params: Number.isNaN(fields) ? { total: null } : { total: fields + chunked, fields, chunked },
      };
    }
    case 'short-polling':
    case 'long-polling': {
      const heads = perReq(shareOf(s, 'request-headers') + shareOf(s, 'response-headers'));
      return {
        ...base,
        id: 'http1-header-bytes',
        claim: 'An HTTP/1.x request carries 500–800 bytes of headers, plus cookies.',
        expected: '450–880 B of request + response headers per request, cookie aside',
        measured: Number.isNaN(heads) ? 'no requests yet' : `${B(heads)} of request + response headers per request${options.cookieBytes ? ` (${B(options.cookieBytes)} of it cookie)` : ''}`,
        explanation: `Every poll resends the whole header block — user agent, accept, origin, fetch metadata, cookies — and the response repeats its own; ${s.emptyResponses === 1 ? '1 poll' : `${s.emptyResponses} polls`} came back empty and paid it anyway.`,
        agrees: Number.isNaN(heads) ? null : roughly(heads - options.cookieBytes, 500, 800),
        params: { heads: Number.isNaN(heads) ? null : heads, cookie: options.cookieBytes, empty: s.emptyResponses },
      };
    }
    case 'http2-polling': {
      const first = facts.h2RequestHeadBytes[0];
      const later = median(facts.h2RequestHeadBytes.slice(1));
      return {
        ...base,
        id: 'h2-header-bytes',
        claim: 'HTTP/2 compresses headers; if they do not change, a request’s header overhead can drop to about 8 bytes.',
        expected: 'at most 8 B of request header block after the first request (median)',
        measured: later === null || first === undefined ? 'not enough requests yet' : `request headers: ${B(first)} on the first request, then ${B(later)} each (HPACK) + 9 B frame header`,
        explanation: 'HPACK (RFC 7541) keeps sent headers in a table both ends share; a repeated header becomes a 1-byte index, so the floor is one byte per header field.',
        agrees: later === null ? null : later <= 8,
        params: { first: first ?? null, later },
      };
    }
  }
}

function pushClaim(s: LabTransportSummary, options: LabOptions): LabClaimCheck {
  const lat = s.latencyMs;
  const limit = Math.min(50, options.intervalMs / 4);
  const long = s.transport === 'long-polling';
  return {
    id: 'push-immediate',
    metric: 'latency',
    source: 'notes',
    claim: long ? 'Long polling answers as soon as a message exists.' : 'WebSocket and SSE deliver as soon as a message exists.',
    expected: `median wait under ${ms(limit)} (the smaller of 50 ms and T/4)`,
    measured: lat ? `mean ${ms(lat.mean)}, median ${ms(lat.p50)}, p95 ${ms(lat.p95)}` : 'no messages yet',
    explanation: long
      ? 'The request is already waiting on the server; only a message that arrives while the next request is on its way waits for it.'
      : 'The connection stays open, so the server writes the message the moment it is generated: no queue, no request.',
    agrees: lat ? lat.p50 < limit : null,
    params: { long: long ? 1 : 0, limit, mean: lat?.mean ?? null, p50: lat?.p50 ?? null, p95: lat?.p95 ?? null },
  };
}

function longPollClaims(s: LabTransportSummary): LabClaimCheck[] {
  const ratio = s.messages > 0 ? (s.requests - s.emptyResponses) / s.messages : NaN;
  const perConn = s.requests > 0 ? s.connections / s.requests : NaN;
  return [
    {
      id: 'long-poll-request-per-message',
      metric: 'requests',
      source: 'notes',
      claim: 'Long polling needs a new request after every message.',
      expected: 'at least 0.9 answered requests per message',
      measured: Number.isNaN(ratio) ? 'no messages yet' : `${ratio.toFixed(2)} answered requests per message (${s.requests} requests for ${s.messages} messages)`,
      explanation: 'Each answer ends the request and the client must ask again; but messages published while the next request is on its way ride together on its answer, so bursts share one.',
      agrees: Number.isNaN(ratio) ? null : ratio >= 0.9,
      params: { ratio: Number.isNaN(ratio) ? null : ratio, requests: s.requests, messages: s.messages },
    },
    {
      id: 'long-poll-new-connection',
      metric: 'connections',
      source: 'notes',
      claim: 'Long polling needs a new TCP connection for each new request.',
      expected: 'at least 0.9 TCP connections per request',
      measured: Number.isNaN(perConn) ? 'no requests yet' : `${s.requests} requests over ${s.connections} TCP connection${s.connections === 1 ? '' : 's'}`,
      explanation:
        'HTTP/1.1 keeps a connection open by default (RFC 9112 §9.3), so the next poll reuses the idle one. A new connection is needed only when a request must go out while another is parked on the same one — a browser then opens another, up to six per host.',
      agrees: Number.isNaN(perConn) ? null : perConn >= 0.9,
      params: { perConn: Number.isNaN(perConn) ? null : perConn, requests: s.requests, connections: s.connections },
    },
  ];
}
