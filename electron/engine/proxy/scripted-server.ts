// A raw HTTP origin for the relay's tests: it answers each request head it receives with the next
// scripted bytes (which may be wrong on purpose) and records every byte it got. Test-only code.
import { createServer, type Socket } from 'node:net';
import { listen } from './test-peers';

export interface ScriptedServer {
  port: number;
  /** Everything received, all connections, in order. */
  received(): string;
  connections(): number;
  close(): Promise<void>;
}

/** `answer(head, n, socket)` gives the bytes to send for the n-th request head on a connection (null: the test answers later). */
export async function scriptedServer(answer: (head: string, n: number, socket: Socket) => string | Buffer | null): Promise<ScriptedServer> {
  const sockets = new Set<Socket>();
  const chunks: Buffer[] = [];
  let connections = 0;
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('end', () => socket.end());
    let pending = '';
    let n = 0;
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      pending += c.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const head = pending.slice(0, end + 4);
        pending = pending.slice(end + 4);
        const reply = answer(head, n++, socket);
        if (reply !== null) socket.write(reply);
      }
    });
  });
  const port = await listen(server);
  return {
    port,
    received: () => Buffer.concat(chunks).toString('latin1'),
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
