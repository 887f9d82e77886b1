// Socket.IO's figures for `framescope lab --json`, from a real recording (the real socket.io server
// and client through the capture proxy), checked against what the relay itself counted; and each
// claim fed the other session as its wrong world.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketIoRecording } from '../../../../shared/api';
import { Engine } from '../../engine';
import { fallbackClaim, sessionFigures, socketIoJson, socketIoLines, upgradeClaim } from './socketio-figures';

describe('Socket.IO figures', () => {
  let dir: string;
  let engine: Engine;
  let rec: SocketIoRecording;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-sio-figures-'));
    engine = new Engine({ host: 'browser', dataDir: dir });
    rec = await engine.api.labSocketIo();
  }, 30_000);
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads each session: transports in order, packets by Engine.IO type, bytes per transport, time to upgrade', async () => {
    const up = sessionFigures(rec, 'upgrade');
    const poll = sessionFigures(rec, 'polling');
    expect(up.transports).toEqual(['polling', 'websocket']);
    expect(poll.transports).toEqual(['polling']);
    // One handshake each, on polling; the probe and the upgrade only in the upgrading session, on the WebSocket.
    expect([up.packetsByTransport.polling.open, poll.packetsByTransport.polling.open]).toEqual([1, 1]);
    expect([up.packetsByTransport.websocket['probe-ping'], up.packetsByTransport.websocket['probe-pong'], up.packetsByTransport.websocket.upgrade]).toEqual([1, 1, 1]);
    expect([poll.packets['probe-ping'], poll.packets.upgrade, poll.frames, poll.wireBytes.websocket, poll.upgradeMs]).toEqual([0, 0, 0, 0, null]);
    expect(up.packets.ping).toBe(up.packetsByTransport.polling.ping + up.packetsByTransport.websocket.ping);
    expect(up.upgradeMs).toBeGreaterThan(0);
    expect(up.upgradeMs!).toBeLessThan(10_000);
    expect(up.sid).toBe(rec.sessions.find((s) => s.mode === 'upgrade')!.sid);

    // The WebSocket's figures against the relay's own counters of that connection: frames, and bytes
    // (the handshake's heads plus every frame's header and payload).
    const conns = await engine.api.listConnections();
    const ws = conns.find((c) => c.kind === 'websocket' && c.url.includes(`sid=${up.sid}`))!;
    expect(up.frames).toBe(ws.counters.client.frames + ws.counters.server.frames);
    const detail = await engine.api.getConnection(ws.id);
    const heads = detail.handshake.request!.raw.length + detail.handshake.response!.raw.length;
    expect(up.wireBytes.websocket).toBe(heads + ws.counters.client.bytes + ws.counters.server.bytes);
    // Polling: every GET and POST the proxy saw with this session's sid (the handshake GET has none yet).
    for (const s of [up, poll]) {
      const exchanges = (await engine.api.listHttpExchanges({})).filter((x) => /[?&]transport=polling/.test(x.url) && (x.url.includes(`sid=${s.sid}`) || !x.url.includes('sid=')));
      const own = exchanges.filter((x) => x.url.includes(`sid=${s.sid}`));
      expect(s.requests).toBe(own.length + 1);
      expect(s.wireBytes.polling).toBeGreaterThan(own.reduce((a, x) => a + x.requestHead.length + (x.responseHead?.length ?? 0), 0));
    }
  });

  it('each claim agrees with its own session and differs on the other (the wrong world)', () => {
    const up = sessionFigures(rec, 'upgrade');
    const poll = sessionFigures(rec, 'polling');
    expect([upgradeClaim(up).agrees, fallbackClaim(poll).agrees]).toEqual([true, true]);
    expect([upgradeClaim(poll).agrees, fallbackClaim(up).agrees]).toEqual([false, false]);
    // Plausible wrong worlds for each: an upgrade without its probe; a polling session whose pongs never arrived.
    const noProbe = { ...up, packetsByTransport: { ...up.packetsByTransport, websocket: { ...up.packetsByTransport.websocket, 'probe-pong': 0 } } };
    expect(upgradeClaim(noProbe).agrees).toBe(false);
    const noPong = { ...poll, packetsByTransport: { ...poll.packetsByTransport, polling: { ...poll.packetsByTransport.polling, pong: 0 } } };
    expect(fallbackClaim(noPong).agrees).toBe(false);
    // Nothing captured: not enough data, never a verdict.
    const empty: SocketIoRecording = { ...rec, carriers: [], sessions: [] };
    expect([upgradeClaim(sessionFigures(empty, 'upgrade')).agrees, fallbackClaim(sessionFigures(empty, 'polling')).agrees]).toEqual([null, null]);
  });

  it('gives the --json object: both sessions and the two claims with their verdicts', () => {
    const json = socketIoJson(rec) as { pingIntervalMs: number; sessions: Array<{ mode: string }>; claims: Array<{ id: string; verdict: string; measured: string }> };
    expect(json.pingIntervalMs).toBe(rec.pingIntervalMs);
    expect(json.sessions.map((s) => s.mode)).toEqual(['upgrade', 'polling']);
    expect(json.claims.map((c) => [c.id, c.verdict])).toEqual([
      ['socketio-upgrade', 'agrees'],
      ['socketio-fallback', 'agrees'],
    ]);
    expect(json.claims[0]!.measured).toMatch(/^transports polling → websocket; probe 1\/1, upgrade 1; \d+ heartbeats on WebSocket; upgraded after [\d.]+ ms$/);
  });

  it('words both sessions and the verdicts for the table of framescope lab', () => {
    const text = socketIoLines(rec).join('\n');
    expect(text).toMatch(/^ {2}upgrade +polling → websocket +polling [\d.]+ KiB, WebSocket [\d.]+ KiB, upgraded after [\d.]+ ms$/m);
    expect(text).toMatch(/^ {2}polling +polling +polling [\d.]+ KiB, WebSocket 0\.0 KiB$/m);
    expect(text).toContain('✓ Socket.IO can switch a session over to WebSocket.');
    expect(text).toContain('✓ Where WebSocket cannot be used, Socket.IO falls back to HTTP long polling and keeps the session alive.');
  });
});
