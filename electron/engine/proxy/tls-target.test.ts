// wss:// targets: the relay speaks TLS to the server and plain WebSocket to its client, so the
// capture holds the frames in clear. The fixture certificate (fixtures/, test-only, self-signed for
// localhost) is trusted through the capture's trustedCertificates, never by disabling checks.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { listen, startCapture, waitFor, type TestCapture } from './test-peers';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const CERT = fixture('localhost-cert.pem');
const KEY = fixture('localhost-key.pem');

describe('wss:// targets', () => {
  let t: TestCapture;
  let port: number;
  let close: () => Promise<void>;

  beforeEach(async () => {
    const https = createServer({ cert: CERT, key: KEY });
    const wss = new WebSocketServer({ server: https });
    wss.on('connection', (ws) => ws.on('message', (d: Buffer) => ws.send(`secure ${d.toString()}`)));
    port = await listen(https);
    close = () => new Promise<void>((r) => (wss.clients.forEach((c) => c.terminate()), https.close(() => r())));
  });
  afterEach(async () => {
    await t.close();
    await close();
  });

  it('captures in clear what travels encrypted to the server', async () => {
    t = startCapture({ trustedCertificates: [CERT] });
    const { connectionId } = await t.capture.clientConnect({ url: `wss://localhost:${port}/secure` });
    await t.capture.clientSend({ connectionId, data: new TextEncoder().encode('hello'), binary: false });
    const rows = await waitFor(async () => {
      const page = await t.capture.queryFrames({ filter: { connectionId }, start: 0, count: 5 });
      return page.total === 2 ? page.rows : null;
    }, 5000, 'two frames');
    expect(rows.map((r) => r.preview)).toEqual(['hello', 'secure hello']);
    const detail = await t.capture.getConnection(connectionId);
    expect(detail.summary.url).toBe(`wss://localhost:${port}/secure`);
    expect(detail.handshake.accept?.ok).toBe(true);
  });

  it('refuses an untrusted certificate with a 502 that says why', async () => {
    t = startCapture();
    const proxy = await t.capture.startProxy({ mode: 'reverse', target: `wss://localhost:${port}/` });
    const ws = new WebSocket(proxy.address);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(502);
    const [c] = await t.capture.listConnections();
    expect(c!.error).toMatch(/certificate/i);
  });
});
