// Every verdict the lab shows, fed a right world and a plausible wrong one: each must be able to fail.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB_OPTIONS, type LabByteShare, type LabClaimId, type LabOptions, type LabTransport, type LabTransportSummary } from '../../../shared/api';
import { claimsFor, type ClaimFacts } from './claims';
import { latencySummary } from './stats';

const T = 1000;
const OPTIONS: LabOptions = { ...DEFAULT_LAB_OPTIONS, intervalMs: T, clients: 'engine' };

interface World {
  transport: LabTransport;
  messages?: number;
  requests?: number;
  emptyResponses?: number;
  connections?: number;
  breakdown?: Array<Omit<LabByteShare, 'oneTime'> & { oneTime?: boolean }>;
  waitsMs?: number[];
  clientFrameSizes?: Record<string, number>;
  facts?: ClaimFacts;
  options?: Partial<LabOptions>;
}

function verdict(world: World, id: LabClaimId): boolean | null {
  const messages = world.messages ?? 100;
  const s = {
    transport: world.transport,
    messages,
    published: messages,
    requests: world.requests ?? messages,
    emptyResponses: world.emptyResponses ?? 0,
    connections: world.connections ?? 1,
    breakdown: (world.breakdown ?? []).map((b) => ({ oneTime: false, ...b })),
    latencyMs: latencySummary(world.waitsMs ?? Array.from({ length: messages }, () => 2)),
    clientToServer: world.clientFrameSizes ? { frameHeaderSizes: world.clientFrameSizes } : null,
  } as LabTransportSummary;
  const claim = claimsFor(s, { ...OPTIONS, ...world.options }, world.facts ?? { h2RequestHeadBytes: [] }).find((c) => c.id === id);
  if (!claim) throw new Error(`no claim ${id} for ${world.transport}`);
  expect(claim.expected.length).toBeGreaterThan(0);
  return claim.agrees;
}

/** n waits spread evenly over [from, to) T: what random or fixed phases produce. */
const spread = (n: number, from: number, to: number) => Array.from({ length: n }, (_, i) => (from + ((to - from) * (i + 0.5)) / n) * T);

describe('the polling-delay claims (the notes say T, theory says T/2)', () => {
  it('random arrivals (waits uniform on 0..T) support T/2 and not T', () => {
    const waits = spread(60, 0, 1);
    expect(verdict({ transport: 'short-polling', waitsMs: waits }, 'poll-wait-half-interval')).toBe(true);
    expect(verdict({ transport: 'short-polling', waitsMs: waits }, 'poll-wait-interval')).toBe(false);
  });

  it('a fixed late phase (every message just after a poll) supports T and fails T/2', () => {
    const waits = spread(60, 0.95, 0.99);
    expect(verdict({ transport: 'short-polling', waitsMs: waits }, 'poll-wait-half-interval')).toBe(false);
    expect(verdict({ transport: 'http2-polling', waitsMs: waits, facts: { h2RequestHeadBytes: [] } }, 'poll-wait-interval')).toBe(true);
  });

  it('a fixed early phase (every message just before a poll) supports neither', () => {
    const waits = spread(60, 0.01, 0.05);
    expect(verdict({ transport: 'short-polling', waitsMs: waits }, 'poll-wait-half-interval')).toBe(false);
    expect(verdict({ transport: 'short-polling', waitsMs: waits }, 'poll-wait-interval')).toBe(false);
  });

  it('a client that skips polls (waits beyond an interval) fails both, whatever the mean', () => {
    const waits = [...spread(58, 0, 0.9), 2.2 * T, 2.4 * T];
    expect(verdict({ transport: 'short-polling', waitsMs: waits }, 'poll-wait-half-interval')).toBe(false);
    expect(verdict({ transport: 'short-polling', waitsMs: waits }, 'poll-wait-interval')).toBe(false);
  });

  it('says nothing until there are enough messages to tell T/2 from T', () => {
    expect(verdict({ transport: 'short-polling', messages: 5, waitsMs: spread(5, 0, 1) }, 'poll-wait-half-interval')).toBeNull();
  });
});

describe('the overhead claims', () => {
  it('WebSocket: 2–14 B of frame header per message', () => {
    expect(verdict({ transport: 'websocket', breakdown: [{ key: 'frame-headers', bytes: 400 }] }, 'ws-frame-header')).toBe(true);
    expect(verdict({ transport: 'websocket', breakdown: [{ key: 'frame-headers', bytes: 2000 }] }, 'ws-frame-header')).toBe(false);
  });

  it('WebSocket: "only 6 bytes" holds for small client frames, not for larger ones', () => {
    expect(verdict({ transport: 'websocket', clientFrameSizes: { 6: 120 } }, 'ws-client-frame-header')).toBe(true);
    expect(verdict({ transport: 'websocket', clientFrameSizes: { 8: 120 } }, 'ws-client-frame-header')).toBe(false);
    expect(verdict({ transport: 'websocket', clientFrameSizes: { 6: 60, 14: 60 } }, 'ws-client-frame-header')).toBe(false);
  });

  it('SSE: "about 5 bytes" counts what the wire carries, fields and chunk framing', () => {
    // A stream without chunking (HTTP/1.0 or a closed-delimited body) and `data:` + `\n` only.
    expect(verdict({ transport: 'sse', breakdown: [{ key: 'sse-fields', bytes: 600 }] }, 'sse-five-bytes')).toBe(true);
    // What HTTP/1.1 really carries: 7 B of fields and ~7 B of chunk framing per event.
    const wire = [
      { key: 'sse-fields' as const, bytes: 700 },
      { key: 'chunked-encoding' as const, bytes: 700 },
    ];
    expect(verdict({ transport: 'sse', breakdown: wire }, 'sse-five-bytes')).toBe(false);
  });

  it('HTTP/1.x: 500–800 B of headers per request, cookies aside', () => {
    const heads = (n: number) => [{ key: 'request-headers' as const, bytes: n * 100 }];
    expect(verdict({ transport: 'short-polling', breakdown: heads(650) }, 'http1-header-bytes')).toBe(true);
    expect(verdict({ transport: 'short-polling', breakdown: heads(650 + 1200), options: { cookieBytes: 1200 } }, 'http1-header-bytes')).toBe(true);
    expect(verdict({ transport: 'long-polling', breakdown: heads(200) }, 'http1-header-bytes')).toBe(false);
    expect(verdict({ transport: 'short-polling', breakdown: heads(1850) }, 'http1-header-bytes')).toBe(false);
  });

  it('HTTP/2: header blocks drop to about 8 B once HPACK has them', () => {
    expect(verdict({ transport: 'http2-polling', facts: { h2RequestHeadBytes: [420, 7, 7, 7] } }, 'h2-header-bytes')).toBe(true);
    expect(verdict({ transport: 'http2-polling', facts: { h2RequestHeadBytes: [420, 400, 400, 400] } }, 'h2-header-bytes')).toBe(false);
  });
});

describe('the push and long-polling claims', () => {
  it('push delivers at once; a queue that holds messages fails', () => {
    expect(verdict({ transport: 'sse', waitsMs: spread(50, 0.001, 0.004) }, 'push-immediate')).toBe(true);
    expect(verdict({ transport: 'websocket', waitsMs: spread(50, 0.2, 0.4) }, 'push-immediate')).toBe(false);
  });

  it('one answered request per message when steady; bursts riding together fail it', () => {
    expect(verdict({ transport: 'long-polling', messages: 100, requests: 101, emptyResponses: 1 }, 'long-poll-request-per-message')).toBe(true);
    expect(verdict({ transport: 'long-polling', messages: 100, requests: 21, emptyResponses: 1 }, 'long-poll-request-per-message')).toBe(false);
  });

  it('a new TCP connection per request only when keep-alive is off', () => {
    expect(verdict({ transport: 'long-polling', requests: 62, connections: 62 }, 'long-poll-new-connection')).toBe(true);
    expect(verdict({ transport: 'long-polling', requests: 62, connections: 1 }, 'long-poll-new-connection')).toBe(false);
  });
});
