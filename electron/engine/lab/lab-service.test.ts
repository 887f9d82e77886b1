import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LAB_TRANSPORTS, type EngineEvent, type LabEvent, type LabLive, type LabStatus } from '../../../shared/api';
import { Engine } from '../engine';

describe('the lab service in the engine', () => {
  let dir: string;
  let engine: Engine;
  const events: EngineEvent[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-lab-svc-'));
    engine = new Engine({ host: 'browser', dataDir: dir });
    engine.subscribe((batch) => events.push(...batch));
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const labEvents = () => events.filter((e): e is Extract<LabEvent, { type: 'lab' }> => e.type === 'lab');

  it('refuses bad options with a message, and starts nothing', async () => {
    const api = engine.api;
    await expect(api.labStart({ rate: -1 } as never)).rejects.toThrow(/rate must be a number/);
    await expect(api.labStart({ rate: 200, size: 1_048_576 } as never)).rejects.toThrow(/16 MiB/);
    await expect(api.labStart(null as never)).rejects.toThrow(/object/);
    await expect(api.labCompression({ size: 10, format: 'json', rate: 5 })).rejects.toThrow(/size must be/);
    expect((await api.labStatus()).phase).toBe('idle');
  });

  it('runs with engine clients, streams live marks, stops cleanly with an exact summary', async () => {
    const api = engine.api;
    const started = await api.labStart({ rate: 10, size: 128, format: 'text', pattern: 'steady', phase: 'random', upstream: false, intervalMs: 200, cookieBytes: 0, clients: 'engine' });
    expect(started.endpoints?.meters.websocket).toBe('capture-proxy');
    expect(started.endpoints?.meters['http2-polling']).toBe('socket-tap');
    await expect(api.labStart(started.options!)).rejects.toThrow(/already going/);
    await expect.poll(() => labEvents().some((e) => e.live && e.live.deliveries.length > 0), { timeout: 10_000 }).toBe(true);
    const stopped: LabStatus = await api.labStop();
    expect(stopped.phase).toBe('done');
    await expect.poll(() => labEvents().map((e) => e.status.phase)).toContain('done');
    const phases = labEvents().map((e) => e.status.phase);
    for (const p of ['starting', 'running', 'draining', 'closing']) expect(phases).toContain(p);
    const summary = (await api.labSummary())!;
    expect(summary.published).toBeGreaterThan(0);
    for (const r of summary.rows) expect({ t: r.transport, n: r.messages }).toEqual({ t: r.transport, n: summary.published });
    const lives = labEvents().flatMap((e): LabLive[] => (e.live ? [e.live] : []));
    const marks = lives.flatMap((l) => l.marks);
    for (const t of LAB_TRANSPORTS) expect(marks.some((m) => m.transport === t)).toBe(true);
    expect(marks.some((m) => m.kind === 'frame')).toBe(true);
    expect(marks.some((m) => m.kind === 'request' && m.empty)).toBe(true);
    // The lab's connections are in the capture, marked as the lab's.
    expect((await api.listConnections()).filter((c) => c.source === 'lab').length).toBeGreaterThanOrEqual(4);
  }, 30_000);

  it('accepts browser reports only for the current run and rejects malformed ones', async () => {
    const api = engine.api;
    await expect(api.labReport({ runId: 1, transport: 'nope', deliveries: [] } as never)).rejects.toThrow(/Unknown lab transport/);
    await expect(api.labReport({ runId: 1, transport: 'sse' } as never)).rejects.toThrow(/deliveries/);
    const started = await api.labStart({ rate: 5, size: 64, format: 'json', pattern: 'steady', phase: 'random', upstream: false, intervalMs: 100, cookieBytes: 0, clients: 'browser' });
    // Nobody runs the browser clients here: HTTP/2 (always the engine's) still delivers.
    await expect.poll(async () => (await api.labStatus()).published, { timeout: 10_000 }).toBeGreaterThan(1);
    expect((await api.labStatus()).note).toMatch(/No client connected/);
    await api.labReport({ runId: started.runId! - 1, transport: 'sse', deliveries: [{ seq: 1, receivedAt: 1 }] });
    await api.labReport({ runId: started.runId!, transport: 'sse', deliveries: [{ seq: 1e9, receivedAt: 1 }, { seq: 'x' as never, receivedAt: 2 }] });
    await api.labStop();
    const rows = (await api.labSummary())!.rows;
    expect(rows.find((r) => r.transport === 'sse')!.messages).toBe(0);
    expect(rows.find((r) => r.transport === 'http2-polling')!.messages).toBeGreaterThan(0);
  }, 30_000);

  it('runs the demonstrations: broadcast to many clients, a slow reader, subprotocol negotiation', async () => {
    const api = engine.api;
    const demo = await api.labDemoStart();
    expect(demo.meter).toBe('capture-proxy');
    const clients = await Promise.all([1, 2, 3].map(() => open(demo.broadcastUrl)));
    const got = clients.map((ws) => new Promise<string>((resolve) => ws.once('message', (d) => resolve(d.toString()))));
    const sent = await api.labBroadcast({ size: 100 });
    expect(sent.clients).toBe(3);
    // Measured by the capture proxy: three copies of a 100-byte message, 2 header bytes each (RFC 6455 §5.2).
    expect(sent.wireBytes).toBe(3 * 102);
    expect(sent.lastFrameAfterMs).toBeGreaterThanOrEqual(0);
    for (const text of await Promise.all(got)) expect(text).toContain(`"seq":${sent.seq}`);

    const tag = 'tag-subprotocol-1';
    const sub = await open(`${demo.subprotocolUrl}?tag=${tag}`, ['lab.v1.framescope', 'lab.v2.framescope']);
    expect(sub.protocol).toBe('lab.v2.framescope');
    await expect.poll(async () => (await api.labHandshake({ tag }))?.subprotocol, { timeout: 5000 }).toBe('lab.v2.framescope');
    const hs = (await api.labHandshake({ tag }))!;
    expect(hs.request).toMatch(/Sec-WebSocket-Protocol: lab\.v1\.framescope, ?lab\.v2\.framescope/i);
    expect(hs.response).toMatch(/^HTTP\/1\.1 101/);
    await expect(api.labHandshake({ tag: '<script>' })).rejects.toThrow(/tag/);

    const slow = await open(demo.slowUrl);
    const chunk = new Uint8Array(256 * 1024);
    for (let i = 0; i < 64; i++) slow.send(chunk);
    // send() returned at once; 16 MiB wait in the sender's queue and drain at the reader's pace.
    const queued = slow.bufferedAmount;
    expect(queued).toBeGreaterThan(8 * 1024 * 1024);
    await expect.poll(() => slow.bufferedAmount, { timeout: 10_000 }).toBeLessThan(queued);
    for (const ws of [...clients, sub, slow]) ws.terminate();
  }, 30_000);
});

function open(url: string, protocols?: string[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
