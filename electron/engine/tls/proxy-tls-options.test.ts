// One forward proxy's own TLS options (issue 14), started through startProxy as the app does, with
// real sockets: pass-through hosts and interceptTls:false leave TLS untouched (the client sees the
// server's own certificate, the capture shows a tunnel), and a proxy-trusted CA lets interception
// reach a test server that is otherwise refused as signed by an unknown authority; unchecked hosts
// take the same host patterns as pass-through hosts (`*.name`: sub-domains only; IPs exactly).
import { execFile } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyOptions } from '../../../shared/api/capture';
import { connectTunnel, listen, startCapture, waitFor, type TestCapture } from '../proxy/test-peers';
import { loadCa } from './ca-store';
import { makeTestCa } from './test-ca';

const run = promisify(execFile);
const testCa = makeTestCa();

describe('per-proxy TLS options', () => {
  let t: TestCapture | null = null;
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await t?.close();
    t = null;
  });

  async function origin(ca = testCa, names = ['localhost', '127.0.0.1'], answer = (req: IncomingMessage) => `secure ${req.url}`): Promise<number> {
    const leaf = ca.issue(names);
    const https = createServer({ cert: leaf.cert, key: leaf.key }, (req, res) => res.end(answer(req)));
    const sockets = new Set<Socket>();
    https.on('connection', (s: Socket) => sockets.add(s));
    const port = await listen(https);
    cleanups.push(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), https.close(() => r()))));
    return port;
  }

  /** A forward proxy of a capture service with no app-wide trust: only the proxy's own options apply. */
  async function proxy(options: Omit<ProxyOptions, 'mode'>): Promise<number> {
    t ??= startCapture();
    return (await t.capture.startProxy({ mode: 'forward', ...options })).listenPort;
  }


  /** The issuer the client sees through the proxy, trusting only the test server's own CA. */
  async function issuerSeen(proxyPort: number, port: number): Promise<string> {
    const secure = tlsConnect({ socket: await connectTunnel(proxyPort, `localhost:${port}`), servername: 'localhost', ca: testCa.cert });
    await new Promise((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
    const issuer = String(secure.getPeerCertificate().issuer.CN);
    secure.destroy();
    return issuer;
  }

  it('passes a listed host through untouched, and reports the options in listProxies', async () => {
    const port = await origin();
    const proxyPort = await proxy({ passThroughHosts: ['*.example.test', ' LocalHost '] });
    expect(await issuerSeen(proxyPort, port)).toBe('Framescope test CA');
    const [c] = await t!.capture.listConnections();
    expect(c).toMatchObject({ kind: 'tunnel' });
    expect(c!.tls ?? null).toBeNull();
    expect((await t!.capture.queryFrames({ start: 0, count: 10 })).total).toBe(0);
    expect(await t!.capture.listProxies()).toMatchObject([{ interceptTls: true, passThroughHosts: ['*.example.test', 'localhost'] }]);
    // Another proxy of the same service without the list intercepts (the client, trusting only the
    // test CA, now refuses Framescope's certificate): the exclusion belongs to one proxy.
    const other = await proxy({});
    const secure = tlsConnect({ socket: await connectTunnel(other, `localhost:${port}`), servername: 'localhost', ca: testCa.cert });
    await expect(new Promise((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject))).rejects.toThrow();
  });

  it('tunnels TLS untouched when interceptTls is false', async () => {
    const port = await origin();
    const proxyPort = await proxy({ interceptTls: false });
    expect(await issuerSeen(proxyPort, port)).toBe('Framescope test CA');
    expect(await t!.capture.listConnections()).toMatchObject([{ kind: 'tunnel' }]);
    expect(await t!.capture.listProxies()).toMatchObject([{ interceptTls: false }]);
  });

  it('intercepts a test server once its CA is trusted by this proxy, and says why not without it', async () => {
    const port = await origin();
    const without = await proxy({});
    const caFile = loadCa(t!.dir).certPath;
    const refused = await run('curl', ['-s', '-x', `http://127.0.0.1:${without}`, '--cacert', caFile, '-w', '%{http_code}', `https://localhost:${port}/no`]);
    expect(refused.stdout).toMatch(/signed by an unknown authority[^]*\n502$/);

    const withCa = await proxy({ trustedCertificatesPem: [testCa.cert] });
    const { stdout } = await run('curl', ['-s', '--fail', '-x', `http://127.0.0.1:${withCa}`, '--cacert', caFile, `https://localhost:${port}/yes`]);
    expect(stdout).toBe('secure /yes');
    const exchanges = await t!.capture.listHttpExchanges({});
    expect(exchanges.filter((e) => e.method === 'GET').map((e) => [e.url, e.status])).toEqual([
      [`https://localhost:${port}/no`, 502],
      [`https://localhost:${port}/yes`, 200],
    ]);
    expect((await t!.capture.listProxies()).map((p) => p.trustedCertificates)).toEqual([undefined, 1]);
  }, 30_000);

  it('refuses a trusted certificate that is not PEM with a clear invalid error', async () => {
    t = startCapture();
    const bad = '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n';
    await expect(t.capture.startProxy({ mode: 'forward', trustedCertificatesPem: [testCa.cert, bad] })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^Trusted certificate 2 is not a PEM certificate/),
    });
    expect(await t.capture.listProxies()).toEqual([]);
  });

  // Unchecked upstream hosts use the same host patterns as pass-through hosts (shared/host-pattern.ts).
  // The client trusts Framescope's CA; the proxy dials 127.0.0.1 and checks the upstream under the
  // client's SNI name, so no DNS is needed for the test names.
  const untrusted = makeTestCa('Nobody trusts this CA');
  const NAMES = ['api.test.example', 'test.example', 'other.example', '127.0.0.1'];
  const hostAndUrl = (req: IncomingMessage) => `secure ${req.headers.host} ${req.url}`;

  /** GET /path through the proxy's tunnel to 127.0.0.1:port, over TLS named `sni` (none for an IP): the status line and body. */
  async function get(proxyPort: number, port: number, sni: string | null, path: string): Promise<{ status: string; body: string }> {
    const ca = loadCa(t!.dir).certificate;
    const socket = await connectTunnel(proxyPort, `127.0.0.1:${port}`);
    const secure = tlsConnect({ socket, ca, ...(sni ? { servername: sni } : { checkServerIdentity: () => undefined }) });
    await new Promise((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
    secure.write(`GET ${path} HTTP/1.1\r\nHost: ${sni ?? '127.0.0.1'}:${port}\r\nConnection: close\r\n\r\n`);
    const chunks: Buffer[] = [];
    secure.on('data', (c: Buffer) => chunks.push(c));
    await new Promise<void>((resolve) => secure.once('close', () => resolve()));
    const text = Buffer.concat(chunks).toString('utf8');
    return { status: text.slice(0, text.indexOf('\r\n')), body: text.slice(text.indexOf('\r\n\r\n') + 4) };
  }

  it('skips the check for the sub-domains of *.name (any case, trailing dot), not for the bare name or others', async () => {
    const port = await origin(untrusted, NAMES, hostAndUrl);
    const proxyPort = await proxy({ insecureUpstreamHosts: ['*.TEST.example.'] });
    expect(await t!.capture.listProxies()).toMatchObject([{ insecureUpstreamHosts: ['*.test.example'] }]);

    const ok = await get(proxyPort, port, 'api.test.example', '/sub');
    expect(ok.status).toBe('HTTP/1.1 200 OK');
    expect(ok.body).toBe(`secure api.test.example:${port} /sub`);
    // The connection says the upstream certificate was not checked.
    const unverified = await waitFor(async () => (await t!.capture.listConnections()).find((c) => c.tls?.unverified === true));
    expect(unverified.tls).toMatchObject({ servername: 'api.test.example' });

    for (const name of ['test.example', 'other.example']) {
      const refused = await get(proxyPort, port, name, '/no');
      expect({ name, status: refused.status }).toEqual({ name, status: 'HTTP/1.1 502 Bad Gateway' });
      expect(refused.body).toMatch(/signed by an unknown authority/);
    }
  }, 30_000);

  it('without a pattern the same server is refused as signed by an unknown authority', async () => {
    const port = await origin(untrusted, NAMES, hostAndUrl);
    const proxyPort = await proxy({});
    const refused = await get(proxyPort, port, 'api.test.example', '/none');
    expect(refused.status).toBe('HTTP/1.1 502 Bad Gateway');
    expect(refused.body).toMatch(/certificate of .* is signed by an unknown authority/);
  }, 30_000);

  it('matches an IP literal exactly and refuses a wildcard over one in words', async () => {
    const port = await origin(untrusted, NAMES, hostAndUrl);
    const proxyPort = await proxy({ insecureUpstreamHosts: ['127.0.0.1'] });
    expect((await get(proxyPort, port, null, '/ip')).status).toBe('HTTP/1.1 200 OK');
    const other = await proxy({ insecureUpstreamHosts: ['127.0.0.10'] });
    expect((await get(other, port, null, '/ip')).status).toBe('HTTP/1.1 502 Bad Gateway');
    await expect(t!.capture.startProxy({ mode: 'forward', insecureUpstreamHosts: ['*.0.0.1'] })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/not a host name/) });
    await expect(t!.capture.startProxy({ mode: 'forward', passThroughHosts: ['*.127.0.0.1'] })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/IP address is matched exactly/) });
  }, 30_000);
});
