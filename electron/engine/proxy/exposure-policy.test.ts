// Where proxies listen and where CONNECT may go, attacked as the security review did: a forward
// proxy asked to listen on 0.0.0.0 without the user's say-so, and an exposed forward proxy asked
// to tunnel to an SMTP-like service (a banner came back).
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoticeEvent } from '../../../shared/api';
import { connectRefusal, DEFAULT_CONNECT_PORTS } from './connect-policy';
import { listen, rawClient, startCapture, waitFor, type TestCapture } from './test-peers';

/** A service that greets every connection with a banner first, as SMTP does (RFC 5321 §4.2). */
async function bannerServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.write('220 mail.internal ESMTP ready\r\n');
  });
  const port = await listen(server);
  return { port, close: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))) };
}

async function connectThrough(proxyPort: number, target: string): Promise<string> {
  const client = await rawClient(proxyPort);
  client.socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
  await waitFor(() => client.received().includes('\r\n\r\n') && (client.received().includes('220 ') || !client.received().includes(' 200 ')), 10_000, 'an answer');
  const text = client.received().toString('latin1');
  client.socket.destroy();
  return text;
}

describe('listen addresses', () => {
  let t: TestCapture;
  beforeEach(() => (t = startCapture()));
  afterEach(() => t.close());

  it('refuses a non-loopback listen address without the explicit opt-in, and listens on nothing', async () => {
    for (const listenHost of ['0.0.0.0', '::', '192.0.2.7', 'my-laptop.example']) {
      await expect(t.capture.startProxy({ mode: 'forward', listenHost }), listenHost).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('exposeToNetwork') });
    }
    expect(await t.capture.listProxies()).toEqual([]);
  });

  it('listens on loopback names without asking', async () => {
    for (const listenHost of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
      const status = await t.capture.startProxy({ mode: 'forward', listenHost });
      expect(status.exposed, listenHost).toBeUndefined();
      await t.capture.stopProxy(status.id);
    }
  });

  it('with the opt-in, listens beyond loopback and warns in a notice', async () => {
    const notices: NoticeEvent[] = [];
    t.bus.subscribe((events) => notices.push(...events.filter((e): e is NoticeEvent => e.type === 'notice')));
    const status = await t.capture.startProxy({ mode: 'forward', listenHost: '0.0.0.0', exposeToNetwork: true });
    expect(status.exposed).toBe(true);
    await waitFor(() => notices.some((n) => /reachable from other machines/.test(n.message)), 5000, 'the warning');
  });
});

describe('CONNECT ports', () => {
  let t: TestCapture;
  let banner: Awaited<ReturnType<typeof bannerServer>>;
  beforeEach(async () => {
    t = startCapture();
    banner = await bannerServer();
  });
  afterEach(async () => {
    await banner.close();
    await t.close();
  });

  it('a loopback proxy tunnels to any port on loopback (the user\'s own tools)', async () => {
    const proxy = await t.capture.startProxy({ mode: 'forward' });
    expect(await connectThrough(proxy.listenPort, `127.0.0.1:${banner.port}`)).toContain('220 mail.internal');
  });

  it('an exposed proxy refuses to tunnel to an SMTP-like port, even on loopback, with 403 and a reason', async () => {
    const proxy = await t.capture.startProxy({ mode: 'forward', listenHost: '0.0.0.0', exposeToNetwork: true });
    const answer = await connectThrough(proxy.listenPort, `127.0.0.1:${banner.port}`);
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).not.toContain('220 mail.internal');
    expect(answer).toContain(`port ${banner.port} is not allowed`);
  });

  it('the user can allow a port explicitly', async () => {
    const proxy = await t.capture.startProxy({ mode: 'forward', listenHost: '0.0.0.0', exposeToNetwork: true, connectPorts: [banner.port] });
    expect(await connectThrough(proxy.listenPort, `127.0.0.1:${banner.port}`)).toContain('220 mail.internal');
  });

  it('decides by target and listener', () => {
    const loopback = { ports: 'default', loopbackListener: true } as const;
    const exposed = { ports: 'default', loopbackListener: false } as const;
    expect(connectRefusal(loopback, { host: 'localhost', port: 25 })).toBeNull();
    expect(connectRefusal(loopback, { host: '[::1]', port: 5432 })).toBeNull();
    expect(connectRefusal(loopback, { host: 'mail.example', port: 25 })).toMatch(/port 25 is not allowed/);
    expect(connectRefusal(loopback, { host: 'ws.example', port: 443 })).toBeNull();
    for (const port of DEFAULT_CONNECT_PORTS) expect(connectRefusal(exposed, { host: 'ws.example', port })).toBeNull();
    expect(connectRefusal(exposed, { host: '127.0.0.1', port: 6379 })).not.toBeNull();
    expect(connectRefusal({ ports: [25], loopbackListener: false }, { host: 'mail.example', port: 25 })).toBeNull();
    expect(connectRefusal({ ports: [25], loopbackListener: true }, { host: 'localhost', port: 3000 })).not.toBeNull();
    expect(connectRefusal({ ports: 'any', loopbackListener: false }, { host: 'mail.example', port: 25 })).toBeNull();
  });
});
