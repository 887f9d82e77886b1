// Faults are relayed as faults: a peer that resets its TCP connection (RST, RFC 9293 §3.5.2) makes
// the relay reset the other side too, so that peer reads ECONNRESET — not a clean end of stream
// that would look like an orderly close. A clean FIN stays a FIN (the control). Both directions,
// through the reverse proxy, the forward proxy and a forward-proxy CONNECT tunnel, with real
// sockets on both ends.
import { createServer, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RAW_UPGRADE, listen, rawClient, rawWsServer, startCapture, waitFor, type TestCapture } from './test-peers';

type Outcome = 'end' | string;

/**
 * How `socket` learns that its peer is gone: 'end' (a FIN) or the error code (ECONNRESET). libuv
 * reports a reset that arrives together with data as end of stream, so an 'end' is checked with
 * the kernel: after a reset the socket is closed and getpeername() fails with ENOTCONN.
 */
function outcome(socket: Socket): Promise<Outcome> {
  return new Promise((resolve) => {
    socket.once('end', () => {
      const handle = (socket as unknown as { _handle: { getpeername(out: object): number } | null })._handle;
      resolve(handle !== null && handle.getpeername({}) !== 0 ? 'ECONNRESET' : 'end');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

function stop(socket: Socket, how: 'reset' | 'end'): void {
  if (how === 'reset') socket.resetAndDestroy();
  else socket.end();
}

const ROUTES = ['reverse', 'forward', 'forward CONNECT tunnel'] as const;

describe('TCP reset relaying', () => {
  let t: TestCapture;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(() => {
    t = startCapture();
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await t.close();
  });

  /** A client and a server socket joined through the proxy on `route`, with bytes flowing both ways. */
  async function connected(route: (typeof ROUTES)[number]): Promise<{ client: Socket; server: Socket; clientGot: () => Buffer; serverGot: () => Buffer }> {
    let resolveServer!: (v: { socket: Socket; received: () => Buffer }) => void;
    const serverSide = new Promise<{ socket: Socket; received: () => Buffer }>((r) => (resolveServer = r));
    const server = await rawWsServer((socket, received) => resolveServer({ socket, received }));
    cleanups.push(() => server.close());
    const target = `127.0.0.1:${server.port}`;
    const proxy = await t.capture.startProxy(route === 'reverse' ? { mode: 'reverse', target: `ws://${target}/` } : { mode: 'forward' });
    const client = await rawClient(proxy.listenPort);
    cleanups.push(() => void client.socket.destroy());
    let skip = 0;
    if (route === 'forward CONNECT tunnel') {
      client.socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
      await waitFor(() => client.received().includes('\r\n\r\n'), 5000, 'CONNECT answer');
      expect(client.received().toString()).toMatch(/^HTTP\/1\.1 200 /);
      skip = client.received().length;
    }
    client.socket.write(route === 'forward' ? RAW_UPGRADE.replace('GET /feed', `GET http://${target}/feed`) : RAW_UPGRADE);
    const { socket, received } = await serverSide;
    await waitFor(() => client.received().subarray(skip).includes('\r\n\r\n'), 5000, '101 head');
    const head = client.received().length;
    // One frame each way, so the relay is mid-conversation (not in a handshake) when the fault comes.
    client.socket.write(Buffer.from([0x81, 0x82, 1, 2, 3, 4, 0x68 ^ 1, 0x69 ^ 2]));
    socket.write(Buffer.from([0x81, 0x02, 0x68, 0x69]));
    await waitFor(() => received().length === 8 && client.received().length === head + 4, 5000, 'a frame each way');
    return { client: client.socket, server: socket, clientGot: () => client.received().subarray(head), serverGot: received };
  }

  async function onlyConnection() {
    const [c] = await t.capture.listConnections();
    return c!;
  }

  for (const how of ['reset', 'end'] as const) {
    it(`plain HTTP: the server's ${how} in the middle of a response reaches the client as ${how === 'reset' ? 'ECONNRESET' : 'end'}`, async () => {
      const head = 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n';
      const server = createServer((socket) => {
        socket.on('error', () => {});
        socket.once('data', () => socket.write(`${head}partial`, () => stop(socket, how)));
      });
      const port = await listen(server);
      cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
      const proxy = await t.capture.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${port}/` });
      const client = await rawClient(proxy.listenPort);
      cleanups.push(() => void client.socket.destroy());
      const seen = outcome(client.socket);
      client.socket.write('GET /page HTTP/1.1\r\nHost: example.test\r\n\r\n');
      expect(await seen).toBe(how === 'reset' ? 'ECONNRESET' : 'end');
      expect(client.received().toString()).toBe(`${head}partial`);
    });
  }

  for (const route of ROUTES) {
    for (const how of ['reset', 'end'] as const) {
      const expected = how === 'reset' ? 'ECONNRESET' : 'end';

      it(`${route}: the server's ${how} reaches the client as ${expected}, after the bytes sent before it`, async () => {
        const { client, server, clientGot } = await connected(route);
        const seen = outcome(client);
        // A last frame, then the fault: the client must get the frame first.
        server.write(Buffer.from([0x82, 0x01, 0x2a]), () => stop(server, how));
        expect(await seen).toBe(expected);
        expect(clientGot().equals(Buffer.from([0x81, 0x02, 0x68, 0x69, 0x82, 0x01, 0x2a]))).toBe(true);
        const c = await waitFor(async () => ((await onlyConnection()).state === 'closed' ? onlyConnection() : null), 5000, 'closed');
        if (how === 'reset') expect(c.error).toBe('The server reset the connection.');
        else expect(c.error).toBeNull();
      });

      it(`${route}: the client's ${how} reaches the server as ${expected}`, async () => {
        const { client, server } = await connected(route);
        const seen = outcome(server);
        stop(client, how);
        expect(await seen).toBe(expected);
        const c = await waitFor(async () => ((await onlyConnection()).state === 'closed' ? onlyConnection() : null), 5000, 'closed');
        if (how === 'reset') expect(c.error).toBe('The client reset the connection.');
        else expect(c.error).toBeNull();
      });
    }
  }
});
