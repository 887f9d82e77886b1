// The demo servers' behaviour, one `ws` server per kind on a free loopback port.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type ServerOptions } from 'ws';
import type { DemoServerKind } from '../../../../shared/api';
import { startSocketIoDemo, type SocketIoDemo } from '../socketio/socketio-demo';

/** The strict server's limit (RFC 6455 §7.4.1: 1009, message too big). */
export const STRICT_MAX_PAYLOAD = 4096;
export const STRICT_SUBPROTOCOL = 'demo.v1';

export interface RunningDemo {
  url: string;
  clients(): number;
  close(): Promise<void>;
  /** Servers that bring their own built-in client (Socket.IO); the others use the capture's. */
  connectClient?(proxyUrl: string): void;
  socketIo?: SocketIoDemo;
}

function offers(header: string | string[] | undefined): string[] {
  return (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((p) => p.trim());
}

function optionsFor(kind: DemoServerKind): ServerOptions {
  const base: ServerOptions = { host: '127.0.0.1', port: 0, perMessageDeflate: false };
  if (kind === 'deflate') return { ...base, perMessageDeflate: { threshold: 0 } };
  if (kind === 'strict') {
    return {
      ...base,
      maxPayload: STRICT_MAX_PAYLOAD,
      // RFC 6455 §4.2.2: the server picks one offered subprotocol; a handshake offering none of
      // ours is refused (400) rather than accepted without one, as a lenient server would.
      verifyClient: (info, done) => done(offers(info.req.headers['sec-websocket-protocol']).includes(STRICT_SUBPROTOCOL), 400, 'offer the demo.v1 subprotocol'),
      handleProtocols: (offered) => (offered.has(STRICT_SUBPROTOCOL) ? STRICT_SUBPROTOCOL : false),
    };
  }
  return base;
}

export async function startDemoKind(kind: DemoServerKind): Promise<RunningDemo> {
  if (kind === 'socketio') {
    const demo = await startSocketIoDemo();
    return { url: demo.server.url, clients: demo.server.clients, close: () => demo.close(), connectClient: (url) => demo.connect(url), socketIo: demo };
  }
  const wss = new WebSocketServer(optionsFor(kind));
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  wss.on('connection', (ws) => {
    // ws closes with the right code on a protocol error (1002, 1007, 1009); the error itself is expected here.
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
      if (kind === 'chat') {
        for (const peer of wss.clients) if (peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary });
      } else ws.send(data, { binary: isBinary });
    });
  });
  const port = (wss.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}/`,
    clients: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
