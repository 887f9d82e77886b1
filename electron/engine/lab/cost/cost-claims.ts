// The notes' two claims about connections, checked against measurements; each can fail, and
// cost-claims.test.ts feeds each a wrong world. English here for the CLI; the renderer words a
// claim by its id and `params`.
import type { LabClaimCheck, LabConcurrencyRow, LabIdleCost } from '../../../../shared/api';

/** At least this much server memory per idle connection for the claim to hold (a socket handle and its objects are several KiB in Node). */
export const MIN_BYTES_PER_CONNECTION = 512;

const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

/** The notes: "服务器长期维持长连接需要一定成本" — holding a connection costs the server something per client. */
export function idleCostClaim(rows: LabIdleCost[]): LabClaimCheck {
  const base = {
    id: 'server-cost-per-connection' as const,
    metric: 'memory' as const,
    source: 'notes' as const,
    claim: 'Keeping long-lived connections open costs the server resources.',
    expected: `every held connection: ≥ 1 file descriptor and ≥ ${MIN_BYTES_PER_CONNECTION} B of server memory (heap + external)`,
    explanation:
      'Each open connection is a socket (a file descriptor, kernel buffers) plus the objects the server keeps for it; an idle short-polling client costs nothing between polls, a held one costs this all the time. Per-message bytes are saved; per-client memory is the price.',
  };
  if (rows.length === 0 || rows.some((r) => r.held < r.clients)) return { ...base, measured: 'not every client was held', agrees: null };
  const measured = rows.map((r) => `${r.transport}: ${r.fdsPerConnection === null ? '? fd' : `${r.fdsPerConnection.toFixed(2)} fd`}, ${kib(r.heapBytesPerConnection + r.externalBytesPerConnection)}`).join('; ');
  const agrees = rows.every((r) => (r.fdsPerConnection === null || r.fdsPerConnection >= 0.9) && r.heapBytesPerConnection + r.externalBytesPerConnection >= MIN_BYTES_PER_CONNECTION);
  return { ...base, measured: `per connection — ${measured}`, agrees, params: { min: MIN_BYTES_PER_CONNECTION } };
}

/**
 * The notes: "传统http请求，其并发请求能力依赖于同时发起多个TCP连接…websocket允许在一条ws连接上同时并发多个请求".
 * Holds when one WebSocket carries every request at once (total time near one request's work) and
 * HTTP/1.1 needed several connections; fails for a WebSocket server that answers one at a time.
 */
export function concurrencyClaim(rows: LabConcurrencyRow[], workMs: number): LabClaimCheck {
  const base = {
    id: 'one-connection-concurrency' as const,
    metric: 'concurrency' as const,
    source: 'notes' as const,
    claim: 'HTTP needs several TCP connections for concurrent requests; WebSocket carries many requests at once over one connection.',
    expected: `WebSocket: 1 connection, all answers within 3 × ${workMs} ms of work; HTTP/1.1: more than one connection`,
    explanation:
      'HTTP/1.1 answers requests on a connection in order (RFC 9112 §9.3.2), so a browser opens up to six per host and queues the rest; messages with ids over one WebSocket can all be in flight, answered in any order.',
  };
  const http = rows.find((r) => r.transport === 'http1');
  const ws = rows.find((r) => r.transport === 'websocket');
  if (!http || !ws || ws.requests < 2) return { ...base, measured: 'not enough requests', agrees: null };
  const measured = `WebSocket: ${ws.connections} connection, ${Math.round(ws.totalMs)} ms for ${ws.requests}; HTTP/1.1: ${http.connections} connections, ${Math.round(http.totalMs)} ms, queued ${Math.round(http.queueMs.mean)} ms on average`;
  const params = { workMs, wsConnections: ws.connections, wsMs: ws.totalMs, requests: ws.requests, httpConnections: http.connections, httpMs: http.totalMs, queueMs: http.queueMs.mean };
  return { ...base, measured, agrees: ws.connections === 1 && ws.totalMs <= 3 * workMs + 50 && http.connections > 1, params };
}
