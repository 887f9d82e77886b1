// The forward proxy against RFC 9112, with real sockets and real clients: origin-form towards the
// server (§3.2.1), no blind tunnel when a server's bytes cannot be framed (§6.3), faulty framing
// (CL+TE, obs-fold, over-long chunk sizes, TE on HTTP/1.0) closing instead of being guessed at, and
// one request at a time per upstream connection.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptedServer, type ScriptedServer } from './scripted-server';
import { rawClient, startCapture, waitFor, type TestCapture } from './test-peers';

const run = promisify(execFile);
const ok = (body: string): string => `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

describe('forward proxy, RFC 9112', () => {
  let t: TestCapture;
  let proxyPort: number;
  const servers: ScriptedServer[] = [];

  beforeEach(async () => {
    t = startCapture();
    proxyPort = (await t.capture.startProxy({ mode: 'forward' })).listenPort;
  });
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    await t.close();
  });

  async function origin(answer: Parameters<typeof scriptedServer>[0]): Promise<ScriptedServer> {
    const s = await scriptedServer(answer);
    servers.push(s);
    return s;
  }

  async function exchange(request: string): Promise<string> {
    const client = await rawClient(proxyPort);
    client.socket.write(request);
    await client.ended;
    return client.received().toString('latin1');
  }

  it('sends the origin-form target and the target\'s Host to the server (§3.2.1, §3.2.2)', async () => {
    const server = await origin((head) => ok(head.split('\r\n')[0]!));
    const { stdout } = await run('curl', ['-s', '-x', `http://127.0.0.1:${proxyPort}`, `http://127.0.0.1:${server.port}/json?q=1`]);
    expect(stdout).toBe('GET /json?q=1 HTTP/1.1');
    const client = await rawClient(proxyPort);
    client.socket.write(`GET http://127.0.0.1:${server.port}?x HTTP/1.1\r\nHost: elsewhere.test\r\nAccept: */*\r\n\r\n`);
    await waitFor(() => client.received().toString().endsWith('GET /?x HTTP/1.1'), 5000, 'answer');
    client.socket.destroy();
    expect(server.received()).toContain(`GET /?x HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAccept: */*\r\n\r\n`);
    // The capture keeps what the client sent.
    const exchanges = await t.capture.listHttpExchanges({});
    expect(new TextDecoder().decode(exchanges[1]!.requestHead)).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\?x HTTP\/1\.1\r\nHost: elsewhere\.test/);
  });

  it('never hands a request for one site to another when a server sends bytes nobody asked for', async () => {
    const first = await origin(() => `${ok('one')}HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nextra`);
    const second = await origin(() => ok('two'));
    const { stdout } = await run('curl', [
      '-s', '-x', `http://127.0.0.1:${proxyPort}`, '-H', 'Authorization: Bearer secret',
      `http://127.0.0.1:${first.port}/a`, `http://127.0.0.1:${second.port}/b`,
    ]);
    expect(stdout).toBe('onetwo');
    expect(first.received()).not.toContain('/b');
    expect(second.received()).toContain('GET /b HTTP/1.1');
    const failed = (await t.capture.listConnections()).find((c) => c.error !== null);
    expect(failed?.error).toMatch(/response to a request that was never made[^]*closed/);
  });

  it('never hands Python http.client\'s next request (with its Authorization) to the previous site', async () => {
    const first = await origin(() => `${ok('one')}${ok('unasked')}`);
    const second = await origin(() => ok('two'));
    const script = [
      'import http.client, sys',
      `c = http.client.HTTPConnection("127.0.0.1", ${proxyPort}, timeout=5)`,
      `c.request("GET", "http://127.0.0.1:${first.port}/a")`,
      'print(c.getresponse().read().decode())',
      'try:',
      `    c.request("GET", "http://127.0.0.1:${second.port}/b", headers={"Authorization": "Bearer secret"})`,
      '    print(c.getresponse().read().decode())',
      'except Exception as e:',
      '    print("closed:", type(e).__name__)',
    ].join('\n');
    const { stdout } = await run('/usr/bin/python3', ['-c', script]);
    expect(stdout.split('\n')[0]).toBe('one');
    // Either the proxy closed the connection first (the client sees it) or the request went where it was addressed.
    expect(stdout.split('\n')[1]).toMatch(/^(two|closed: \w+)$/);
    expect(first.received()).not.toContain('Authorization');
  });

  it('closes instead of tunnelling when the server answers with something that is not HTTP', async () => {
    const server = await origin(() => 'SSH-2.0-not-http\r\n\r\n');
    const reply = await exchange(`GET http://127.0.0.1:${server.port}/ HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n[^]*not HTTP/);
    const [c] = await t.capture.listConnections();
    expect(c).toMatchObject({ state: 'failed' });
  });

  it('refuses a request with both Content-Length and Transfer-Encoding, and relays none of it', async () => {
    const server = await origin(() => ok('x'));
    const smuggle = 'POST http://127.0.0.1:PORT/ HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin HTTP/1.1\r\n\r\n';
    const reply = await exchange(smuggle.replace('PORT', String(server.port)));
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[^]*both Content-Length and Transfer-Encoding/);
    expect(server.received()).toBe('');
  });

  it('answers 502 to a response with both Content-Length and Transfer-Encoding, or an obs-fold', async () => {
    const both = await origin(() => 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n');
    expect(await exchange(`GET http://127.0.0.1:${both.port}/ HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(/^HTTP\/1\.1 502 [^]*both Content-Length and Transfer-Encoding/);
    const folded = await origin(() => 'HTTP/1.1 200 OK\r\nX-Long: a\r\n b\r\nContent-Length: 0\r\n\r\n');
    expect(await exchange(`GET http://127.0.0.1:${folded.port}/ HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(/^HTTP\/1\.1 502 [^]*obs-fold/);
    const server = await origin(() => ok('x'));
    expect(await exchange(`GET http://127.0.0.1:${server.port}/ HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\t2\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400 [^]*obs-fold/);
  });

  it('ignores Transfer-Encoding on an HTTP/1.0 response (§6.1) and reads it to the close', async () => {
    const body = '5\r\nhello\r\n0\r\n\r\nand the rest';
    const server = await origin(() => `HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${body}`);
    const client = await rawClient(proxyPort);
    client.socket.write(`GET http://127.0.0.1:${server.port}/ HTTP/1.1\r\nHost: x\r\n\r\n`);
    await waitFor(() => client.received().toString().endsWith('and the rest'), 5000, 'body');
    await servers[0]!.close();
    await client.ended;
    const [e] = await t.capture.listHttpExchanges({});
    expect(e).toMatchObject({ status: 200, responseBodyBytes: body.length });
  });

  it('closes the connections when a chunk size is too long, after relaying only the readable bytes', async () => {
    const server = await origin(() => 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n10000000000000003\r\nxyz');
    const reply = await exchange(`GET http://127.0.0.1:${server.port}/ HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(reply).toBe('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n1000000000000');
    const [c] = await t.capture.listConnections();
    expect(c!.error).toMatch(/chunk size is too long/);
  });

  it('sends one request at a time: a pipelined request waits for the previous response', async () => {
    let first: (() => void) | null = null;
    const server = await origin((head, n, socket) => {
      const reply = ok(`<${head.split(' ')[1]!}>`);
      if (n > 0) return reply;
      first = () => socket.write(reply);
      return null;
    });
    const client = await rawClient(proxyPort);
    const get = (path: string): string => `GET http://127.0.0.1:${server.port}${path} HTTP/1.1\r\nHost: x\r\n\r\n`;
    const all = get('/1') + get('/2') + get('/3');
    client.socket.write(all);
    await waitFor(async () => first !== null && (await t.capture.listConnections())[0]?.counters.client.bytes === all.length, 5000, 'all bytes read');
    // Everything has reached the relay, but /2 and /3 wait: the server still owes the answer to /1.
    expect((await t.capture.listHttpExchanges({})).length).toBe(1);
    expect(server.received()).not.toContain('/2');
    (first as unknown as () => void)();
    await waitFor(() => client.received().toString().endsWith('</3>'), 5000, 'three answers');
    expect(client.received().toString().match(/<[^>]+>/g)).toEqual(['</1>', '</2>', '</3>']);
    client.socket.destroy();
    const exchanges = await t.capture.listHttpExchanges({});
    expect(exchanges.map((e) => [e.url.replace(/.*\d\//, '/'), e.status])).toEqual([['/1', 200], ['/2', 200], ['/3', 200]]);
  });
});
