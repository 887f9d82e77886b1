// One click to a captured client, for real: a headless Chromium opened by openBrowser reaches a
// local https:// page whose wss:// messages appear in the capture (TLS intercepted with this
// install's CA, trusted by SPKI for that profile only); openTerminal starts the named terminal with
// the proxy and CA variables; with no browser the answer says so instead of failing.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { startCapture, waitFor, type TestCapture } from '../proxy/test-peers';
import { LaunchService } from './launch-service';
import { makeTestCa } from './test-ca';

const PAGE = `<!doctype html><script>const ws = new WebSocket('wss://' + location.host + '/ws'); ws.onopen = () => ws.send('hello from chromium');</script>`;
const ca = makeTestCa('launch test CA');
let t: TestCapture;
let https: Server;
const sockets = new Set<Socket>();

beforeEach(async () => {
  t = startCapture({ trustedCertificates: [ca.cert] });
  const leaf = ca.issue(['localhost']);
  https = createServer({ cert: leaf.cert, key: leaf.key }, (_req, res) => res.setHeader('content-type', 'text/html').end(PAGE));
  https.on('connection', (s: Socket) => sockets.add(s));
  new WebSocketServer({ server: https }).on('connection', (ws) => ws.on('message', (d: Buffer) => ws.send(`echo ${d.toString()}`)));
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', () => r()));
});
afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => https.close(r));
  await t.close();
});

function service(env: NodeJS.ProcessEnv): LaunchService {
  return new LaunchService({ dataDir: t.dir, listProxies: () => t.capture.listProxies(), env, browserArgs: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

it('opens a headless Chromium whose wss:// messages are captured', async () => {
  const proxy = await t.capture.startProxy({ mode: 'forward' });
  const launch = service({ ...process.env, FRAMESCOPE_BROWSER: '/usr/bin/chromium' });
  const port = (https.address() as AddressInfo).port;
  const opened = await launch.openBrowser({ proxyId: proxy.id, url: `https://localhost:${port}/`, headless: true });
  expect(opened).toMatchObject({ launched: true, executable: '/usr/bin/chromium' });
  try {
    const previews = async (id: number) => (await t.capture.queryFrames({ filter: { connectionId: id }, start: 0, count: 10 })).rows.map((r) => r.preview);
    // Recorded frames, not just counted ones: wait until both messages are in the table.
    const ws = await waitFor(
      async () => {
        for (const c of await t.capture.listConnections()) if (c.kind === 'websocket' && (await previews(c.id)).includes('echo hello from chromium')) return c;
        return null;
      },
      30_000,
      'a captured wss:// exchange',
    );
    expect(ws.tls?.version).toMatch(/TLSv1\.[23]/);
    expect(await previews(ws.id)).toEqual(expect.arrayContaining(['hello from chromium', 'echo hello from chromium']));
  } finally {
    if (opened.launched) await launch.closeBrowser(opened.browserId);
  }
}, 60_000);

it('says when no browser is found, and refuses a reverse proxy in words', async () => {
  const forward = await t.capture.startProxy({ mode: 'forward' });
  const launch = service({ PATH: '', FRAMESCOPE_BROWSER: join(t.dir, 'no-such-browser') });
  expect(await launch.openBrowser({ proxyId: forward.id })).toEqual({ launched: false, reason: 'no-browser' });
  const reverse = await t.capture.startProxy({ mode: 'reverse', target: 'ws://127.0.0.1:9/' });
  await expect(launch.openTerminal({ proxyId: reverse.id })).rejects.toThrow(/forward proxy/);
});

it('starts the named terminal with the proxy and CA variables, and returns the export lines', async () => {
  const proxy = await t.capture.startProxy({ mode: 'forward' });
  const out = join(t.dir, 'terminal-env.txt');
  const script = join(t.dir, 'fake-terminal.sh');
  writeFileSync(script, `#!/bin/sh\nenv > '${out}'\n`);
  chmodSync(script, 0o755);
  const result = await service({ PATH: process.env.PATH, FRAMESCOPE_TERMINAL: script }).openTerminal({ proxyId: proxy.id });
  expect(result.terminal).toBe(script);
  expect(result.exports).toContain(`export HTTPS_PROXY='${proxy.address}'`);
  await waitFor(() => existsSync(out) && readFileSync(out, 'utf8').includes('REQUESTS_CA_BUNDLE'), 5000, 'the terminal to start');
  const env = readFileSync(out, 'utf8');
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE']) expect(env).toContain(`${name}=${result.env[name]}`);
  const none = await service({ PATH: '' }).openTerminal({ proxyId: proxy.id });
  expect(none.terminal).toBeNull();
  expect(none.exports.length).toBeGreaterThanOrEqual(5);
});
