// Shared pieces of the lab's HTTP/1.1 servers: cross-origin headers for the app's browser clients
// (the app and each lab server are different origins on 127.0.0.1), and listening on a free port.
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import type { AddressInfo } from 'node:net';

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/**
 * CORS for credentialed requests (Fetch standard §3.2.5): the exact origin and Allow-Credentials,
 * so cookies ride along. Loopback origins (browser mode) and "null" (the Electron window is a
 * file:// page, an opaque origin): the lab serves only synthetic messages, on loopback only.
 */
export function corsHeaders(req: IncomingMessage | Http2ServerRequest): Record<string, string> {
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || (origin !== 'null' && !LOOPBACK_ORIGIN.test(origin))) return {};
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
}

export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function listenHttp(handler: RequestListener, host = '127.0.0.1'): Promise<Listening> {
  // keepAliveTimeout above the longest polling interval, so a poller keeps one connection as a browser would.
  const server = createServer({ keepAliveTimeout: 15_000 }, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The `client` query parameter identifies a poller, so its cursor lives on the server and its URL never changes. */
export function clientIdOf(url: string | undefined): string {
  const id = new URL(url ?? '/', 'http://x').searchParams.get('client') ?? '';
  return /^[\w-]{1,64}$/.test(id) ? id : 'anonymous';
}
