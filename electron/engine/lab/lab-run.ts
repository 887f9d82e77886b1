// One lab run: the publisher, the five transports' servers, a meter in front of each, the clients'
// deliveries, and the phases from connecting to the final, exact summary. Used by the engine's
// LabService (in-app), the CLI and the sweeps alike.
import {
  LAB_TRANSPORTS,
  type LabDelivery,
  type LabDeliveryMark,
  type LabEndpoints,
  type LabLive,
  type LabOptions,
  type LabSummary,
  type LabTransport,
} from '../../../shared/api';
import { summarize } from './accounting';
import { startNodeClient, type LabClient } from './clients/node-clients';
import { nowUs } from './clock';
import { startLabServers, type LabServers } from './lab-servers';
import { MarkTracker } from './lab-marks';
import type { TransportMeter } from './meter/transport-meter';
import { wireBytes } from './meter/wire-ledger';
import { KernelTcpCounter, readTcpSockets, type TcpTotals } from './meter/kernel-tcp';
import { Publisher } from './publisher';

/** Creates the meter in front of one transport's server (capture proxy or socket tap). */
export type MeterFactory = (transport: LabTransport, serverPort: number) => Promise<TransportMeter>;

export interface LabRunConfig {
  runId: number;
  options: LabOptions;
  meterFor: MeterFactory;
  onError: (message: string) => void;
}

const POLL_MS = 25;

export class LabRun {
  readonly publisher: Publisher;
  readonly received = Object.fromEntries(LAB_TRANSPORTS.map((t) => [t, new Map<number, number>()])) as Record<LabTransport, Map<number, number>>;
  startedAt: number | null = null;
  endedAt: number | null = null;
  private readonly nodeClients: LabClient[] = [];
  private readonly nodeTransports = new Set<LabTransport>();
  private readonly marks = new MarkTracker();
  private readonly kernel: Record<LabTransport, KernelTcpCounter>;
  private newDeliveries: LabDeliveryMark[] = [];
  private publishedSent = 0;
  private disposed = false;
  private stopRequested = false;

  private constructor(
    private readonly config: LabRunConfig,
    publisher: Publisher,
    readonly servers: LabServers,
    readonly meters: Record<LabTransport, TransportMeter>,
  ) {
    this.publisher = publisher;
    this.kernel = Object.fromEntries(LAB_TRANSPORTS.map((t) => [t, new KernelTcpCounter(Number(new URL(meters[t].url).port))])) as Record<LabTransport, KernelTcpCounter>;
  }

  kernelTotals(t: LabTransport): TcpTotals | null {
    return this.kernel[t].available ? this.kernel[t].totals() : null;
  }

  /** Reads the kernel's counters for every transport's hop (one `ss` call). */
  async sampleKernel(): Promise<void> {
    const all = await readTcpSockets(LAB_TRANSPORTS.map((t) => this.kernel[t].port));
    for (const t of LAB_TRANSPORTS) this.kernel[t].take(all);
  }

  static async start(config: LabRunConfig): Promise<LabRun> {
    const publisher = new Publisher(config.options);
    const servers = await startLabServers(publisher, config.options);
    const meters: Partial<Record<LabTransport, TransportMeter>> = {};
    try {
      for (const t of LAB_TRANSPORTS) meters[t] = await config.meterFor(t, servers.ports[t]);
    } catch (err) {
      await Promise.all(Object.values(meters).map((m) => m.close()));
      await servers.close();
      throw err;
    }
    return new LabRun(config, publisher, servers, meters as Record<LabTransport, TransportMeter>);
  }

  get options(): LabOptions {
    return this.config.options;
  }

  endpoints(): LabEndpoints {
    const urls = {} as LabEndpoints['urls'];
    const meters = {} as LabEndpoints['meters'];
    for (const t of LAB_TRANSPORTS) {
      urls[t] = this.meters[t].url;
      meters[t] = this.meters[t].kind;
    }
    return { urls, meters, cookieUrl: this.servers.cookieUrl };
  }

  clientOf(t: LabTransport): 'browser' | 'node' {
    return this.nodeTransports.has(t) ? 'node' : 'browser';
  }

  /** Starts the engine's own clients (all transports headless; HTTP/2 always). */
  startNodeClients(transports: readonly LabTransport[]): void {
    for (const transport of transports) {
      this.nodeTransports.add(transport);
      this.nodeClients.push(
        startNodeClient({
          transport,
          baseUrl: this.meters[transport].url,
          format: this.options.format,
          intervalMs: this.options.intervalMs,
          cookieBytes: this.options.cookieBytes,
          upstream: this.options.upstream ? { rate: this.options.rate, size: this.options.size, format: this.options.format } : null,
          deliver: (d) => this.report(transport, d),
          onError: this.config.onError,
        }),
      );
    }
  }

  /** Publishing starts once every transport's client has connected, so nobody starts behind. */
  async begin(readyTimeoutMs = 5000): Promise<LabTransport[]> {
    const deadline = Date.now() + readyTimeoutMs;
    while (this.servers.seen.size < LAB_TRANSPORTS.length && Date.now() < deadline && !this.stopRequested) await delay(POLL_MS);
    // Stopped before it began: nothing was published, nothing to start.
    if (this.stopRequested) return LAB_TRANSPORTS.filter((t) => !this.servers.seen.has(t));
    this.startedAt = nowUs();
    this.publisher.start();
    return LAB_TRANSPORTS.filter((t) => !this.servers.seen.has(t));
  }

  report(transport: LabTransport, deliveries: LabDelivery[]): void {
    const got = this.received[transport];
    for (const d of deliveries) {
      if (!Number.isInteger(d.seq) || d.seq < 1 || d.seq > this.publisher.history.length || got.has(d.seq)) continue;
      if (!Number.isFinite(d.receivedAt)) continue;
      got.set(d.seq, d.receivedAt);
      const generatedAt = this.publisher.history[d.seq - 1]!.generatedAt;
      this.newDeliveries.push({ transport, seq: d.seq, generatedAt, receivedAt: d.receivedAt });
    }
  }

  /** Transports still missing messages. */
  behind(): LabTransport[] {
    const n = this.publisher.history.length;
    return LAB_TRANSPORTS.filter((t) => this.received[t].size < n);
  }

  async live(): Promise<LabLive> {
    await Promise.all([...LAB_TRANSPORTS.map((t) => this.meters[t].refresh()), this.sampleKernel()]);
    const history = this.publisher.history;
    const published = history.slice(this.publishedSent);
    this.publishedSent = history.length;
    const deliveries = this.newDeliveries;
    this.newDeliveries = [];
    const marks = LAB_TRANSPORTS.flatMap((t) => this.marks.collect(t, this.meters[t]));
    return { runId: this.config.runId, now: nowUs(), published, deliveries, marks, summary: this.summary() };
  }

  summary(): LabSummary {
    const end = this.endedAt ?? nowUs();
    const durationS = this.startedAt === null ? 0 : (end - this.startedAt) / 1e6;
    const rows = LAB_TRANSPORTS.map((t) =>
      summarize({
        transport: t,
        client: this.clientOf(t),
        meter: this.meters[t].kind,
        options: this.options,
        wire: this.meters[t].ledger,
        server: this.servers.ledgers[t],
        upstream: this.servers.upstream[t],
        published: this.publisher.history,
        received: this.received[t],
        durationS,
        kernel: this.kernelTotals(t),
      }),
    );
    return { runId: this.config.runId, durationS, published: this.publisher.history.length, rows };
  }

  /** Stops publishing and waits until every transport has delivered everything (or the timeout). */
  async drain(): Promise<LabTransport[]> {
    this.stopRequested = true;
    this.publisher.stop();
    this.endedAt = nowUs();
    // Short polling needs up to one interval (plus a request) to collect the last message.
    const deadline = Date.now() + Math.max(3000, 2.5 * this.options.intervalMs + 1000);
    while (this.behind().length > 0 && Date.now() < deadline && !this.disposed) await delay(POLL_MS);
    await this.sampleKernel();
    return this.behind();
  }

  /**
   * Ends the clients' traffic: Node clients stop, browser clients stop when they see the 'closing'
   * phase; then the servers answer parked polls and close what is left. Finally the meters must
   * settle (every connection closed, totals unchanged) so the summary is of the whole exchange.
   */
  async close(): Promise<LabSummary> {
    // The last look at the sockets' counters before the clients close them.
    await this.sampleKernel();
    await Promise.all(this.nodeClients.map((c) => c.stop()));
    const graceUntil = Date.now() + 1500;
    while (this.servers.openStreams() > 0 && Date.now() < graceUntil) await delay(POLL_MS);
    this.servers.finish();
    await this.settle();
    return this.summary();
  }

  private async settle(): Promise<void> {
    const deadline = Date.now() + 3000;
    let last = -1;
    while (Date.now() < deadline) {
      await Promise.all(LAB_TRANSPORTS.map((t) => this.meters[t].refresh()));
      const total = LAB_TRANSPORTS.reduce((a, t) => a + wireBytes(this.meters[t].ledger), 0);
      const open = LAB_TRANSPORTS.some((t) => this.hasOpenStream(t));
      if (!open && total === last) return;
      last = total;
      await delay(50);
    }
  }

  /** SSE and WebSocket connections still open; polling keep-alive connections may idle on. */
  private hasOpenStream(t: LabTransport): boolean {
    if (t !== 'sse' && t !== 'websocket') return false;
    return [...this.meters[t].ledger.connections.values()].some((c) => c.closedAt === null);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.stopRequested = true;
    this.publisher.stop();
    await Promise.all(this.nodeClients.map((c) => c.stop()));
    this.servers.finish();
    await Promise.all(LAB_TRANSPORTS.map((t) => this.meters[t].close()));
    await this.servers.close();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
