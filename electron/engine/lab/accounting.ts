// Turns what a meter saw (wire ledger), what the server wrote (server ledger) and what the clients
// received (deliveries) into one transport's summary. Every wire byte lands in exactly one share;
// whatever cannot be explained shows as 'unattributed', so a wrong attribution cannot hide.
import type { LabByteKey, LabByteShare, LabOptions, LabTransport, LabTransportSummary } from '../../../shared/api';
import type { PublishedMessage } from './publisher';
import { histogram, latencySummary } from './stats';
import type { ServerLedger } from './transports/server-ledger';
import { isUpstreamExchange, wireBytes, type WireLedger } from './meter/wire-ledger';
import { upstreamShares, upstreamSummary } from './accounting-upstream';
import type { UpstreamReceiver } from './transports/upstream-receiver';
import { claimsFor } from './claims';
import type { TcpTotals } from './meter/kernel-tcp';
import { tcpIpFor } from './packets';

export interface AccountingInput {
  transport: LabTransport;
  client: 'browser' | 'node';
  meter: LabTransportSummary['meter'];
  options: LabOptions;
  wire: WireLedger;
  server: ServerLedger;
  upstream: UpstreamReceiver;
  published: PublishedMessage[];
  /** seq → first receipt time (µs). */
  received: Map<number, number>;
  durationS: number;
  /** The kernel's segment counts for this transport's hop, or null where they cannot be read. */
  kernel: TcpTotals | null;
}

export function byteShares(transport: LabTransport, wire: WireLedger, server: ServerLedger): LabByteShare[] {
  // Keyed by share and by one-time-ness: request headers are one-time for SSE, recurring for polling.
  const shares = new Map<string, LabByteShare>();
  const add = (key: LabByteKey, bytes: number, oneTime = false) => {
    const id = `${key}/${oneTime}`;
    const s = shares.get(id) ?? { key, bytes: 0, oneTime };
    s.bytes += bytes;
    shares.set(id, s);
  };
  let bodyBytes = 0;
  const streaming = transport === 'sse';
  for (const ex of wire.exchanges.values()) {
    if (isUpstreamExchange(ex)) continue; // counted by upstreamShares
    if (ex.upgrade) {
      add('handshake', ex.requestHeadBytes + ex.responseHeadBytes, true);
      continue;
    }
    if (transport === 'http2-polling') {
      add('hpack-request-headers', ex.requestHeadBytes);
      add('hpack-response-headers', ex.responseHeadBytes);
    } else {
      // An SSE stream's request and response heads are paid once per connection, not per event.
      add('request-headers', ex.requestHeadBytes, streaming);
      add('response-headers', ex.responseHeadBytes, streaming);
    }
    bodyBytes += ex.requestBodyBytes + ex.responseBodyBytes;
  }
  // HTTP/1.1 bodies are wire bytes, chunked framing included (RFC 9112 §7.1); the SSE server
  // counted the framing its writes produced, so that share comes from its ledger.
  if (server.chunkFramingBytes > 0) {
    add('chunked-encoding', server.chunkFramingBytes);
    bodyBytes -= server.chunkFramingBytes;
  }
  if (wire.h2) {
    add('handshake', wire.h2.prefaceBytes + wire.h2.setupBytes, true);
    add('h2-frame-headers', wire.h2.frameHeaderBytes);
    add('control', wire.h2.controlBytes);
  }
  add('frame-headers', wire.frames.dataHeaderBytes);
  add('control', wire.frames.controlBytes - wire.frames.closeBytes);
  add('control', wire.frames.closeBytes, true);
  if (transport === 'websocket') {
    // RFC 6455 §5.2: a frame's payload length is on the wire; no server bookkeeping needed.
    add('payload', wire.frames.dataPayloadBytes);
  } else {
    // Bodies: the server ledger says which bytes were messages and which were wrapping around them.
    add('payload', Math.min(server.payloadBytes, bodyBytes));
    add('body-wrapping', server.wrapBytes);
    add('sse-fields', server.sseFieldBytes);
  }
  for (const up of upstreamShares(transport, wire)) add(up.key, up.bytes);
  const attributed = [...shares.values()].reduce((a, s) => a + s.bytes, 0);
  add('unattributed', wireBytes(wire) - attributed);
  return [...shares.values()].filter((s) => s.bytes !== 0);
}

export function summarize(input: AccountingInput): LabTransportSummary {
  const { wire, server, transport } = input;
  const breakdown = byteShares(transport, wire, server);
  const total = wireBytes(wire);
  const payloadBytes = breakdown.filter((s) => s.key === 'payload').reduce((a, s) => a + s.bytes, 0);
  const oneTimeBytes = breakdown.filter((s) => s.oneTime).reduce((a, s) => a + s.bytes, 0);
  const generated = new Map(input.published.map((m) => [m.seq, m.generatedAt]));
  const latencies: number[] = [];
  for (const [seq, at] of input.received) {
    const g = generated.get(seq);
    if (g !== undefined) latencies.push(Math.max(0, at - g) / 1000);
  }
  // The published stream's figures leave the client → server half out; it has its own summary.
  const exchanges = [...wire.exchanges.values()].filter((e) => !isUpstreamExchange(e));
  const messages = input.received.size;
  const upBytes = breakdown.filter((s) => s.key.startsWith('upstream-')).reduce((a, s) => a + s.bytes, 0);
  const downTotal = total - upBytes;
  const recurring = downTotal - payloadBytes - oneTimeBytes;
  const duration = Math.max(input.durationS, 1e-6);
  const summary: LabTransportSummary = {
    transport,
    client: input.client,
    meter: input.meter,
    published: input.published.length,
    messages,
    requests: exchanges.length,
    emptyResponses: exchanges.filter((e) => e.endedAt !== null && !e.upgrade && (e.status === 204 || e.responseBodyBytes === 0)).length,
    connections: wire.connections.size,
    wireBytes: total,
    payloadBytes,
    overheadBytes: downTotal - payloadBytes,
    oneTimeBytes,
    overheadBytesPerMessage: messages > 0 ? recurring / messages : null,
    payloadEfficiency: downTotal > 0 ? payloadBytes / downTotal : null,
    latencyMs: latencySummary(latencies),
    latencyHistogram: transport === 'short-polling' || transport === 'http2-polling' ? histogram(latencies, input.options.intervalMs / 10, 12) : null,
    requestsPerSecond: exchanges.length / duration,
    bytesPerSecond: total / duration,
    breakdown,
    clientToServer: upstreamSummary(transport, wire, input.upstream),
    tcpIp: null,
    claims: [],
  };
  summary.tcpIp = tcpIpFor(summary, wire, input.kernel);
  const h2RequestHeadBytes = transport === 'http2-polling' ? exchanges.map((e) => e.requestHeadBytes).filter((n) => n > 0) : [];
  summary.claims = claimsFor(summary, input.options, { h2RequestHeadBytes });
  return summary;
}
