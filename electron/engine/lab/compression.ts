// Compression on the lab's event stream, measured: the same messages sent by real servers to real
// clients over loopback, with and without compression, counting the bytes each server's socket
// wrote (headers and framing included). The notes: HTTP negotiates gzip per response; an SSE stream
// can be gzipped as a whole; WebSocket compresses per message (permessage-deflate, RFC 7692), with
// or without the shared window ("context takeover", §7.1.1).
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { constants, createGzip, gzipSync } from 'node:zlib';
import WebSocket, { WebSocketServer } from 'ws';
import { encodeLabMessage, type LabCompression, type LabOptions } from '../../../shared/api';
import { nowUs } from './clock';

/** The lab's stream for the measurement: its size and format, at most 8 MiB in all. */
export function compressionSample(options: Pick<LabOptions, 'size' | 'format' | 'rate'>): string[] {
  const n = Math.max(5, Math.min(100, Math.floor((8 * 1_048_576) / options.size)));
  const start = nowUs();
  return Array.from({ length: n }, (_, i) => encodeLabMessage(i + 1, Math.round(start + (i * 1e6) / options.rate), options.size, options.format));
}

function track(server: Server): () => number {
  const sockets: Socket[] = [];
  server.on('connection', (s: Socket) => sockets.push(s));
  return () => sockets.reduce((a, s) => a + s.bytesWritten, 0);
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}

/** WebSocket: every message a frame; resolves with the server's bytes once the client has them all. */
async function overWebSocket(messages: string[], deflate: false | { contextTakeover: boolean }): Promise<number> {
  const server = createServer();
  const written = track(server);
  const perMessageDeflate = deflate && { threshold: 0, serverNoContextTakeover: !deflate.contextTakeover };
  const wss = new WebSocketServer({ server, perMessageDeflate });
  wss.on('connection', (ws) => {
    for (const m of messages) ws.send(m);
  });
  const port = await listen(server);
  const client = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: deflate ? {} : false });
  await new Promise<void>((resolve, reject) => {
    let n = 0;
    client.on('message', () => ++n === messages.length && resolve());
    client.on('error', reject);
  });
  const bytes = written();
  client.terminate();
  wss.close();
  await close(server);
  return bytes;
}

/** HTTP/1.1: one GET per message on a keep-alive connection; gzip negotiated per response (RFC 9110 §8.4). */
async function overHttp(messages: string[], gzip: boolean): Promise<number> {
  let i = 0;
  const server = createServer((_req, res) => {
    const body = Buffer.from(messages[i++ % messages.length]!, 'latin1');
    const sent = gzip ? gzipSync(body) : body;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(sent.length), ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(sent);
  });
  const written = track(server);
  const port = await listen(server);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let k = 0; k < messages.length; k++) {
    await new Promise<void>((resolve, reject) => {
      request({ port, host: '127.0.0.1', path: '/m', agent, headers: { 'Accept-Encoding': gzip ? 'gzip' : 'identity' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
  }
  const bytes = written();
  agent.destroy();
  await close(server);
  return bytes;
}

/** SSE: one stream; gzipped as a whole, flushed after every event so it is delivered at once. */
async function overSse(messages: string[], gzip: boolean): Promise<number> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    const out = gzip ? createGzip() : null;
    out?.pipe(res);
    for (const m of messages) {
      if (out) out.write(`data:${m}\n\n`, () => {});
      else res.write(`data:${m}\n\n`);
      out?.flush(constants.Z_SYNC_FLUSH);
    }
    if (out) out.end();
    else res.end();
  });
  const written = track(server);
  const port = await listen(server);
  await new Promise<void>((resolve, reject) => {
    request({ port, host: '127.0.0.1', path: '/sse', headers: { Accept: 'text/event-stream' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    })
      .on('error', reject)
      .end();
  });
  const bytes = written();
  await close(server);
  return bytes;
}

function row(scheme: LabCompression['scheme'], transport: LabCompression['transport'], n: number, plain: number, compressed: number): LabCompression {
  return { scheme, transport, messages: n, plainBytes: plain, compressedBytes: compressed, bytesSavedPerMessage: (plain - compressed) / n, savedShare: plain > 0 ? 1 - compressed / plain : 0 };
}

/** Every scheme on the same messages, one after another (so they do not compete for the CPU). */
export async function measureCompression(messages: string[]): Promise<LabCompression[]> {
  const n = messages.length;
  const ws = await overWebSocket(messages, false);
  const wsCtx = await overWebSocket(messages, { contextTakeover: true });
  const wsNoCtx = await overWebSocket(messages, { contextTakeover: false });
  const http = await overHttp(messages, false);
  const httpGz = await overHttp(messages, true);
  const sse = await overSse(messages, false);
  const sseGz = await overSse(messages, true);
  return [
    row('gzip per response', 'short-polling', n, http, httpGz),
    row('gzip over the stream', 'sse', n, sse, sseGz),
    row('permessage-deflate, context takeover', 'websocket', n, ws, wsCtx),
    row('permessage-deflate, no context takeover', 'websocket', n, ws, wsNoCtx),
  ];
}
