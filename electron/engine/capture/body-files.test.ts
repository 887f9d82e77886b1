// Bodies in saved files (issue 14): a capture file carries every kept body and reopens it identically
// (wire and decoded, byte for byte), and HAR puts response bodies in content.text, decoded, with
// base64 for binary, as Chrome does; a request body goes in postData.
import { createServer as createHttpServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../../shared/model';
import { ForwardProxyAgent } from '../proxy/proxy-agent';
import { listen, startCapture, waitFor, type TestCapture } from '../proxy/test-peers';
import { HttpBodyReader } from './http-body-read';

const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]);
const JSON_TEXT = JSON.stringify({ hello: 'world', n: [1, 2, 3] });

describe('bodies in capture files and HAR', () => {
  let t: TestCapture;
  let other: TestCapture;
  let server: Server;
  const sockets = new Set<Socket>();

  beforeEach(async () => {
    t = startCapture();
    other = startCapture();
    server = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/json') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(gzipSync(JSON_TEXT));
        } else if (req.url === '/bin') {
          res.writeHead(200, { 'content-type': 'image/png', 'content-length': BINARY.length });
          res.end(BINARY);
        } else {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.end('data: one\n\n');
        }
      });
    });
    server.on('connection', (s) => sockets.add(s));
  });
  afterEach(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
    await t.close();
    await other.close();
  });

  async function captureThree(): Promise<HttpExchange[]> {
    const port = await listen(server);
    const proxy = await t.capture.startProxy({ mode: 'forward' });
    const agent = new ForwardProxyAgent(proxy.listenPort);
    for (const [path, body] of [['/json', 'q=1'], ['/bin', undefined], ['/sse', undefined]] as const) {
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', agent }, (res) => (res.resume(), res.on('end', () => resolve())));
        req.on('error', reject);
        req.end(body);
      });
    }
    agent.destroy();
    return waitFor(async () => {
      const list = await t.capture.listHttpExchanges({});
      return list.length === 3 && list.every((e) => e.endedAt !== null) ? list : null;
    }, 5000, 'three exchanges');
  }

  it('a saved capture reopens with every body identical, wire and decoded', async () => {
    const before = await captureThree();
    const file = await t.capture.exportCapture({ format: 'jsonl' });
    expect(Buffer.from(file).toString()).toContain('"type":"body"');
    await other.capture.importCapture({ name: 'bodies.jsonl', bytes: file });
    const after = await other.capture.listHttpExchanges({});
    expect(after.map((e) => e.url)).toEqual(before.map((e) => e.url));
    const a = new HttpBodyReader(t.capture.store);
    const b = new HttpBodyReader(other.capture.store);
    for (let i = 0; i < before.length; i++) {
      for (const side of ['request', 'response'] as const) {
        for (const decoded of [false, true]) {
          const x = await a.getHttpBody({ exchangeId: (before[i] as HttpExchange).id, side, offset: 0, length: 1 << 20, decoded });
          const y = await b.getHttpBody({ exchangeId: (after[i] as HttpExchange).id, side, offset: 0, length: 1 << 20, decoded });
          expect({ ...y, bytes: [...y.bytes] }).toEqual({ ...x, bytes: [...x.bytes] });
        }
      }
    }
    const json = after.find((e) => e.url.endsWith('/json')) as HttpExchange;
    expect(Buffer.from((await b.getHttpBody({ exchangeId: json.id, side: 'response', offset: 0, length: 100, decoded: true })).bytes).toString()).toBe(JSON_TEXT);
  });

  it('HAR carries decoded response text, base64 for binary, and the request body in postData', async () => {
    await captureThree();
    const har = JSON.parse(Buffer.from(await t.capture.exportCapture({ format: 'har' })).toString()) as {
      log: { entries: { request: { url: string; postData?: { text: string } }; response: { content: { text?: string; encoding?: string; size: number } } }[] };
    };
    const entry = (suffix: string) => har.log.entries.find((e) => e.request.url.endsWith(suffix));
    expect(entry('/json')?.response.content).toMatchObject({ text: JSON_TEXT, size: JSON_TEXT.length });
    expect(entry('/json')?.request.postData?.text).toBe('q=1');
    expect(entry('/bin')?.response.content).toMatchObject({ encoding: 'base64', text: Buffer.from(BINARY).toString('base64') });
    expect(entry('/sse')?.response.content.text).toBe('data: one\n\n');
  });
});
