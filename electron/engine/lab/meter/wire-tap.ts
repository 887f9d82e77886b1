// The lab's own byte counter: a TCP relay that forwards every byte unchanged and meters it. It
// measures HTTP/2 (which the capture proxy does not speak), the headless sweeps (so they do not
// fill the user's capture), and in tests it sits behind the capture proxy so both counts must agree.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { nowUs } from '../clock';
import { H2ConnectionMeter } from './h2-meter';
import { Http1ConnectionMeter } from './http1-meter';
import { emptyLedger, type FrameMark, type WireLedger } from './wire-ledger';

export type TapProtocol = 'http1' | 'h2';

/** Frame marks kept for the lanes; older ones are dropped (the totals are not). */
const MAX_FRAME_MARKS = 5000;

export class WireTap {
  readonly ledger: WireLedger;
  /** Recent WebSocket frames, drained by the lab run for its lanes. */
  frameMarks: FrameMark[] = [];
  private readonly sockets = new Set<Socket>();
  private nextId = 1;
  private frameSeq = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly name: string,
    protocol: TapProtocol,
  ) {
    this.ledger = emptyLedger(protocol === 'h2');
  }

  static async start(name: string, target: { host: string; port: number }, protocol: TapProtocol): Promise<WireTap> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const tap = new WireTap(server, (server.address() as AddressInfo).port, name, protocol);
    server.on('connection', (socket) => tap.relay(socket, target, protocol));
    return tap;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private relay(client: Socket, target: { host: string; port: number }, protocol: TapProtocol): void {
    const id = `${this.name}#${this.nextId++}`;
    const conn = { id, openedAt: nowUs(), closedAt: null as number | null, bytesUp: 0, bytesDown: 0 };
    this.ledger.connections.set(id, conn);
    const meter =
      protocol === 'h2'
        ? new H2ConnectionMeter(id, this.ledger)
        : new Http1ConnectionMeter(id, this.ledger, (from, frame, time) => {
            this.frameMarks.push({ id: `${id}.f${++this.frameSeq}`, from, time, bytes: frame.headerBytes + frame.payloadBytes, opcode: frame.opcode });
            if (this.frameMarks.length > MAX_FRAME_MARKS) this.frameMarks.splice(0, this.frameMarks.length - MAX_FRAME_MARKS);
          });
    const upstream = connect(target.port, target.host);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    this.sockets.add(client).add(upstream);
    pipe(client, upstream, (chunk) => {
      conn.bytesUp += chunk.length;
      meter.client(chunk);
    });
    pipe(upstream, client, (chunk) => {
      conn.bytesDown += chunk.length;
      meter.server(chunk);
    });
    const done = () => {
      conn.closedAt ??= nowUs();
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', done).on('error', done);
    upstream.on('close', done).on('error', done);
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Forwards with backpressure: a slow reader pauses the fast writer, as TCP itself would. */
function pipe(from: Socket, to: Socket, count: (chunk: Uint8Array) => void): void {
  from.on('data', (chunk: Buffer) => {
    count(chunk);
    if (!to.write(chunk)) {
      from.pause();
      to.once('drain', () => from.resume());
    }
  });
  from.on('end', () => to.end());
}
