// The lab's proof (issue 7): real servers, real Node clients, the real capture proxy, and the lab's
// socket tap behind the proxy counting the same bytes independently.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_TRANSPORTS, type LabOptions, type LabSummary, type LabTransport } from '../../../shared/api';
import { Engine } from '../engine';
import { runHeadless } from './headless';
import type { LabRun } from './lab-run';
import { captureOverTapMeters } from './meter/meter-policy';
import { runSweep, sweepPlan } from './sweeps';
import type { TapMeter } from './meter/tap-meter';
import { wireBytes } from './meter/wire-ledger';

const OPTIONS: LabOptions = { rate: 20, size: 300, format: 'json', pattern: 'bursty', intervalMs: 150, cookieBytes: 1200, clients: 'engine' };

describe('a lab run through the capture proxy', () => {
  let dir: string;
  let engine: Engine;
  let summary: LabSummary;
  const taps = new Map<string, TapMeter>();
  const seen: { capture: Record<string, number>; tap: Record<string, number>; tapChunked: number; captureConnections: number } = {
    capture: {},
    tap: {},
    tapChunked: 0,
    captureConnections: 0,
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-lab-'));
    engine = new Engine({ host: 'browser', dataDir: dir });
    summary = await runHeadless({
      options: OPTIONS,
      durationS: 2,
      meterFor: captureOverTapMeters(engine.capture, taps),
      inspect: async (run: LabRun) => {
        // What the capture store itself holds for the lab's connections, straight from its API.
        const connections = (await engine.capture.listConnections()).filter((c) => c.source === 'lab');
        seen.captureConnections = connections.length;
        for (const t of LAB_TRANSPORTS) {
          seen.capture[t] = wireBytes(run.meters[t].ledger);
          const tap = taps.get(t);
          if (tap) seen.tap[t] = wireBytes(tap.ledger);
        }
        seen.tapChunked = [...taps.get('sse')!.ledger.exchanges.values()].reduce((a, e) => a + e.chunkFramingBytes, 0);
      },
    });
  }, 30_000);

  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const row = (t: LabTransport) => summary.rows.find((r) => r.transport === t)!;

  it('delivers every published message on every transport', () => {
    expect(summary.published).toBeGreaterThanOrEqual(30);
    for (const t of LAB_TRANSPORTS) expect({ t, messages: row(t).messages }).toEqual({ t, messages: summary.published });
  });

  it('attributes every byte the meter saw, and nothing else', () => {
    for (const t of LAB_TRANSPORTS) {
      const r = row(t);
      const shares = r.breakdown.reduce((a, s) => a + s.bytes, 0);
      expect({ t, shares }).toEqual({ t, shares: r.wireBytes });
      expect({ t, unattributed: r.breakdown.find((s) => s.key === 'unattributed')?.bytes ?? 0 }).toEqual({ t, unattributed: 0 });
      expect({ t, payload: r.payloadBytes }).toEqual({ t, payload: summary.published * OPTIONS.size });
      expect(r.wireBytes).toBe(seen.capture[t]);
    }
  });

  it('counts the same bytes in the capture proxy as the socket tap behind it', () => {
    expect(seen.captureConnections).toBeGreaterThanOrEqual(4);
    for (const t of LAB_TRANSPORTS.filter((x) => x !== 'http2-polling')) {
      expect(row(t).meter).toBe('capture-proxy');
      expect({ t, bytes: seen.capture[t] }).toEqual({ t, bytes: seen.tap[t] });
    }
    // The chunk framing the server computed for its writes is what the tap parsed off the wire.
    const chunked = row('sse').breakdown.find((s) => s.key === 'chunked-encoding')?.bytes;
    expect(chunked).toBe(seen.tapChunked);
    expect(row('http2-polling').meter).toBe('socket-tap');
  });

  it('measures 2–14 bytes of WebSocket overhead per message', () => {
    const ws = row('websocket');
    expect(ws.overheadBytesPerMessage).toBeGreaterThanOrEqual(2);
    expect(ws.overheadBytesPerMessage).toBeLessThanOrEqual(14);
    // 300-byte messages need the 16-bit length: exactly 4 header bytes (RFC 6455 §5.2).
    expect(ws.breakdown.find((s) => s.key === 'frame-headers')?.bytes).toBe(4 * summary.published);
    expect(ws.claims.find((c) => c.metric === 'overhead')?.agrees).toBe(true);
  });

  it('shows what polling costs: headers with the cookie on every request, empty polls, one request per message for long polling', () => {
    const short = row('short-polling');
    const long = row('long-polling');
    expect(short.requests).toBeGreaterThanOrEqual(10);
    expect(short.emptyResponses).toBeGreaterThan(0);
    const headersPerRequest = (short.breakdown.find((s) => s.key === 'request-headers')!.bytes) / short.requests;
    expect(headersPerRequest).toBeGreaterThan(OPTIONS.cookieBytes);
    expect(long.requests).toBeGreaterThanOrEqual(summary.published / 5); // bursts of 5 share an answer
    expect(row('sse').oneTimeBytes).toBeGreaterThan(OPTIONS.cookieBytes);
    // HPACK: the cookie is sent once, then indexed.
    const h2 = row('http2-polling');
    expect(h2.breakdown.find((s) => s.key === 'hpack-request-headers')!.bytes).toBeLessThan(OPTIONS.cookieBytes + 100 * h2.requests);
  });
});

describe('short-polling latency', () => {
  it('grows with the polling interval; WebSocket latency does not', async () => {
    const at = async (intervalMs: number) =>
      runHeadless({ options: { ...OPTIONS, pattern: 'steady', cookieBytes: 0, intervalMs }, durationS: 1.6 });
    const fast = await at(40);
    const slow = await at(400);
    const p = (s: LabSummary, t: LabTransport) => s.rows.find((r) => r.transport === t)!.latencyMs!;
    expect(p(slow, 'short-polling').mean).toBeGreaterThan(p(fast, 'short-polling').mean + 100);
    expect(p(slow, 'short-polling').max).toBeLessThanOrEqual(400 * 1.25 + 50);
    expect(p(slow, 'short-polling').max).toBeGreaterThan(200);
    expect(p(slow, 'websocket').p50).toBeLessThan(50);
  }, 30_000);
});

describe('the overhead sweep', () => {
  it('finds the WebSocket frame header growing 2 → 4 → 10 bytes past 125 B and 64 KiB of payload (RFC 6455 §5.2)', async () => {
    const base = sweepPlan('size');
    const progress: number[] = [];
    const result = await runSweep('size', (done) => progress.push(done), { plan: { ...base, xs: [100, 200, 70_000], durationAt: () => 0.6 } });
    const ws = (x: number) => result.points.find((p) => p.x === x && p.transport === 'websocket')!.overheadBytesPerMessage;
    expect(ws(100)).toBe(2);
    expect(ws(200)).toBe(4);
    expect(ws(70_000)).toBe(10);
    expect(progress).toEqual([0, 1, 2, 3]);
    const poll = (x: number) => result.points.find((p) => p.x === x && p.transport === 'short-polling')!.overheadBytesPerMessage!;
    expect(poll(100)).toBeGreaterThan(100);
  }, 30_000);
});
