import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io } from 'socket.io-client';
import { main } from './main';

describe('framescope demo', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-cli-demo-'));
    process.env.FRAMESCOPE_DATA_DIR = dir;
  });
  afterAll(() => {
    delete process.env.FRAMESCOPE_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs an echo server behind the proxy until Ctrl-C', async () => {
    const out: string[] = [];
    let interrupt!: () => void;
    const interrupted = new Promise<void>((r) => (interrupt = r));
    const done = main(['demo', 'echo'], { out: (l) => out.push(l), err: () => {}, interrupted, stdin: process.stdin });
    await expect.poll(() => out.some((l) => l.startsWith('connect to: ')), { timeout: 10_000 }).toBe(true);
    const url = /connect to: (\S+)/.exec(out.join('\n'))![1]!;
    const ws = new WebSocket(url);
    await new Promise((r) => ws.once('open', r));
    const echoed = new Promise<string>((r) => ws.once('message', (d) => r(d.toString())));
    ws.send('hello demo');
    expect(await echoed).toBe('hello demo');
    ws.close();
    interrupt();
    expect(await done).toBe(0);
  }, 20_000);

  it('runs the Socket.IO demo; a socket.io client connects through the printed proxy address', async () => {
    const out: string[] = [];
    let interrupt!: () => void;
    const interrupted = new Promise<void>((r) => (interrupt = r));
    const done = main(['demo', 'socketio'], { out: (l) => out.push(l), err: () => {}, interrupted, stdin: process.stdin });
    await expect.poll(() => out.some((l) => l.startsWith('connect to: ')), { timeout: 10_000 }).toBe(true);
    const url = /connect to: (\S+)/.exec(out.join('\n'))![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    const socket = io(url, { forceNew: true, reconnection: false, transports: ['polling'] });
    const news = await new Promise<{ transport: string }>((r) => socket.once('news', r));
    expect(news.transport).toBe('polling');
    socket.disconnect();
    interrupt();
    expect(await done).toBe(0);
  }, 20_000);

  it('rejects a missing or unknown kind and bad flags (exit 2)', async () => {
    for (const argv of [[], ['nope'], ['echo', '--port', 'x'], ['echo', '--bogus'], ['echo', 'extra']]) {
      const err: string[] = [];
      const code = await main(['demo', ...argv], { out: () => {}, err: (l) => err.push(l), interrupted: new Promise(() => {}), stdin: process.stdin });
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(err.join('\n')).toMatch(/framescope demo: .*usage: framescope demo/);
    }
  });
});
