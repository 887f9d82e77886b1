import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_TRANSPORTS } from '../../../shared/api';
import { main } from './main';

interface SocketIoJson {
  sessions: Array<{ mode: string; transports: string[]; packets: Record<string, number>; wireBytes: Record<string, number>; frames: number; upgradeMs: number | null }>;
  claims: Array<{ id: string; verdict: string }>;
}

async function cli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), interrupted: new Promise(() => {}), stdin: process.stdin });
  return { code, out, err };
}

describe('framescope lab', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-cli-lab-'));
    process.env.FRAMESCOPE_DATA_DIR = dir;
  });
  afterAll(() => {
    delete process.env.FRAMESCOPE_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one JSON object per transport with the measured figures', async () => {
    const { code, out } = await cli(['lab', '--duration', '1', '--rate', '10', '--size', '200', '--interval', '100', '--idle-clients', '20', '--requests', '12', '--work', '20', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out.join('\n')) as Array<Record<string, unknown> & { latencyMs: { mean: number; p50: number; p95: number } }>;
    expect(rows.map((r) => r.transport)).toEqual([...LAB_TRANSPORTS]);
    for (const r of rows) {
      expect(r.messages).toBe(r.published);
      expect(r.messages as number).toBeGreaterThan(5);
      expect(r.requests as number).toBeGreaterThanOrEqual(1);
      expect(r.payloadBytes).toBe((r.messages as number) * 200);
      expect(typeof r.overheadBytesPerMessage).toBe('number');
      expect(r.latencyMs.p95).toBeGreaterThanOrEqual(r.latencyMs.p50);
      expect(typeof r.latencyMs.mean).toBe('number');
      expect(r.phaseModel).toBe('random');
      const compression = r.compression as Array<{ scheme: string; savedShare: number }>;
      expect(compression.length).toBe(r.transport === 'websocket' ? 2 : r.transport === 'short-polling' || r.transport === 'sse' ? 1 : 0);
      // The server's cost per idle connection, for the transports that hold one; concurrency on WebSocket's object.
      const idle = r.idleConnection as { held: number; fdsPerConnection: number | null; estimate: boolean } | null;
      if (r.transport === 'websocket' || r.transport === 'sse' || r.transport === 'long-polling') expect(idle).toMatchObject({ held: 20, estimate: true });
      else expect(idle).toBeNull();
      const concurrency = r.concurrency as { rows: Array<{ transport: string; connections: number }> } | null;
      if (r.transport === 'websocket') expect(concurrency!.rows.map((x) => [x.transport, x.connections])).toEqual([['http1', 6], ['websocket', 1]]);
      else expect(concurrency).toBeNull();
      if (r.transport === 'websocket') expect((r.claims as Array<{ id: string }>).map((c) => c.id)).toEqual(expect.arrayContaining(['server-cost-per-connection', 'one-connection-concurrency']));
      // Socket.IO's two sessions (the real socket.io through this run's capture proxy), on WebSocket's object like concurrency.
      const sio = r.socketIo as SocketIoJson | null;
      if (r.transport !== 'websocket') expect(sio).toBeNull();
      else {
        const [up, poll] = sio!.sessions;
        expect([up!.mode, up!.transports, poll!.mode, poll!.transports]).toEqual(['upgrade', ['polling', 'websocket'], 'polling', ['polling']]);
        expect([up!.packets.open, up!.packets['probe-ping'], up!.packets['probe-pong'], up!.packets.upgrade]).toEqual([1, 1, 1, 1]);
        expect([poll!.packets.open, poll!.packets.upgrade, poll!.frames, poll!.wireBytes.websocket, poll!.upgradeMs]).toEqual([1, 0, 0, 0, null]);
        expect(poll!.packets.ping).toBeGreaterThanOrEqual(1);
        expect(up!.upgradeMs).toBeGreaterThan(0);
        expect(up!.wireBytes.websocket).toBeGreaterThan(0);
        expect(up!.wireBytes.polling).toBeGreaterThan(0);
        expect(sio!.claims.map((c) => [c.id, c.verdict])).toEqual([
          ['socketio-upgrade', 'agrees'],
          ['socketio-fallback', 'agrees'],
        ]);
      }
      for (const c of r.claims as Array<Record<string, unknown>>) {
        expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'claim', 'verdict', 'measured', 'expected']));
        expect(['agrees', 'differs', 'not-enough-data']).toContain(c.verdict);
      }
    }
  }, 30_000);

  it('prints the table with the claims beside the measurements', async () => {
    const { code, out } = await cli(['lab', '--duration', '0.5', '--interval', '100', '--format', 'text', '--pattern', 'bursty', '--cookie', '500', '--idle-clients', '0', '--requests', '8', '--no-socketio']);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^transport\s+messages\s+requests/m);
    for (const t of LAB_TRANSPORTS) expect(text).toMatch(new RegExp(`^${t}\\s+\\d+/\\d+`, 'm'));
    expect(text).toContain('Each WebSocket frame adds 2–14 bytes.');
    expect(text).toContain('cookie 500 B');
    expect(text).not.toContain('What idle connections cost');
    expect(text).toMatch(/8 requests in flight/);
    expect(text).not.toContain("Socket.IO's fallbacks");
  }, 30_000);

  it('rejects bad flags with a usage error (exit 2)', async () => {
    for (const argv of [['--rate', '0'], ['--size', '10'], ['--interval', 'fast'], ['--format', 'xml'], ['--phase', 'late'], ['--duration', '0'], ['--idle-clients', '5'], ['--idle-clients', '3000'], ['--work', '0'], ['--bogus'], ['extra']]) {
      const { code, err } = await cli(['lab', ...argv]);
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(err.join('\n')).toMatch(/framescope lab: .*usage: framescope lab/);
    }
  });
});
