// The in-app lab's clients: the browser's own fetch, EventSource and WebSocket, so the bytes on the
// wire are what a browser really sends (its headers, its cookie jar). They report each delivery,
// on the engine's clock, in batches; the engine joins them with the bytes the capture saw.
import { decodeLabMessage, decodePollBody, encodeLabMessage, type LabDelivery, type LabEndpoints, type LabOptions, type LabReport, type LabTransport } from '../../../../shared/api';

export const BROWSER_TRANSPORTS: readonly LabTransport[] = ['short-polling', 'long-polling', 'sse', 'websocket'];
const REPORT_EVERY_MS = 200;
/** POSTs beyond this many unanswered are skipped, so a stalled server cannot grow a queue. */
const MAX_UP_IN_FLIGHT = 8;

/** Local time in µs on the engine's clock (the offset comes from estimateClockOffset). */
function localUs(): number {
  return (performance.timeOrigin + performance.now()) * 1000;
}

/**
 * The engine's clock minus ours, from the round trip with the smallest delay (NTP's idea, RFC 5905
 * §8): both run on this machine, so the residual error is a fraction of that round trip.
 */
export async function estimateClockOffset(engineNow: () => Promise<number>, samples = 5): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
  for (let i = 0; i < samples; i++) {
    const t0 = localUs();
    const engine = await engineNow();
    const t1 = localUs();
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: engine - (t0 + t1) / 2 };
  }
  return best.offset;
}

export class BrowserLabClients {
  private stopped = false;
  private readonly pending = new Map<LabTransport, LabDelivery[]>();
  private readonly timers: number[] = [];
  private source: EventSource | null = null;
  private socket: WebSocket | null = null;
  private readonly id = Math.random().toString(36).slice(2, 10);

  constructor(
    private readonly runId: number,
    private readonly endpoints: LabEndpoints,
    private readonly options: LabOptions,
    private readonly offsetUs: number,
    private readonly report: (report: LabReport) => Promise<void>,
    private readonly onError: (message: string) => void,
  ) {}

  /** Sets the cookie (a Set-Cookie from the lab, since fetch cannot set Cookie), then opens every client. */
  async start(): Promise<void> {
    const cookie = await fetch(this.endpoints.cookieUrl, { credentials: 'include' });
    if (!cookie.ok) this.onError(`the lab could not set its cookie (HTTP ${cookie.status})`);
    const { urls } = this.endpoints;
    this.poll('short-polling', `${urls['short-polling']}/poll?client=${this.id}`, false);
    this.poll('long-polling', `${urls['long-polling']}/poll?client=${this.id}`, true);
    this.eventSource(`${urls.sse}/sse`);
    this.webSocket(`${urls.websocket.replace(/^http/, 'ws')}/ws`);
    this.timers.push(window.setInterval(() => void this.flush(), REPORT_EVERY_MS));
    if (this.options.upstream) this.sendUp();
  }

  /**
   * The same stream client → server: the browser masks every WebSocket frame it sends (RFC 6455
   * §5.3); the HTTP transports POST each message (text/plain: a simple request, no preflight).
   */
  private sendUp(): void {
    const { urls } = this.endpoints;
    const inFlight = new Map<LabTransport, number>();
    let seq = 0;
    const post = (t: LabTransport, text: string) => {
      if ((inFlight.get(t) ?? 0) >= MAX_UP_IN_FLIGHT) return;
      inFlight.set(t, (inFlight.get(t) ?? 0) + 1);
      const body = new Blob([text], { type: 'text/plain' });
      fetch(`${urls[t]}/up?client=${this.id}`, { method: 'POST', body, credentials: 'include' })
        .catch((err: Error) => {
          if (!this.stopped) this.onError(`${t} upstream: ${err.message}`);
        })
        .finally(() => inFlight.set(t, (inFlight.get(t) ?? 1) - 1));
    };
    this.timers.push(
      window.setInterval(() => {
        if (this.stopped) return;
        const text = encodeLabMessage(++seq, Math.round(localUs() + this.offsetUs), this.options.size, this.options.format);
        if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
        for (const t of ['short-polling', 'long-polling', 'sse'] as const) post(t, text);
      }, 1000 / this.options.rate),
    );
  }

  /** Stops asking; the last deliveries still go out. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.source?.close();
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.close(1000, 'done');
    for (const t of this.timers) window.clearInterval(t);
    await this.flush();
  }

  private deliver(transport: LabTransport, messages: string[]): void {
    const receivedAt = Math.round(localUs() + this.offsetUs);
    const list = this.pending.get(transport) ?? [];
    for (const m of messages) {
      const d = decodeLabMessage(m);
      if (d) list.push({ seq: d.seq, receivedAt });
    }
    this.pending.set(transport, list);
  }

  private async flush(): Promise<void> {
    const batches = [...this.pending.entries()].filter(([, d]) => d.length > 0);
    this.pending.clear();
    await Promise.all(batches.map(([transport, deliveries]) => this.report({ runId: this.runId, transport, deliveries }).catch(() => {})));
  }

  private poll(transport: LabTransport, url: string, long: boolean): void {
    let inFlight = false;
    const once = async (): Promise<void> => {
      if (this.stopped || inFlight) return;
      inFlight = true;
      try {
        const res = await fetch(url, { credentials: 'include' });
        const body = res.status === 200 ? await res.text() : '';
        if (body) this.deliver(transport, decodePollBody(body, this.options.format));
      } catch (err) {
        if (!this.stopped) this.onError(`${transport}: ${(err as Error).message}`);
      } finally {
        inFlight = false;
      }
      if (long && !this.stopped) void once();
    };
    void once();
    if (!long) this.timers.push(window.setInterval(() => void once(), this.options.intervalMs));
  }

  private eventSource(url: string): void {
    const source = new EventSource(url, { withCredentials: true });
    source.onmessage = (e: MessageEvent<string>) => this.deliver('sse', [e.data]);
    source.onerror = () => {
      if (!this.stopped && source.readyState === EventSource.CLOSED) this.onError('sse: the event stream closed');
    };
    this.source = source;
  }

  private webSocket(url: string): void {
    const ws = new WebSocket(url);
    ws.onmessage = (e: MessageEvent) => {
      if (typeof e.data === 'string') this.deliver('websocket', [e.data]);
    };
    ws.onerror = () => {
      if (!this.stopped) this.onError('websocket: the connection failed');
    };
    this.socket = ws;
  }
}
