// The notes' extra demonstrations, on one WebSocket server behind a meter:
//  /broadcast   every client receives each broadcast ("websocket can broadcast");
//  /slow        a peer that reads 2 MiB a second, so a faster sender's bufferedAmount grows
//               ("send is asynchronous: the data queues on the client and the call returns");
//  /subprotocol the server picks one of the subprotocols offered in the constructor's second
//               argument (RFC 6455 §1.9, §4.2.2 Sec-WebSocket-Protocol).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeLabMessage, type LabDemoEndpoints, type LabHandshake } from '../../../shared/api';
import { computeAccept } from '../../../shared/protocol';
import { nowUs } from './clock';
import { corsHeaders, listenHttp, type Listening } from './transports/http-common';
import type { TransportMeter } from './meter/transport-meter';
import type { FrameMark } from './meter/wire-ledger';

/** The server's own preference order; it answers with the first of these the client offered. */
export const LAB_SUBPROTOCOLS = ['lab.v2.framescope', 'lab.v1.framescope'];
export const SLOW_READ_BYTES_PER_SECOND = 2 * 1024 * 1024;
const SLOW_TICK_MS = 50;
/** How long a broadcast's copies may take to show in the capture before the figures are left out. */
const MEASURE_TIMEOUT_MS = 3000;

export class DemoServer {
  private seq = 0;
  private readonly slowSockets = new Set<Duplex>();

  private constructor(
    private readonly http: Listening,
    private readonly broadcast: WebSocketServer,
    private readonly negotiate: WebSocketServer,
    private readonly meter: TransportMeter,
  ) {}

  static async start(meterFor: (port: number) => Promise<TransportMeter>): Promise<DemoServer> {
    const http = await listenHttp((req, res) => {
      res.writeHead(404, corsHeaders(req));
      res.end();
    });
    const broadcast = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    const negotiate = new WebSocketServer({
      noServer: true,
      perMessageDeflate: false,
      handleProtocols: (offered) => LAB_SUBPROTOCOLS.find((p) => offered.has(p)) ?? false,
    });
    negotiate.on('connection', (ws) => ws.send(`You offered a list; the server chose "${ws.protocol || 'none'}".`));
    let meter: TransportMeter;
    try {
      meter = await meterFor(http.port);
    } catch (err) {
      await http.close();
      throw err;
    }
    const demo = new DemoServer(http, broadcast, negotiate, meter);
    http.server.on('upgrade', (req, socket, head) => demo.upgrade(req, socket, head));
    return demo;
  }

  endpoints(): LabDemoEndpoints {
    const ws = this.meter.url.replace(/^http/, 'ws');
    return {
      broadcastUrl: `${ws}/broadcast`,
      slowUrl: `${ws}/slow`,
      subprotocolUrl: `${ws}/subprotocol`,
      subprotocols: [...LAB_SUBPROTOCOLS],
      meter: this.meter.kind,
    };
  }

  send(size: number): { seq: number; sentAt: number; clients: number } {
    const seq = ++this.seq;
    const sentAt = nowUs();
    const text = encodeLabMessage(seq, sentAt, size, 'json');
    let clients = 0;
    for (const ws of this.broadcast.clients) {
      if (ws.readyState !== ws.OPEN) continue;
      ws.send(text);
      clients++;
    }
    return { seq, sentAt, clients };
  }

  /**
   * Broadcast, measured on the wire: waits (bounded) until the meter has seen each client's copy
   * of this message, then reports their bytes (header + payload, RFC 6455 §5.2) and how long after
   * the send the last one passed the proxy.
   */
  async broadcastMeasured(size: number): Promise<{ seq: number; sentAt: number; clients: number; wireBytes: number | null; lastFrameAfterMs: number | null }> {
    this.meter.drainFrameMarks();
    const sent = this.send(size);
    const frameBytes = size + (size <= 125 ? 2 : size <= 65_535 ? 4 : 10);
    const seen: FrameMark[] = [];
    const deadline = Date.now() + MEASURE_TIMEOUT_MS;
    while (seen.length < sent.clients && Date.now() < deadline) {
      await this.meter.refresh();
      seen.push(...this.meter.drainFrameMarks().filter((f) => f.from === 'server' && f.opcode === 1 && f.bytes === frameBytes && f.time >= sent.sentAt));
      if (seen.length < sent.clients) await new Promise((r) => setTimeout(r, 20));
    }
    if (seen.length < sent.clients) return { ...sent, wireBytes: null, lastFrameAfterMs: null };
    const copies = seen.slice(0, sent.clients);
    return {
      ...sent,
      wireBytes: copies.reduce((a, f) => a + f.bytes, 0),
      lastFrameAfterMs: (Math.max(...copies.map((f) => f.time)) - sent.sentAt) / 1000,
    };
  }

  async handshake(tag: string): Promise<LabHandshake | null> {
    await this.meter.refresh();
    return this.meter.handshake(tag);
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/broadcast') this.broadcast.handleUpgrade(req, socket, head, (ws: WebSocket) => this.broadcast.emit('connection', ws, req));
    else if (path === '/subprotocol') this.negotiate.handleUpgrade(req, socket, head, (ws: WebSocket) => this.negotiate.emit('connection', ws, req));
    else if (path === '/slow') this.slow(req, socket);
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  }

  /** Accepts the handshake by hand (RFC 6455 §4.2.2), then reads at a fixed rate and discards. */
  private slow(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${computeAccept(key)}\r\n\r\n`);
    this.slowSockets.add(socket);
    let budget = 0;
    socket.on('data', (chunk: Buffer) => {
      budget -= chunk.length;
      if (budget <= 0) socket.pause();
    });
    // TCP flow control does the rest: while we do not read, the sender's queue grows.
    const timer = setInterval(() => {
      budget = Math.min(budget + (SLOW_READ_BYTES_PER_SECOND * SLOW_TICK_MS) / 1000, SLOW_READ_BYTES_PER_SECOND);
      if (budget > 0) socket.resume();
    }, SLOW_TICK_MS);
    const done = () => {
      clearInterval(timer);
      this.slowSockets.delete(socket);
    };
    socket.on('close', done).on('error', done);
  }

  async close(): Promise<void> {
    for (const ws of this.broadcast.clients) ws.terminate();
    for (const ws of this.negotiate.clients) ws.terminate();
    for (const s of this.slowSockets) s.destroy();
    this.broadcast.close();
    this.negotiate.close();
    await this.meter.close();
    await this.http.close();
  }
}
