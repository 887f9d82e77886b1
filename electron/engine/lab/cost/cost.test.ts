// The server's cost of idle connections and many requests over one connection, measured on real
// sockets, each claim with a right and a wrong world.
import { describe, expect, it } from 'vitest';
import type { LabConcurrencyRow, LabIdleCost } from '../../../../shared/api';
import { measureConcurrency } from './concurrency';
import { concurrencyClaim, idleCostClaim } from './cost-claims';
import { measureIdleCost } from './idle-cost';

const idleRow = (o: Partial<LabIdleCost>): LabIdleCost => ({
  transport: 'websocket',
  clients: 100,
  held: 100,
  fdsPerConnection: 1,
  heapBytesPerConnection: 3000,
  externalBytesPerConnection: 200,
  rssBytesPerConnection: 9000,
  heapSpreadBytes: 100,
  repeats: 2,
  ...o,
});

describe('idle connections cost the server', () => {
  it('measures the lab server with idle clients in another process: one descriptor and some KiB each', async () => {
    const result = await measureIdleCost({ clients: 50, repeats: 1 });
    expect(result.rows.map((r) => r.transport)).toEqual(['websocket', 'sse', 'long-polling']);
    for (const r of result.rows) {
      expect(r.held).toBe(50);
      // Linux: exactly one socket per held connection on the server side (the clients' are in the child).
      expect(r.fdsPerConnection).toBeGreaterThanOrEqual(0.9);
      expect(r.fdsPerConnection).toBeLessThanOrEqual(1.2);
      expect(r.heapBytesPerConnection + r.externalBytesPerConnection).toBeGreaterThan(512);
    }
    expect(result.claim.agrees).toBe(true);
  }, 60_000);

  it('a wrong world fails the claim: a server that holds nothing, or frees its descriptors', () => {
    expect(idleCostClaim([idleRow({})]).agrees).toBe(true);
    expect(idleCostClaim([idleRow({ fdsPerConnection: 0.02 })]).agrees).toBe(false);
    expect(idleCostClaim([idleRow({ heapBytesPerConnection: 40, externalBytesPerConnection: 0 })]).agrees).toBe(false);
    expect(idleCostClaim([idleRow({ held: 3 })]).agrees).toBeNull();
    expect(idleCostClaim([]).agrees).toBeNull();
  });

  it('refuses a client count outside the bounds', async () => {
    await expect(measureIdleCost({ clients: 5000 })).rejects.toThrow(/from 10 to 2000/);
  });
});

describe('many requests over one connection', () => {
  it('HTTP/1.1 queues behind six connections; one WebSocket carries them all at once', async () => {
    const r = await measureConcurrency({ requests: 36, workMs: 40 });
    const [http, ws] = r.rows as [LabConcurrencyRow, LabConcurrencyRow];
    expect(http.connections).toBe(6);
    // 36 requests / 6 connections = 6 rounds of 40 ms: about 240 ms, and the later ones queued.
    expect(http.totalMs).toBeGreaterThanOrEqual(6 * 40);
    expect(http.queueMs.max).toBeGreaterThanOrEqual(4 * 40);
    expect(ws.connections).toBe(1);
    expect(ws.totalMs).toBeLessThan(http.totalMs);
    expect(r.claim.agrees).toBe(true);
  });

  it('a wrong world fails the claim: a WebSocket server that answers one message at a time', async () => {
    const r = await measureConcurrency({ requests: 12, workMs: 30, serialWebSocket: true });
    expect(r.rows[1]!.totalMs).toBeGreaterThanOrEqual(12 * 30);
    expect(r.claim.agrees).toBe(false);
  });

  it('too few requests to say: not enough data; bad input is refused', async () => {
    expect(concurrencyClaim([], 10).agrees).toBeNull();
    await expect(measureConcurrency({ requests: 0, workMs: 10 })).rejects.toThrow(/requests must be/);
  });
});
