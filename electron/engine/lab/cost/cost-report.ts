// The idle-connection cost and the concurrency comparison in `framescope lab`: extra fields on the
// --json objects (per transport), and lines for the table.
import type { LabConcurrencyResult, LabIdleCostResult, LabTransport } from '../../../../shared/api';
import { labVerdict } from '../../../../shared/api';

export interface ConnectionFigures {
  idle: LabIdleCostResult | null;
  concurrency: LabConcurrencyResult | null;
}

const claimJson = (c: LabIdleCostResult['claim']) => ({ id: c.id, metric: c.metric, source: c.source, claim: c.claim, verdict: labVerdict(c), measured: c.measured, expected: c.expected });

/** The fields a transport's --json object gains (idleConnection for the three held transports; concurrency on WebSocket's). */
export function connectionJson(transport: LabTransport, f: ConnectionFigures): { idleConnection: object | null; concurrency: object | null; extraClaims: object[] } {
  const idle = f.idle?.rows.find((r) => r.transport === transport) ?? null;
  const ws = transport === 'websocket';
  return {
    idleConnection: idle && {
      clients: idle.clients,
      held: idle.held,
      fdsPerConnection: idle.fdsPerConnection,
      heapBytesPerConnection: Math.round(idle.heapBytesPerConnection),
      externalBytesPerConnection: Math.round(idle.externalBytesPerConnection),
      rssBytesPerConnection: Math.round(idle.rssBytesPerConnection),
      heapSpreadBytes: Math.round(idle.heapSpreadBytes),
      estimate: true,
      method: f.idle!.method,
    },
    concurrency: ws && f.concurrency ? { requests: f.concurrency.requests, workMs: f.concurrency.workMs, maxConnections: f.concurrency.maxConnections, rows: f.concurrency.rows } : null,
    extraClaims: [...(idle && ws ? [claimJson(f.idle!.claim)] : []), ...(ws && f.concurrency ? [claimJson(f.concurrency.claim)] : [])],
  };
}

const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

export function connectionLines(f: ConnectionFigures): string[] {
  const out: string[] = [];
  if (f.idle) {
    out.push(`What idle connections cost the server (${f.idle.clients} clients each; memory is an estimate${f.idle.gcForced ? ', read after a full GC' : ''}):`);
    for (const r of f.idle.rows) {
      out.push(`  ${r.transport.padEnd(14)} ${r.fdsPerConnection === null ? '? fd' : `${r.fdsPerConnection.toFixed(2)} fd`}, heap ${kib(r.heapBytesPerConnection)} (±${kib(r.heapSpreadBytes / 2)}), external ${kib(r.externalBytesPerConnection)}, RSS ${kib(r.rssBytesPerConnection)} per connection`);
    }
    out.push('');
  }
  if (f.concurrency) {
    const c = f.concurrency;
    out.push(`${c.requests} requests in flight, ${c.workMs} ms of server work each:`);
    for (const r of c.rows) {
      out.push(`  ${(r.transport === 'http1' ? `HTTP/1.1 (≤ ${c.maxConnections} conns)` : 'WebSocket (ids)').padEnd(22)} ${r.connections} connections, ${Math.round(r.totalMs)} ms in all, queued ${Math.round(r.queueMs.mean)} ms on average (max ${Math.round(r.queueMs.max)}), ${r.bytes} B`);
    }
    out.push('');
  }
  for (const claim of [f.idle?.claim, f.concurrency?.claim]) {
    if (!claim) continue;
    out.push(`  ${claim.agrees === null ? '·' : claim.agrees ? '✓' : '✗'} ${claim.claim}`, `    measured: ${claim.measured}`);
  }
  if (out.length > 0) out.push('');
  return out;
}
