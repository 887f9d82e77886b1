// TLS interception through the forward proxy, with real sockets: a local HTTPS/WSS server with its
// own test CA, clients that trust Framescope's CA (Node's tls + ws, curl), the frames captured in
// clear and relayed intact (1 MiB, permessage-deflate), a bad upstream certificate refused in
// words, per-host opt-outs, and the CA key kept 0600.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { CaptureServiceDeps } from '../capture/capture-service';
import { connectTunnel, listen, startCapture, waitFor, type TestCapture } from '../proxy/test-peers';
import { caDir, CA_CERT_FILE, CA_KEY_FILE, loadCa } from './ca-store';
import { makeTestCa } from './test-ca';

const run = promisify(execFile);
const testCa = makeTestCa();
const good = testCa.issue(['localhost', '127.0.0.1']);

describe('TLS interception', () => {
  let t: TestCapture | null = null;
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await t?.close();
    t = null;
  });

  async function origin(cert = good): Promise<{ port: number; wss: WebSocketServer; https: Server }> {
    const https = createServer({ cert: cert.cert, key: cert.key }, (req, res) => res.setHeader('Content-Type', 'text/plain').end(`secure ${req.url}`));
    const wss = new WebSocketServer({ server: https, perMessageDeflate: { threshold: 0 } });
    wss.on('connection', (ws) => ws.on('message', (d: Buffer, binary) => ws.send(d, { binary })));
    const sockets = new Set<Socket>();
    https.on('connection', (s: Socket) => sockets.add(s));
    const port = await listen(https);
    cleanups.push(() => new Promise<void>((r) => (wss.clients.forEach((c) => c.terminate()), sockets.forEach((s) => s.destroy()), https.close(() => r()))));
    return { port, wss, https };
  }

  async function proxy(deps: Partial<CaptureServiceDeps> = {}): Promise<number> {
    t = startCapture({ trustedCertificates: [testCa.cert], ...deps });
    return (await t.capture.startProxy({ mode: 'forward' })).listenPort;
  }


  it('captures wss:// frames in clear (1 MiB, permessage-deflate) and relays them intact', async () => {
    const { port } = await origin();
    const proxyPort = await proxy();
    const raw = await connectTunnel(proxyPort, `localhost:${port}`);
    const dir = t!.dir;
    const secure = tlsConnect({ socket: raw, servername: 'localhost', ca: loadCa(dir).certificate });
    const ws = new WebSocket(`wss://localhost:${port}/chat?x=1`, { createConnection: () => secure as TLSSocket, perMessageDeflate: { threshold: 0 } });
    cleanups.push(() => ws.terminate());
    const big = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    const replies: Buffer[] = [];
    ws.on('message', (d: Buffer) => replies.push(d));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send('hello through TLS');
    ws.send(big, { binary: true });
    await waitFor(() => replies.length === 2, 10_000, 'echoes');
    expect(replies[0]!.toString()).toBe('hello through TLS');
    expect(replies[1]!.equals(big)).toBe(true);

    const [c] = await t!.capture.listConnections();
    expect(c).toMatchObject({ kind: 'websocket', source: 'forward', url: `wss://localhost:${port}/chat?x=1`, state: 'open', extensions: 'permessage-deflate' });
    expect(c!.tls).toMatchObject({ intercepted: true, unverified: false, servername: 'localhost', alpn: 'http/1.1' });
    expect(c!.tls!.version).toMatch(/^TLSv1\.[23]$/);
    expect(c!.tls!.server).toMatchObject({ subject: expect.stringContaining('CN=localhost'), issuer: expect.stringContaining('Framescope test CA') });
    const exchanges = await t!.capture.listHttpExchanges({ connectionId: c!.id });
    expect(exchanges.map((e) => [e.method, e.status])).toEqual([
      ['CONNECT', 200],
      ['GET', 101],
    ]);
    const frames = await t!.capture.queryFrames({ filter: { connectionId: c!.id }, start: 0, count: 10 });
    expect(frames.rows.map((r) => [r.from, r.rsv1, r.payloadLength > 0])).toEqual([
      ['client', true, true],
      ['client', true, true],
      ['server', true, true],
      ['server', true, true],
    ]);
    expect(frames.rows[0]!.preview).toBe('hello through TLS');
    const detail = await t!.capture.getFrame(frames.rows[1]!.id);
    expect(detail.message).toMatchObject({ compressed: true, inflateError: null, truncated: false });
    expect(Buffer.from(detail.message!.payload).equals(big)).toBe(true);

    // The CA was created on first use, in the data folder, its key private to the user.
    expect(statSync(join(caDir(dir), CA_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(caDir(dir), CA_CERT_FILE)).isFile()).toBe(true);
  });

  it('captures https:// exchanges from curl trusting the exported CA', async () => {
    const { port } = await origin();
    const proxyPort = await proxy();
    const caFile = loadCa(t!.dir).certPath;
    const { stdout } = await run('curl', ['-s', '--fail', '-x', `http://127.0.0.1:${proxyPort}`, '--cacert', caFile, `https://localhost:${port}/hello?a=1`]);
    expect(stdout).toBe('secure /hello?a=1');
    const exchanges = await t!.capture.listHttpExchanges({});
    expect(exchanges.map((e) => [e.method, e.url, e.status])).toEqual([
      ['CONNECT', `localhost:${port}`, 200],
      ['GET', `https://localhost:${port}/hello?a=1`, 200],
    ]);
  });

  it('refuses a bad server certificate with words, and trusts it only when told to for that host', async () => {
    const stranger = makeTestCa('Somebody else');
    const cases = [
      { cert: stranger.issue(['localhost']), host: 'localhost', words: /signed by an unknown authority/ },
      { cert: testCa.issue(['localhost'], { notBefore: new Date(Date.now() - 9e9), notAfter: new Date(Date.now() - 8e9) }), host: 'localhost', words: /has expired/ },
      { cert: testCa.issue(['example.test']), host: 'localhost', words: /is for another name/ },
    ];
    const proxyPort = await proxy();
    const caFile = loadCa(t!.dir).certPath;
    for (const { cert, host, words } of cases) {
      const { port } = await origin(cert);
      const result = await run('curl', ['-s', '-x', `http://127.0.0.1:${proxyPort}`, '--cacert', caFile, '-w', '%{http_code}', `https://${host}:${port}/`]);
      expect(result.stdout).toMatch(/^Framescope: [^]*\n502$/);
      expect(result.stdout).toMatch(words);
      const c = (await t!.capture.listConnections()).find((x) => x.url === `${host}:${port}` || x.url.includes(`:${port}/`));
      expect(c).toMatchObject({ state: 'failed', error: expect.stringMatching(words) });
    }
    await t!.close();
    t = null;
    // An explicit per-host opt-in accepts it, and the connection says it was not checked.
    const { port } = await origin(stranger.issue(['localhost']));
    const insecurePort = await proxy({ insecureUpstreamHosts: ['localhost'] });
    const { stdout } = await run('curl', ['-s', '--fail', '-x', `http://127.0.0.1:${insecurePort}`, '--cacert', loadCa(t!.dir).certPath, `https://localhost:${port}/ok`]);
    expect(stdout).toBe('secure /ok');
    expect((await t!.capture.listConnections())[0]!.tls).toMatchObject({ unverified: true });
  }, 60_000);

  it('passes excluded hosts through untouched (the client sees the real server certificate)', async () => {
    const { port } = await origin();
    const proxyPort = await proxy({ passThroughHosts: ['*.localhost', 'localhost'] });
    const raw = await connectTunnel(proxyPort, `localhost:${port}`);
    const secure = tlsConnect({ socket: raw, servername: 'localhost', ca: testCa.cert });
    await new Promise((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
    expect(secure.getPeerCertificate().issuer.CN).toBe('Framescope test CA');
    secure.destroy();
    const [c] = await t!.capture.listConnections();
    expect(c).toMatchObject({ kind: 'tunnel' });
  });

  it('says in words that the client does not trust the CA', async () => {
    const { port } = await origin();
    const proxyPort = await proxy();
    const raw = await connectTunnel(proxyPort, `localhost:${port}`);
    const secure = tlsConnect({ socket: raw, servername: 'localhost', ca: testCa.cert });
    const err = await new Promise<Error>((resolve) => secure.once('error', resolve));
    expect(err.message).toMatch(/self.signed|unable to verify|issuer/i);
    const c = await waitFor(async () => (await t!.capture.listConnections()).find((x) => x.error !== null), 5000, 'error');
    expect(c).toMatchObject({ state: 'failed', error: expect.stringMatching(/^The client [^]* for localhost before sending a request: it most likely does not trust Framescope's CA/) });
  });
});
