// The lab's summary as plain text (for `framescope lab`) and as the --json objects.
import { connectionJson, connectionLines, type ConnectionFigures } from './cost/cost-report';
import { socketIoJson, socketIoLines } from './socketio/socketio-figures';
import { LAB_TRANSPORT_LABELS, labVerdict, type LabCompression, type LabOptions, type LabSummary, type LabTransportSummary, type SocketIoRecording } from '../../../shared/api';

/** What the CLI measures beside the run: idle cost and concurrency (cost-report.ts), Socket.IO's two sessions. */
export type LabFigures = ConnectionFigures & { socketIo?: SocketIoRecording | null };

function fixed(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);
}

function bytes(n: number): string {
  return n < 10_000 ? `${Math.round(n)} B` : n < 10_000_000 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1_048_576).toFixed(1)} MiB`;
}

const COLUMNS: Array<[string, (r: LabTransportSummary) => string]> = [
  ['transport', (r) => r.transport],
  ['messages', (r) => `${r.messages}/${r.published}`],
  ['requests', (r) => String(r.requests)],
  ['empty', (r) => String(r.emptyResponses)],
  ['conns', (r) => String(r.connections)],
  ['overhead/msg', (r) => (r.overheadBytesPerMessage === null ? '–' : `${fixed(r.overheadBytesPerMessage)} B`)],
  ['setup', (r) => bytes(r.oneTimeBytes)],
  ['payload %', (r) => (r.payloadEfficiency === null ? '–' : `${(r.payloadEfficiency * 100).toFixed(1)}%`)],
  ['mean ms', (r) => fixed(r.latencyMs?.mean)],
  ['p50 ms', (r) => fixed(r.latencyMs?.p50)],
  ['p95 ms', (r) => fixed(r.latencyMs?.p95)],
  ['segs/msg', (r) => fixed(r.tcpIp?.segmentsPerMessage)],
  ['IP+TCP/msg', (r) => (r.tcpIp?.headerBytesPerMessage == null ? '–' : `${fixed(r.tcpIp.headerBytesPerMessage)} B${r.tcpIp.measured ? '' : '*'}`)],
  ['req/s', (r) => fixed(r.requestsPerSecond)],
  ['bytes/s', (r) => bytes(r.bytesPerSecond)],
];

export function summaryTable(summary: LabSummary, options: LabOptions, compression: LabCompression[] = [], figures: LabFigures = NO_FIGURES): string[] {
  const rows = summary.rows.map((r) => COLUMNS.map(([, f]) => f(r)));
  const widths = COLUMNS.map(([h], i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const meters = new Set(summary.rows.map((r) => `${LAB_TRANSPORT_LABELS[r.transport]}: ${r.meter === 'capture-proxy' ? 'capture proxy' : 'socket tap'}`));
  const out = [
    `Framescope lab: ${fixed(summary.durationS)} s, ${options.rate} msg/s, ${options.size} B ${options.format} messages, ${options.pattern}, ${options.phase} phase, polling every ${options.intervalMs} ms, cookie ${options.cookieBytes} B`,
    `Bytes counted by: ${[...meters].join(', ')}. Node clients with a browser's header set.`,
    '',
    line(COLUMNS.map(([h]) => h)),
    ...rows.map(line),
    '',
    'overhead/msg: recurring wire bytes that are not message, per message; setup: paid once per connection (handshakes, stream heads).',
    `segs/msg, IP+TCP/msg: the packets underneath, per message; ${summary.rows.some((r) => r.tcpIp && !r.tcpIp.measured) ? '* estimated (no kernel counters here)' : "counted by the kernel (TCP_INFO via ss)"}.`,
    '',
    ...upstreamLines(summary),
    ...compressionLines(compression),
    ...connectionLines(figures),
    ...(figures.socketIo ? socketIoLines(figures.socketIo) : []),
    'The seed notes say, and this run measured:',
  ];
  for (const r of summary.rows) {
    for (const c of r.claims) {
      const verdict = c.agrees === null ? '·' : c.agrees ? '✓' : '✗';
      out.push(`  ${verdict} ${r.transport.padEnd(14)} ${c.claim}`);
      out.push(`    ${''.padEnd(14)} expected: ${c.expected}`);
      out.push(`    ${''.padEnd(14)} measured: ${c.measured}`);
      out.push(`    ${''.padEnd(14)} why: ${c.explanation}`);
    }
  }
  return out;
}

/** One object per transport: the fields scripts rely on, plus the byte breakdown. */
const NO_FIGURES: LabFigures = { idle: null, concurrency: null };

export function summaryJson(summary: LabSummary, options: LabOptions, compression: LabCompression[] = [], figures: LabFigures = NO_FIGURES): object[] {
  return summary.rows.map((r) => {
    const more = connectionJson(r.transport, figures);
    return {
    transport: r.transport,
    published: r.published,
    messages: r.messages,
    requests: r.requests,
    emptyResponses: r.emptyResponses,
    connections: r.connections,
    overheadBytesPerMessage: r.overheadBytesPerMessage,
    oneTimeBytes: r.oneTimeBytes,
    payloadBytes: r.payloadBytes,
    wireBytes: r.wireBytes,
    payloadEfficiency: r.payloadEfficiency,
    latencyMs: r.latencyMs,
    phaseModel: options.phase,
    latencyHistogram: r.latencyHistogram,
    requestsPerSecond: r.requestsPerSecond,
    bytesPerSecond: r.bytesPerSecond,
    meter: r.meter,
    client: r.client,
    breakdown: r.breakdown,
    clientToServer: r.clientToServer,
    compression: compression.filter((c) => c.transport === r.transport),
    tcpIpBytesPerMessage: r.tcpIp?.headerBytesPerMessage ?? null,
    tcpIpMeasured: r.tcpIp?.measured ?? false,
    tcpSegmentsPerMessage: r.tcpIp?.segmentsPerMessage ?? null,
    wireBytesPerMessageWithTcpIp: r.tcpIp?.wireBytesPerMessage ?? null,
    idleConnection: more.idleConnection,
    concurrency: more.concurrency,
    socketIo: r.transport === 'websocket' && figures.socketIo ? socketIoJson(figures.socketIo) : null,
    claims: [...r.claims.map((c) => ({ id: c.id, metric: c.metric, source: c.source, claim: c.claim, verdict: labVerdict(c), measured: c.measured, expected: c.expected })), ...more.extraClaims],
    };
  });
}

function upstreamLines(summary: LabSummary): string[] {
  const rows = summary.rows.filter((r) => r.clientToServer);
  if (rows.length === 0) return [];
  return [
    'Client → server (the same stream sent up):',
    ...rows.map((r) => {
      const up = r.clientToServer!;
      const sizes = up.frameHeaderSizes ? `, frame headers ${Object.entries(up.frameHeaderSizes).map(([s, n]) => `${s} B × ${n}`).join(', ')}` : `, ${up.requests} POSTs`;
      return `  ${r.transport.padEnd(14)} ${up.messages} messages, ${fixed(up.overheadBytesPerMessage)} B of overhead each${sizes}, mean ${fixed(up.latencyMs?.mean)} ms`;
    }),
    '',
  ];
}

function compressionLines(rows: LabCompression[]): string[] {
  if (rows.length === 0) return [];
  return [
    `Compression on the same stream (${rows[0]!.messages} messages, bytes the server wrote, measured on loopback sockets):`,
    ...rows.map((c) => `  ${c.transport.padEnd(14)} ${c.scheme.padEnd(40)} ${c.plainBytes} → ${c.compressedBytes} B, ${(c.savedShare * 100).toFixed(1)}% saved (${fixed(c.bytesSavedPerMessage)} B a message)`),
    '',
  ];
}
