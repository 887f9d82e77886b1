/**
 * `--out` budget (DESIGN.md): relay throughput of `framescope capture` writing its capture file,
 * against the same command without `--out`, in the same run — for 1 KiB and for 1 MiB messages
 * (goal: with >= 0.8x without). A ws client sends messages through the CLI's relay to a ws sink
 * that acknowledges the last one; the CLI runs in its own process, as it does in real use.
 * Prints; asserts nothing. Run: npm run bench -- capture-file
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';

const BIN = fileURLToPath(new URL('../bin/framescope.mjs', import.meta.url));
const CASES = [
  { label: '1 KiB', size: 1024, count: 20_000 },
  { label: '1 MiB', size: 1024 * 1024, count: 200 },
];
const ROUNDS = 2;

async function sink(): Promise<{ port: number; close(): void }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false, maxPayload: 64 << 20 });
  wss.on('connection', (ws) => ws.on('message', (data: Buffer) => void (data.length === 1 && ws.send('k'))));
  await new Promise((r) => wss.on('listening', r));
  return { port: (wss.address() as { port: number }).port, close: () => wss.close() };
}

/** Starts `framescope capture` and waits for the address it listens on. */
async function relay(target: number, out: string | null): Promise<{ port: number; stop(): Promise<void> }> {
  const args = [BIN, 'capture', '--listen', '127.0.0.1:0', '--target', `ws://127.0.0.1:${target}/`, ...(out ? ['--out', out] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /relay on ws:\/\/127\.0\.0\.1:(\d+)/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', () => reject(new Error(`capture exited: ${err}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

/** Messages per second through the relay: send `count`, then a 1-byte marker the sink answers. */
async function throughput(port: number, size: number, count: number): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false, maxPayload: 64 << 20 });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const message = Buffer.alloc(size, 0x61);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    ws.send(message);
    if (ws.bufferedAmount > 8 << 20) await new Promise<void>((r) => setTimeout(r, 1));
  }
  await new Promise<void>((resolve) => {
    ws.once('message', () => resolve());
    ws.send(Buffer.from([1]));
  });
  const seconds = (performance.now() - t0) / 1000;
  ws.close();
  return count / seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'framescope-bench-out-'));
const target = await sink();
try {
  for (const c of CASES) {
    const rates: Record<'without' | 'with', number[]> = { without: [], with: [] };
    let fileBytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['without', 'with'] as const) {
        const out = mode === 'with' ? join(dir, `run-${round}.jsonl`) : null;
        const r = await relay(target.port, out);
        rates[mode].push(await throughput(r.port, c.size, c.count));
        await r.stop();
        if (out) fileBytes = statSync(out).size;
      }
    }
    const best = (xs: number[]) => Math.max(...xs);
    const ratio = best(rates.with) / best(rates.without);
    console.log(
      `${c.label} × ${c.count}: without --out ${best(rates.without).toFixed(0)} msg/s, with --out ${best(rates.with).toFixed(0)} msg/s` +
        ` → ratio ${ratio.toFixed(2)} (goal >= 0.8); file ${(fileBytes / 1048576).toFixed(1)} MiB`,
    );
  }
} finally {
  target.close();
  rmSync(dir, { recursive: true, force: true });
}
