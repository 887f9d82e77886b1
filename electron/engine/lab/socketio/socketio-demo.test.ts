// Socket.IO's fallbacks recorded end to end: the real socket.io server and client, through the real
// capture proxy; one session upgrades from long polling to WebSocket, one stays on polling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketIoCarrier, SocketIoRecording } from '../../../../shared/api';
import { Engine } from '../../engine';
import { decodePacket, decodePollingPayload, packetWords } from './engine-io-packets';
import { complete } from './socketio-demo';

const kinds = (cs: SocketIoCarrier[]) => cs.flatMap((c) => c.packets.map((p) => p.kind));

describe('Engine.IO packets', () => {
  it('labels the handshake, heartbeats, the probe and the upgrade; splits polling payloads at U+001E', () => {
    expect(decodePacket('0{"sid":"abc","upgrades":["websocket"]}')).toMatchObject({ kind: 'open', sid: 'abc' });
    expect(['2', '3', '2probe', '3probe', '5', '6'].map((t) => decodePacket(t).kind)).toEqual(['ping', 'pong', 'probe-ping', 'probe-pong', 'upgrade', 'noop']);
    expect(decodePacket('42["news",{"a":1}]')).toMatchObject({ kind: 'message', sio: 'event', event: 'news' });
    expect(decodePacket('40{"sid":"x"}')).toMatchObject({ kind: 'message', sio: 'connect' });
    expect(decodePollingPayload('2\x1e42["chat","hi"]').map((p) => p.kind)).toEqual(['ping', 'message']);
    expect(decodePollingPayload('')).toEqual([]);
    expect(decodePacket('x').kind).toBe('invalid');
    expect(packetWords(decodePacket('2probe'))).toContain('probe');
  });

  it('a recording without the probe is not complete (the wait cannot end early)', () => {
    const carrier = (session: 'upgrade' | 'polling', texts: string[]): SocketIoCarrier => ({
      id: texts.join(),
      session,
      transport: 'polling',
      carrier: 'get',
      from: 'server',
      start: 0,
      end: 0,
      bytes: 0,
      connectionId: 1,
      exchangeId: 1,
      frameId: null,
      packets: texts.map(decodePacket),
    });
    const rec = (up: string[]): SocketIoRecording => ({ proxyUrl: '', pingIntervalMs: 1000, startedAt: 0, sessions: [], carriers: [carrier('upgrade', up), carrier('polling', ['0{"sid":"p"}', '2', '3'])], claims: [] });
    expect(complete(rec(['0{"sid":"u"}', '2', '3', '2probe', '3probe', '5']))).toBe(true);
    expect(complete(rec(['0{"sid":"u"}', '2', '3']))).toBe(false);
  });
});

describe('the socketio demo', () => {
  let dir: string;
  let engine: Engine;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-sio-'));
    engine = new Engine({ host: 'browser', dataDir: dir });
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a session that upgrades and one that stays on polling, through the capture proxy', async () => {
    const rec = await engine.api.labSocketIo();
    const up = rec.carriers.filter((c) => c.session === 'upgrade');
    const poll = rec.carriers.filter((c) => c.session === 'polling');
    // Handshake first, on polling, for both: 0{"sid":…} in a GET response.
    for (const s of [up, poll]) {
      const open = s.find((c) => c.packets.some((p) => p.kind === 'open'))!;
      expect(open).toMatchObject({ transport: 'polling', carrier: 'get', from: 'server' });
      expect(open.packets[0]!.text).toMatch(/^0\{"sid":"/);
    }
    // Upgrade: the client's 2probe and the server's 3probe on the WebSocket, then 5; after it, heartbeats on frames.
    const probe = up.find((c) => c.packets.some((p) => p.kind === 'probe-ping'))!;
    expect(probe).toMatchObject({ carrier: 'frame', from: 'client' });
    expect(up.find((c) => c.packets.some((p) => p.kind === 'probe-pong'))).toMatchObject({ carrier: 'frame', from: 'server' });
    const upgrade = up.find((c) => c.packets.some((p) => p.kind === 'upgrade'))!;
    expect(upgrade.start).toBeGreaterThanOrEqual(probe.start);
    expect(up.some((c) => c.carrier === 'ws-handshake')).toBe(true);
    expect(kinds(up)).toContain('ping');
    // Polling only: never a WebSocket, heartbeats in GET responses, pongs in POST bodies.
    expect(poll.every((c) => c.transport === 'polling')).toBe(true);
    expect(poll.some((c) => c.carrier === 'get' && c.packets.some((p) => p.kind === 'ping'))).toBe(true);
    expect(poll.some((c) => c.carrier === 'post' && c.packets.some((p) => p.kind === 'pong'))).toBe(true);
    const [su, sp] = [rec.sessions.find((s) => s.mode === 'upgrade')!, rec.sessions.find((s) => s.mode === 'polling')!];
    expect(su.upgradedAt).not.toBeNull();
    expect(su.frames).toBeGreaterThan(0);
    expect(sp).toMatchObject({ upgradedAt: null, frames: 0 });
    expect(sp.requests).toBeGreaterThan(su.requests - 1);
    expect(sp.wireBytes).toBeGreaterThan(0);
    // Recorded by the user-visible proxy: the Inspector lists the connections.
    const ids = new Set(rec.carriers.map((c) => c.connectionId));
    const listed = (await engine.api.listConnections()).filter((c) => ids.has(c.id));
    expect(listed.length).toBe(ids.size);
    expect((await engine.api.demoServerList()).some((d) => d.kind === 'socketio')).toBe(true);
  });
});
