// `framescope capture` as a user runs it: a real process relaying a real ws client and server,
// printing one line per frame, writing a 0600 JSON Lines file, and exiting 0 on Ctrl-C (SIGINT).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWsServer, waitFor } from '../proxy/test-peers';
import type { CliIo } from './command';
import { main } from './main';
import { runCapture } from './capture-run';
import { RAW_HIDDEN } from './hidden-oracle';

const BIN = fileURLToPath(new URL('../../../bin/framescope.mjs', import.meta.url));

function io(): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { out: (l) => outLines.push(l), err: (l) => errLines.push(l), interrupted: new Promise(() => {}), stdin: process.stdin, outLines, errLines };
}

describe('framescope capture', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-cli-capture-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects bad flags with exit code 2 and a reason', async () => {
    for (const [argv, reason] of [
      [['capture', '--target', 'ws://127.0.0.1:1'], '--listen'],
      [['capture', '--listen', '127.0.0.1:0'], 'either --target'],
      [['capture', '--listen', '127.0.0.1:0', '--forward', '--target', 'ws://a:1'], 'either --target'],
      [['capture', '--listen', 'nowhere', '--forward'], 'HOST:PORT'],
      [['capture', '--listen', '127.0.0.1:0', '--target', 'ftp://x'], 'ws://host:port/path'],
      [['capture', '--listen', '127.0.0.1:0', '--forward', '--connect-ports', '25,smtp'], '--connect-ports'],
      // The one host-pattern parser (shared/host-pattern.ts), as in the form and the contract.
      [['capture', '--listen', '127.0.0.1:0', '--forward', '--insecure-upstream', 'localhost,*.127.0.0.1'], '--insecure-upstream: "*.127.0.0.1": an IP address is matched exactly'],
      [['capture', '--listen', '127.0.0.1:0', '--forward', '--pass-through', 'a.*.test'], '--pass-through: "a.*.test": a wildcard is allowed only as a whole first label'],
    ] as const) {
      const cli = io();
      expect(await main([...argv], cli)).toBe(2);
      expect(cli.errLines.join('\n')).toContain(reason);
    }
  });

  it('refuses to listen beyond loopback without --expose (exit 1, a reason, nothing listening)', async () => {
    const cli = io();
    expect(await main(['capture', '--listen', '0.0.0.0:0', '--forward'], cli)).toBe(1);
    expect(cli.errLines.join('\n')).toMatch(/would let other machines use this proxy.*--expose/);
  });

  it('relays, prints one line per frame, writes the JSON Lines file and exits 0 on Ctrl-C', async () => {
    const server = await startWsServer();
    server.wss.on('connection', (ws) => ws.on('message', (d: Buffer, binary) => ws.send(d, { binary })));
    const out = join(dir, 'capture.jsonl');
    const child = spawn(process.execPath, [BIN, 'capture', '--listen', '127.0.0.1:0', '--target', `ws://127.0.0.1:${server.port}/echo`, '--out', out], {
      env: { ...process.env, FRAMESCOPE_DATA_DIR: join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const address = (await waitFor(() => /relay on (ws:\/\/\S+)/.exec(stderr), 20_000, 'the relay address'))[1]!;
      expect(address).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/echo$/);
      const ws = new WebSocket(address);
      await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
      ws.send('hello cli');
      ws.send(Buffer.from([0xde, 0xad]), { binary: true });
      await waitFor(() => stdout.split('\n').filter(Boolean).length === 4, 10_000, 'four frame lines');
      ws.close(1000, 'done');
      await waitFor(() => stdout.split('\n').filter(Boolean).length === 6, 10_000, 'close lines');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await server.close();
    }
    const lines = stdout.trim().split('\n');
    for (const pattern of [
      /^\d\d:\d\d:\d\d\.\d{6} {2}#1 {2}client→server {2}text +9 B {2}hello cli$/,
      /#1 {2}server→client {2}text +9 B {2}hello cli$/,
      /#1 {2}client→server {2}binary +2 B {2}de ad$/,
      /#1 {2}server→client {2}binary +2 B {2}de ad$/,
      /#1 {2}client→server {2}close +6 B {2}1000 done$/,
    ]) {
      expect(lines.filter((l) => pattern.test(l))).toHaveLength(1);
    }

    expect(statSync(out).mode & 0o777).toBe(0o600);
    const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ type: 'capture', format: 'framescope', version: 2, bytes: 'base64' });
    const frames = records.filter((r) => r.type === 'frame');
    expect(frames).toHaveLength(6);
    expect(frames[0]).toMatchObject({ connection: 1, from: 'client', fin: true, rsv1: false, opcode: 1, masked: true, payloadLength: 9, kept: 9, payload: Buffer.from('hello cli').toString('base64'), injected: false, violations: [] });
    expect(Buffer.from(frames[0]!.maskKey as string, 'base64')).toHaveLength(4);
    expect(typeof frames[0]!.time).toBe('number');
    expect(frames.find((f) => f.from === 'server' && f.opcode === 2)).toMatchObject({ masked: false, maskKey: null, payload: Buffer.from('dead', 'hex').toString('base64') });
    const connection = records.find((r) => r.type === 'connection');
    expect(connection).toMatchObject({ id: 1, kind: 'websocket', state: 'closed', closeCode: 1000 });
    const http = records.find((r) => r.type === 'http');
    expect(http).toMatchObject({ connectionId: 1, method: 'GET', status: 101 });
    expect(Buffer.from(http!.requestHead as string, 'base64').toString()).toMatch(/^GET \/echo HTTP\/1\.1\r\n/);
  }, 60_000);

  it('a capture file that cannot be written: says so once, relays on, exits 1', async () => {
    const server = await startWsServer();
    server.wss.on('connection', (ws) => ws.on('message', (d: Buffer, binary) => ws.send(d, { binary })));
    const out = join(dir, 'capture.jsonl');
    // A file size limit of 256 KiB (ulimit -f counts KiB): Node ignores SIGXFSZ, so the write past it fails with EFBIG, as on a full disk.
    const child = spawn('bash', ['-c', 'ulimit -f 256; exec "$0" "$@"', process.execPath, BIN, 'capture', '--listen', '127.0.0.1:0', '--target', `ws://127.0.0.1:${server.port}/`, '--out', out], {
      env: { ...process.env, FRAMESCOPE_DATA_DIR: join(dir, 'data') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const address = (await waitFor(() => /relay on (ws:\/\/\S+)/.exec(stderr), 20_000, 'the relay address'))[1]!;
      const ws = new WebSocket(address);
      await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
      const echoes: Buffer[] = [];
      ws.on('message', (d: Buffer) => echoes.push(d));
      ws.send(Buffer.alloc(400 * 1024, 0x5a));
      ws.send('after the failure');
      await waitFor(() => echoes.length === 2, 10_000, 'both echoes');
      expect(echoes[0]!.length).toBe(400 * 1024);
      expect(echoes[1]!.toString()).toBe('after the failure');
      await waitFor(() => /cannot write/.test(stderr), 10_000, 'the write error');
      ws.close();
      child.kill('SIGINT');
      expect(await exited).toBe(1);
    } finally {
      child.kill('SIGKILL');
      await server.close();
    }
    expect(stderr.match(/cannot write/g)).toHaveLength(1);
    expect(stderr).toContain(`framescope capture: cannot write ${out}: EFBIG`);
    expect(stderr).toMatch(/Captured [1-9]\d* frames\./);
    expect(statSync(out).size).toBeLessThanOrEqual(256 * 1024);
  }, 60_000);

  it('past a full capture, prints and writes every frame: the oldest go from memory, not the newest', async () => {
    const server = await startWsServer();
    server.wss.on('connection', (ws) => ws.on('message', (d: Buffer, binary) => ws.send(d, { binary })));
    const out = join(dir, 'capture.jsonl');
    const cli = io();
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    let address = '';
    const exit = runCapture(cli, {
      proxy: { mode: 'reverse', target: `ws://127.0.0.1:${server.port}/` },
      // The smallest budget, all in memory: a few hundred of these frames fill it.
      deps: { dataDir: join(dir, 'data'), budget: { memoryBytes: 4 * 1024 * 1024, diskBytes: 0 } },
      out,
      until,
      announce: (status) => (address = `ws://127.0.0.1:${status.listenPort}/`),
    });
    const messages = 600; // 1,200 frames of 16 KiB: about 19 MiB
    try {
      await waitFor(() => address !== '', 20_000, 'the relay');
      const ws = new WebSocket(address);
      await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
      for (let i = 0; i < messages; i++) {
        const echoed = new Promise((resolve) => ws.once('message', resolve));
        ws.send(Buffer.alloc(16 * 1024, i & 0xff));
        await echoed;
      }
      ws.close();
      await waitFor(() => cli.errLines.some((l) => / closed/.test(l)), 10_000, 'the close');
    } finally {
      stop();
      await server.close();
    }
    expect(await exit).toBe(0);
    const binary = cli.outLines.filter((l) => / binary +16384 B /.test(l)).length;
    const unprinted = cli.errLines.map((l) => /(\d+) frames were dropped from the full capture before they were printed/.exec(l)?.[1]).reduce((n, m) => n + Number(m ?? 0), 0);
    expect(binary + unprinted).toBe(2 * messages);
    expect(binary).toBeGreaterThan(messages); // the pump keeps up with one message at a time
    const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const frames = records.filter((r) => r.type === 'frame' && r.opcode === 2);
    expect(frames).toHaveLength(2 * messages);
    expect(frames.every((f) => f.kept === 16 * 1024)).toBe(true);
    expect(Buffer.from(frames.at(-1)!.payload as string, 'base64')[0]).toBe((messages - 1) & 0xff);
  }, 60_000);

  it('prints hostile payloads, close reasons and URLs escaped: no raw ESC, C1 or bidi byte reaches the terminal', async () => {
    // Retitle the window, clear the screen, plant an OSC 8 link, write the clipboard (OSC 52),
    // a C1 CSI without ESC, and a right-to-left override that turns "fdp.exe" into "exe.pdf".
    const payload = '\x1b]0;pwned\x07\x1b[2J\x1b]8;;http://evil.example\x07click\x1b]8;;\x07 \u009b31m invoice_\u202efdp.exe';
    const reason = '\x1b]52;c;cHduZWQ=\x07\u202ebye\r\nfake line';
    const server = await startWsServer();
    server.wss.on('connection', (ws) => {
      ws.send(payload);
      ws.close(4000, reason);
    });
    const child = spawn(process.execPath, [BIN, 'capture', '--listen', '127.0.0.1:0', '--target', `ws://127.0.0.1:${server.port}/\u202epath`], {
      env: { ...process.env, FRAMESCOPE_DATA_DIR: join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const address = (await waitFor(() => /relay on (ws:\/\/\S+)/.exec(stderr), 20_000, 'the relay address'))[1]!;
      const ws = new WebSocket(address);
      ws.on('error', () => {});
      await waitFor(() => /closed with 4000/.test(stderr), 10_000, 'the close line');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await server.close();
    }
    for (const text of [stdout, stderr]) expect(text).not.toMatch(RAW_HIDDEN);
    expect(stdout).toContain('\\u009b31m');
    expect(stdout).toContain('invoice_\\u202efdp.exe');
    expect(stderr).toContain('closed with 4000 "\\u001b]52;c;cHduZWQ=\\u0007\\u202ebye\\r\\nfake line"');
  }, 60_000);
});
