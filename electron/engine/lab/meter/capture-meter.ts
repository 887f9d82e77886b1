// The capture proxy as a lab meter: a reverse proxy in front of one transport's server, and a
// ledger fed by the capture's change feed (connections and HTTP exchanges arrive whole in their
// deltas; frames are read by id range only for connections whose 'frames' delta said so). Nothing
// is asked for that the feed did not announce: no polling of our own engine. The lab keeps what it
// counted, so clearing the capture mid-run loses nothing already counted.
import type { CaptureApi, CaptureDeltaEvent, LabHandshake, ProxyOptions, ProxyStatus } from '../../../../shared/api';
import type { ConnectionSource, ConnectionSummary, HttpExchange } from '../../../../shared/model';
import type { TransportMeter } from './transport-meter';
import { emptyLedger, type FrameMark, type MeteredExchange, type WireLedger } from './wire-ledger';

/** The part of the capture service the lab uses. */
export interface LabCapture extends Pick<CaptureApi, 'startProxy' | 'stopProxy' | 'listConnections' | 'listHttpExchanges' | 'queryFrames' | 'getConnection'> {
  /** The change feed, in process (capture-service.ts): the meters follow it instead of asking. */
  subscribeCapture?(listener: (event: CaptureDeltaEvent) => void): () => void;
  /** A proxy kept out of the user's proxy list, whose connections carry `source` ('lab'). */
  startInternalProxy?(options: ProxyOptions, source: ConnectionSource): Promise<{ info: ProxyStatus; close(): Promise<void> }>;
}

const FRAME_PAGE = 2000;
const latin1 = new TextDecoder('latin1');

export class CaptureMeter implements TransportMeter {
  readonly kind = 'capture-proxy' as const;
  readonly ledger: WireLedger = emptyLedger(false);
  private frameMarks: FrameMark[] = [];
  /** Capture connection id → frames already read from it. */
  private readonly frameCursor = new Map<number, number>();
  private readonly seen = new Map<number, string>();
  /** Fed by the change feed: our connections' latest summaries, and those with news to apply. */
  private readonly mine = new Map<number, ConnectionSummary>();
  private readonly dirty = new Set<number>();
  private readonly framesDue = new Set<number>();
  private readonly unsubscribe: (() => void) | null;

  private constructor(
    private readonly capture: LabCapture,
    private readonly proxy: ProxyStatus,
    private readonly targetPort: number,
    private readonly stop: () => Promise<void>,
  ) {
    this.unsubscribe = capture.subscribeCapture?.((event) => this.onDeltas(event)) ?? null;
  }

  private onDeltas(event: CaptureDeltaEvent): void {
    for (const d of event.deltas) {
      if (d.type === 'connection' && this.ours(d.connection)) {
        this.mine.set(d.connection.id, d.connection);
        this.dirty.add(d.connection.id);
      } else if (d.type === 'exchange' && this.mine.has(d.exchange.connectionId)) {
        const ex = d.exchange;
        this.ledger.exchanges.set(`c${ex.connectionId}.${ex.id}`, toMetered(ex.connectionId, ex));
        this.dirty.add(ex.connectionId);
      } else if (d.type === 'frames' && this.mine.has(d.connectionId)) {
        this.framesDue.add(d.connectionId);
        this.dirty.add(d.connectionId);
      }
    }
  }

  static async start(capture: LabCapture, targetPort: number): Promise<CaptureMeter> {
    const options: ProxyOptions = { mode: 'reverse', listenHost: '127.0.0.1', listenPort: 0, target: `ws://127.0.0.1:${targetPort}/` };
    if (capture.startInternalProxy) {
      const proxy = await capture.startInternalProxy(options, 'lab');
      return new CaptureMeter(capture, proxy.info, targetPort, () => proxy.close());
    }
    const proxy = await capture.startProxy(options);
    return new CaptureMeter(capture, proxy, targetPort, () => capture.stopProxy(proxy.id));
  }

  get url(): string {
    return `http://127.0.0.1:${this.proxy.listenPort}`;
  }

  /** A connection belongs to this meter if it went to our target, or came in on our port. */
  private ours(c: ConnectionSummary): boolean {
    if (c.server?.port === this.targetPort) return true;
    try {
      return new URL(c.url).port === String(this.proxy.listenPort);
    } catch {
      return false;
    }
  }

  /** Applies what the feed announced since the last call (frames are read by range, for announced connections only). */
  async refresh(): Promise<void> {
    if (this.unsubscribe) return this.applyFeed();
    return this.pull();
  }

  private async applyFeed(): Promise<void> {
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const id of ids) {
      const c = this.mine.get(id)!;
      if (this.framesDue.delete(id)) await this.readFrames(id);
      this.book(c);
    }
  }

  private book(c: ConnectionSummary): void {
    const key = `c${c.id}`;
    // WebSocket counters start after the handshake (model.ts DirectionCounters); add the heads back.
    const heads = c.kind === 'websocket' ? this.handshakeOf(c.id) : { up: 0, down: 0 };
    this.ledger.connections.set(key, {
      id: key,
      openedAt: c.openedAt,
      closedAt: c.closedAt,
      bytesUp: c.counters.client.bytes + heads.up,
      bytesDown: c.counters.server.bytes + heads.down,
    });
  }

  /** Without a feed (a capture double that has none): ask the capture for what changed. */
  private async pull(): Promise<void> {
    const connections = (await this.capture.listConnections()).filter((c) => this.ours(c));
    for (const c of connections) {
      const changed = this.seen.get(c.id) !== fingerprint(c);
      if (!changed) continue;
      this.seen.set(c.id, fingerprint(c));
      for (const ex of await this.capture.listHttpExchanges({ connectionId: c.id })) this.ledger.exchanges.set(`c${c.id}.${ex.id}`, toMetered(c.id, ex));
      if (c.kind === 'websocket') await this.readFrames(c.id);
      this.book(c);
    }
  }

  private handshakeOf(connectionId: number): { up: number; down: number } {
    let up = 0;
    let down = 0;
    for (const ex of this.ledger.exchanges.values()) {
      if (ex.connectionId !== `c${connectionId}`) continue;
      up += ex.requestHeadBytes + ex.requestBodyBytes;
      down += ex.responseHeadBytes + ex.responseBodyBytes;
    }
    return { up, down };
  }

  private async readFrames(connectionId: number): Promise<void> {
    const totals = this.ledger.frames;
    for (;;) {
      const start = this.frameCursor.get(connectionId) ?? 0;
      const page = await this.capture.queryFrames({ filter: { connectionId }, start, count: FRAME_PAGE });
      // Cleared capture: the rows we had are gone; keep our totals, follow from what remains.
      if (page.total < start) {
        this.frameCursor.set(connectionId, page.total);
        return;
      }
      for (const f of page.rows) {
        const bytes = f.headerLength + f.payloadLength;
        if (f.opcode >= 8) {
          totals.controlFrames++;
          totals.controlBytes += bytes;
          if (f.opcode === 8) totals.closeBytes += bytes;
        } else if (f.from === 'client') {
          totals.upDataFrames++;
          totals.upHeaderBytes += f.headerLength;
          totals.upPayloadBytes += f.payloadLength;
          totals.upHeaderSizes[f.headerLength] = (totals.upHeaderSizes[f.headerLength] ?? 0) + 1;
        } else {
          totals.dataFrames++;
          totals.dataHeaderBytes += f.headerLength;
          totals.dataPayloadBytes += f.payloadLength;
        }
        this.frameMarks.push({ id: `c${connectionId}.f${f.id}`, from: f.from, time: f.time, bytes, opcode: f.opcode });
      }
      this.frameCursor.set(connectionId, start + page.rows.length);
      if (page.rows.length < FRAME_PAGE) return;
    }
  }

  drainFrameMarks(): FrameMark[] {
    return this.frameMarks.splice(0);
  }

  async handshake(tag: string): Promise<LabHandshake | null> {
    const c = (await this.capture.listConnections()).find((x) => this.ours(x) && x.url.includes(tag));
    if (!c) return null;
    const detail = await this.capture.getConnection(c.id);
    const { request, response, subprotocol } = detail.handshake;
    if (!request) return null;
    return { request: latin1.decode(request.raw), response: response ? latin1.decode(response.raw) : '', subprotocol };
  }

  close(): Promise<void> {
    this.unsubscribe?.();
    return this.stop();
  }
}

function fingerprint(c: ConnectionSummary): string {
  return `${c.state}/${c.closedAt}/${c.counters.client.bytes}/${c.counters.server.bytes}/${c.counters.client.frames}/${c.counters.server.frames}`;
}

function toMetered(connectionId: number, ex: HttpExchange): MeteredExchange {
  let path = ex.url;
  try {
    const u = new URL(ex.url);
    path = u.pathname + u.search;
  } catch {
    // keep the raw url
  }
  return {
    id: `c${connectionId}.${ex.id}`,
    connectionId: `c${connectionId}`,
    method: ex.method,
    path,
    startedAt: ex.startedAt,
    endedAt: ex.endedAt,
    status: ex.status,
    requestHeadBytes: ex.requestHead.length,
    requestBodyBytes: ex.requestBodyBytes,
    responseHeadBytes: ex.responseHead?.length ?? 0,
    responseBodyBytes: ex.responseBodyBytes,
    upgrade: ex.status === 101,
  };
}
