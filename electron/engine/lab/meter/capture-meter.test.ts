// The capture meter follows the capture's change feed: it counts a WebSocket's handshake and frames
// and a plain HTTP exchange without ever listing connections or exchanges (no polling of the engine).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { CaptureService } from '../../capture/capture-service';
import { EventBus } from '../../event-bus';
import { CaptureMeter, type LabCapture } from './capture-meter';
import { wireBytes } from './wire-ledger';

describe('the capture meter on the change feed', () => {
  let dir: string;
  let capture: CaptureService;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-meter-'));
    capture = new CaptureService({ bus: new EventBus(), dataDir: dir });
  });
  afterAll(async () => {
    await capture.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts what the feed announced; never lists connections or exchanges', async () => {
    const http = createServer((_req, res) => res.end('plain'));
    const wss = new WebSocketServer({ server: http });
    wss.on('connection', (ws) => ws.on('message', (d) => ws.send(d)));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const asked: string[] = [];
    // The real capture, with its list methods counted: the meter must not need them.
    const counted: LabCapture = Object.assign(Object.create(capture) as CaptureService, {
      listConnections: () => (asked.push('listConnections'), capture.listConnections()),
      listHttpExchanges: (q: { connectionId?: number | null }) => (asked.push('listHttpExchanges'), capture.listHttpExchanges(q)),
    });
    const meter = await CaptureMeter.start(counted, (http.address() as AddressInfo).port);
    try {
      await fetch(`${meter.url}/plain`).then((r) => r.text());
      const ws = new WebSocket(meter.url.replace('http', 'ws'));
      await new Promise((r) => ws.once('open', r));
      const echoed = new Promise((r) => ws.once('message', r));
      ws.send('x'.repeat(100));
      await echoed;
      // Condition, not time: the feed has brought both frames (client 6 + 100, server 2 + 100).
      await expect
        .poll(async () => {
          await meter.refresh();
          return meter.ledger.frames.upDataFrames + meter.ledger.frames.dataFrames;
        })
        .toBe(2);
      expect(meter.ledger.frames.upHeaderBytes).toBe(6);
      expect(meter.ledger.frames.dataHeaderBytes).toBe(2);
      expect([...meter.ledger.exchanges.values()].map((e) => e.path)).toEqual(expect.arrayContaining(['/plain', '/']));
      expect(wireBytes(meter.ledger)).toBeGreaterThan(200);
      expect(asked).toEqual([]);
      ws.close();
    } finally {
      await meter.close();
      wss.close();
      http.closeAllConnections();
      http.close();
    }
  });
});
