// The client → server half of a transport's bytes (LabOptions.upstream): POST exchanges over HTTP,
// masked client frames over WebSocket. Kept apart from the published stream's accounting, so the
// downstream figures mean the same with or without it.
import type { LabByteShare, LabTransport, LabUpstreamSummary } from '../../../shared/api';
import { isUpstreamExchange, type WireLedger } from './meter/wire-ledger';
import { latencySummary } from './stats';
import type { UpstreamReceiver } from './transports/upstream-receiver';

export function upstreamShares(transport: LabTransport, wire: WireLedger): LabByteShare[] {
  let headers = 0;
  let payload = 0;
  for (const ex of wire.exchanges.values()) {
    if (!isUpstreamExchange(ex)) continue;
    headers += ex.requestHeadBytes + ex.responseHeadBytes;
    payload += ex.requestBodyBytes + ex.responseBodyBytes;
  }
  const out: LabByteShare[] = [
    { key: 'upstream-headers', bytes: headers, oneTime: false },
    { key: 'upstream-frame-headers', bytes: transport === 'websocket' ? wire.frames.upHeaderBytes : 0, oneTime: false },
    { key: 'upstream-payload', bytes: payload + (transport === 'websocket' ? wire.frames.upPayloadBytes : 0), oneTime: false },
  ];
  return out.filter((s) => s.bytes > 0);
}

export function upstreamSummary(transport: LabTransport, wire: WireLedger, receiver: UpstreamReceiver): LabUpstreamSummary | null {
  const shares = upstreamShares(transport, wire);
  const messages = receiver.received.size;
  if (messages === 0 && shares.length === 0) return null;
  const sum = (key: LabByteShare['key']) => shares.filter((s) => s.key === key).reduce((a, s) => a + s.bytes, 0);
  const overheadBytes = sum('upstream-headers') + sum('upstream-frame-headers');
  const lat = latencySummary([...receiver.received.values()].map((r) => Math.max(0, r.receivedAt - r.generatedAt) / 1000));
  return {
    messages,
    payloadBytes: sum('upstream-payload'),
    overheadBytes,
    overheadBytesPerMessage: messages > 0 ? overheadBytes / messages : null,
    requests: [...wire.exchanges.values()].filter(isUpstreamExchange).length,
    frameHeaderSizes: transport === 'websocket' ? { ...wire.frames.upHeaderSizes } : null,
    latencyMs: lat ? { mean: lat.mean, p50: lat.p50, p95: lat.p95 } : null,
  };
}
