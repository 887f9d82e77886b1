// A `ws` echo server on a free loopback port: the far end of the end-to-end tests' conversations,
// usually reached through the engine's reverse proxy.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export interface EchoServerOptions {
  /** permessage-deflate that compresses even tiny messages; off by default. */
  deflate?: boolean;
  /** Appended to the URL (the server answers on every path). The proxy's address keeps it. */
  path?: string;
  /**
   * Swallow errors on the server's sockets: for tests that break the protocol on purpose (ws then
   * fails the connection). Otherwise such an error goes unhandled and fails the test run.
   */
  tolerateErrors?: boolean;
}

export interface EchoServer {
  url: string;
  /** Messages the server received, reassembled by ws, as strings. */
  received: string[];
  close(): Promise<void>;
}

/**
 * Echoes every message; ws answers pings, completes closes and accepts the first subprotocol
 * the client offers.
 */
export async function startEchoServer(options: EchoServerOptions = {}): Promise<EchoServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: options.deflate ? { threshold: 0 } : false });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const received: string[] = [];
  wss.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      received.push(String(data));
      socket.send(data, { binary: isBinary });
    });
    if (options.tolerateErrors) socket.on('error', () => {});
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}${options.path ?? ''}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
