// HTTP/2 polling over cleartext (h2c, RFC 9113 §3.3 prior knowledge). Browsers only speak HTTP/2
// over TLS, so this transport's client is always the engine's Node client.
import { createServer, type Http2Server, type Http2ServerRequest, type Http2ServerResponse, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';

export interface H2Listening {
  server: Http2Server;
  port: number;
  close(): Promise<void>;
}

export async function listenH2(handler: (req: Http2ServerRequest, res: Http2ServerResponse) => void): Promise<H2Listening> {
  const server = createServer(handler);
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.close();
        server.close(() => resolve());
      }),
  };
}
