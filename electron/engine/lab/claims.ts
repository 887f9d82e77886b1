// The seed notes' claims, each set beside what this run measured, with one line on why. The
// claims are quoted from ../shared/seed (translated); the verdicts are computed, never assumed.
import type { LabClaimCheck, LabOptions, LabTransportSummary } from '../../../shared/api';
import { median } from './stats';
import type { WireLedger } from './meter/wire-ledger';

const B = (n: number) => `${Math.round(n).toLocaleString('en-US')} B`;
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

/** "About" claims: within the range, give or take a tenth — or 2 bytes for tiny figures. */
function roughly(value: number, low: number, high: number): boolean {
  return value >= Math.min(low * 0.9, low - 2) && value <= Math.max(high * 1.1, high + 2);
}

function share(s: LabTransportSummary, key: string, oneTime = false): number {
  return s.breakdown.filter((b) => b.key === key && b.oneTime === oneTime).reduce((a, b) => a + b.bytes, 0);
}

export function claimsFor(s: LabTransportSummary, options: LabOptions, wire: WireLedger): LabClaimCheck[] {
  const out: LabClaimCheck[] = [];
  const perMsg = s.messages > 0 ? (n: number) => n / s.messages : () => NaN;
  const perReq = s.requests > 0 ? (n: number) => n / s.requests : () => NaN;
  const exchanges = [...wire.exchanges.values()];
  switch (s.transport) {
    case 'websocket': {
      const headers = perMsg(share(s, 'frame-headers'));
      out.push({
        metric: 'overhead',
        claim: 'Each WebSocket frame adds 2–14 bytes.',
        measured: Number.isNaN(headers) ? 'no frames yet' : `${headers.toFixed(1)} B of frame header per message`,
        explanation: `Server frames are unmasked: 2 header bytes up to 125 B of payload, 4 up to 64 KiB, 10 beyond; a client's add a 4-byte mask (RFC 6455 §5.2). The ${B(share(s, 'handshake', true))} handshake is paid once.`,
        agrees: Number.isNaN(headers) ? null : headers >= 2 && headers <= 14,
      });
      break;
    }
    case 'sse': {
      const fields = perMsg(share(s, 'sse-fields'));
      const chunked = perMsg(share(s, 'chunked-encoding'));
      out.push({
        metric: 'overhead',
        claim: 'SSE adds about 5 bytes to each message (UTF-8 only).',
        measured: Number.isNaN(fields) ? 'no events yet' : `${fields.toFixed(1)} B of SSE fields + ${chunked.toFixed(1)} B of chunked encoding per message`,
        explanation: '`data:` is 5 bytes and the blank line ending an event 2 more; over HTTP/1.1 every write is also a chunk with a hex size line and CRLFs (RFC 9112 §7.1).',
        agrees: Number.isNaN(fields) ? null : roughly(fields, 5, 5),
      });
      break;
    }
    case 'short-polling':
    case 'long-polling': {
      const heads = perReq(share(s, 'request-headers') + share(s, 'response-headers'));
      const withoutCookie = heads - options.cookieBytes;
      out.push({
        metric: 'overhead',
        claim: 'An HTTP/1.x request carries 500–800 bytes of headers, plus cookies.',
        measured: Number.isNaN(heads) ? 'no requests yet' : `${B(heads)} of request + response headers per request${options.cookieBytes ? ` (${B(options.cookieBytes)} of it cookie)` : ''}`,
        explanation: `Every poll resends the whole header block — user agent, accept, origin, fetch metadata, cookies — and the response repeats its own; ${s.emptyResponses === 1 ? '1 poll' : `${s.emptyResponses} polls`} came back empty and paid it anyway.`,
        agrees: Number.isNaN(heads) ? null : roughly(withoutCookie, 500, 800),
      });
      break;
    }
    case 'http2-polling': {
      const blocks = exchanges.map((e) => e.requestHeadBytes).filter((n) => n > 0);
      const first = blocks[0];
      const later = median(blocks.slice(1));
      out.push({
        metric: 'overhead',
        claim: 'HTTP/2 compresses headers; if they do not change, a request’s header overhead can drop to about 8 bytes.',
        measured: later === null || first === undefined ? 'not enough requests yet' : `request headers: ${B(first)} on the first request, then ${B(later)} each (HPACK) + 9 B frame header`,
        explanation: 'HPACK (RFC 7541) keeps sent headers in a table both ends share; a repeated header becomes a 1-byte index, so the floor is one byte per header field.',
        agrees: later === null ? null : later <= 8,
      });
      break;
    }
  }
  const lat = s.latencyMs;
  if (s.transport === 'short-polling' || s.transport === 'http2-polling') {
    const t = options.intervalMs;
    out.push({
      metric: 'latency',
      claim: 'For polling, the queuing delay is the polling interval.',
      measured: lat ? `p50 ${ms(lat.p50)}, p95 ${ms(lat.p95)}, max ${ms(lat.max)} at a ${ms(t)} interval` : 'no messages yet',
      explanation: 'A message waits on the server for the next poll: half an interval on average, a whole one at worst.',
      agrees: lat ? lat.max <= t * 1.25 + 50 && lat.p95 >= t * 0.5 : null,
    });
  } else {
    out.push({
      metric: 'latency',
      claim: s.transport === 'long-polling' ? 'Long polling answers as soon as a message exists.' : 'WebSocket and SSE deliver as soon as a message exists.',
      measured: lat ? `p50 ${ms(lat.p50)}, p95 ${ms(lat.p95)}` : 'no messages yet',
      explanation:
        s.transport === 'long-polling'
          ? 'The request is already waiting on the server; only a message that arrives while the next request is on its way waits for it.'
          : 'The connection stays open, so the server writes the message the moment it is generated: no queue, no request.',
      agrees: lat ? lat.p50 < Math.min(50, options.intervalMs / 4) : null,
    });
  }
  if (s.transport === 'long-polling') {
    const ratio = s.messages > 0 ? (s.requests - s.emptyResponses) / s.messages : NaN;
    out.push({
      metric: 'requests',
      claim: 'Long polling needs a new request after every message.',
      measured: Number.isNaN(ratio) ? 'no messages yet' : `${ratio.toFixed(2)} answered requests per message (${s.requests} requests for ${s.messages} messages)`,
      explanation: 'Each answer ends the request; the client must ask again, and messages published meanwhile ride together on the next answer.',
      agrees: Number.isNaN(ratio) ? null : options.pattern === 'steady' ? ratio >= 0.9 : ratio > 0,
    });
  }
  return out;
}
