// The real Socket.IO server for the fallbacks demo, on a free loopback port. Beside it, a record of
// each long-polling body as the server read and wrote it (keyed by method and URL: engine.io-client
// stamps every poll with a unique t=), because the capture proxy keeps HTTP heads and body sizes,
// not body text; the packets' bytes and times on the wire are the capture's.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/** Short, so a classroom sees heartbeats within seconds (Socket.IO's default is 25 s). */
export const DEMO_PING_INTERVAL_MS = 1000;
const MAX_BODIES = 4000;
const MAX_BODY_CHARS = 4096;

export interface PolledBody {
  request: string;
  response: string;
}

export interface RunningSocketIo {
  url: string;
  port: number;
  pingIntervalMs: number;
  /** What the server read (POST) and wrote (GET) for a polling request, by `METHOD path?query`. */
  body(method: string, pathAndQuery: string): PolledBody | null;
  clients(): number;
  close(): Promise<void>;
}

export async function startSocketIoServer(pingIntervalMs = DEMO_PING_INTERVAL_MS): Promise<RunningSocketIo> {
  const bodies = new Map<string, PolledBody>();
  const http = createServer();
  // httpCompression off: the demo shows packets as text (engine.io gzips polling bodies over 1 KiB).
  const io = new Server(http, { pingInterval: pingIntervalMs, pingTimeout: Math.max(5000, pingIntervalMs * 2), httpCompression: false, perMessageDeflate: false, serveClient: false });
  // Put first, after engine.io took over the 'request' listeners in attach(): watch the bodies
  // without changing how engine.io reads or writes them.
  http.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/socket.io/')) return;
    const entry: PolledBody = { request: '', response: '' };
    if (bodies.size >= MAX_BODIES) bodies.delete(bodies.keys().next().value!);
    bodies.set(`${req.method} ${req.url}`, entry);
    watchRequest(req, (text) => (entry.request = cap(entry.request + text)));
    watchResponse(res, (text) => (entry.response = cap(entry.response + text)));
  });
  io.on('connection', (socket) => {
    socket.emit('news', { hello: 'from the Socket.IO demo server', transport: socket.conn.transport.name });
    socket.on('chat', (text: unknown, ack?: unknown) => {
      io.emit('chat', text);
      if (typeof ack === 'function') (ack as (r: string) => void)('received');
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    pingIntervalMs,
    body: (method, pathAndQuery) => bodies.get(`${method} ${pathAndQuery}`) ?? null,
    clients: () => io.engine.clientsCount,
    close: async () => {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}

const utf8 = new TextDecoder();

function textOf(chunk: unknown): string {
  if (typeof chunk === 'string') return chunk;
  return chunk instanceof Uint8Array ? utf8.decode(chunk) : '';
}

function cap(text: string): string {
  return text.length > MAX_BODY_CHARS ? text.slice(0, MAX_BODY_CHARS) : text;
}

/** Sees 'data' as emitted, without adding a listener (which would start the stream early). */
function watchRequest(req: IncomingMessage, add: (text: string) => void): void {
  const emit = req.emit.bind(req);
  req.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'data') add(textOf(args[0]));
    return emit(event, ...args);
  }) as typeof req.emit;
}

function watchResponse(res: ServerResponse, add: (text: string) => void): void {
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    add(textOf(chunk));
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    add(textOf(chunk));
    return end(chunk, ...rest);
  }) as typeof res.end;
}
