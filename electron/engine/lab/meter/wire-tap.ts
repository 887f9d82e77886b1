// The lab's own byte counter for HTTP/2 (h2c), which the capture proxy does not speak: a TCP relay
// that forwards every byte unchanged and meters it with the HTTP/2 frame meter. HTTP/1.1 and
// WebSocket bytes are the capture proxy's (capture-meter.ts).
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { nowUs } from '../clock';
import { H2ConnectionMeter } from './h2-meter';
import { emptyLedger, type WireLedger } from './wire-ledger';

export class H2Tap {
  readonly ledger: WireLedger = emptyLedger(true);
  private readonly sockets = new Set<Socket>();
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly name: string,
  ) {}

  static async start(name: string, target: { host: string; port: number }): Promise<H2Tap> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const tap = new H2Tap(server, (server.address() as AddressInfo).port, name);
    server.on('connection', (socket) => tap.relay(socket, target));
    return tap;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private relay(client: Socket, target: { host: string; port: number }): void {
    const id = `${this.name}#${this.nextId++}`;
    const conn = { id, openedAt: nowUs(), closedAt: null as number | null, bytesUp: 0, bytesDown: 0 };
    this.ledger.connections.set(id, conn);
    const meter = new H2ConnectionMeter(id, this.ledger);
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
