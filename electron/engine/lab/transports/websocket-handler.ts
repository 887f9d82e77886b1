// WebSocket (RFC 6455): one upgrade, then each message is one unmasked text frame from the server
// (§5.1: servers never mask), 2 to 10 header bytes by payload length (§5.2). Compression is not
// offered back, so frame payload bytes are exactly message bytes.
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Publisher } from '../publisher';
import type { ServerLedger } from './server-ledger';
import type { UpstreamReceiver } from './upstream-receiver';

export class WebSocketHandler {
  private readonly wss: WebSocketServer;
  private readonly unsubscribe: () => void;

  constructor(
    server: Server,
    private readonly publisher: Publisher,
    private readonly ledger: ServerLedger,
    private readonly onConnect: () => void,
    upstream: UpstreamReceiver,
  ) {
    this.wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });
    let connections = 0;
    this.wss.on('connection', (ws) => {
      this.onConnect();
      // Client frames arrive masked (RFC 6455 §5.3); ws has unmasked them by now.
      const client = `ws-${connections++}`;
      ws.on('message', (data, isBinary) => {
        if (!isBinary) upstream.take(client, data.toString());
      });
      this.ledger.streams++;
      for (const m of this.publisher.history) this.send(ws, this.publisher.encode(m));
    });
    this.unsubscribe = publisher.onMessage((m) => {
      const text = this.publisher.encode(m);
      for (const ws of this.wss.clients) this.send(ws, text);
    });
  }

  private send(ws: WebSocket, text: string): void {
    if (ws.readyState !== ws.OPEN) return;
    this.ledger.addFrameMessage(text.length);
    ws.send(text);
  }

  /** Closes every socket with 1001 "going away" (RFC 6455 §7.4.1) after clients had their chance to close. */
  close(): void {
    this.unsubscribe();
    for (const ws of this.wss.clients) ws.close(1001, 'lab finished');
    this.wss.close();
  }

  get clients(): number {
    return this.wss.clients.size;
  }
}
