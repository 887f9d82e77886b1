// The engine's process entry, run for real: forked as a child process (as Electron's main forks it
// as a utilityProcess) and driven through the contract over the IPC channel with the same RPC
// client the renderer uses.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../shared/api';
import type { RpcChannel } from '../../shared/rpc-channel';
import { createRpcClient, type RpcClient } from '../../shared/rpc-client';
import type { RpcServerMessage } from '../../shared/wire';
import { startWsServer } from './proxy/test-peers';

const ENTRY = fileURLToPath(new URL('./process-entry.ts', import.meta.url));

/** The parent's end of a forked engine's IPC channel. */
function childChannel(child: ChildProcess): RpcChannel {
  return {
    listen(handlers) {
      child.on('message', (m) => handlers.message(m as RpcServerMessage));
      child.on('exit', () => handlers.close());
      if (child.connected) handlers.open();
      else child.once('spawn', () => handlers.open());
    },
    send: (message) => void child.send(message),
    close: () => child.disconnect(),
  };
}

describe('the engine process', () => {
  let dir: string;
  let child: ChildProcess;
  let client: RpcClient;
  const events: EngineEvent[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-engine-process-'));
    child = fork(ENTRY, ['--data-dir', dir], { serialization: 'advanced', execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    client = createRpcClient(() => childChannel(child));
    client.subscribe((batch) => events.push(...batch));
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers getInfo as the Electron host, with the data folder it was given', async () => {
    expect(await client.getInfo()).toMatchObject({ name: 'Framescope', host: 'electron', dataDir: dir });
  });

  it('starts a reverse proxy, connects the built-in client through it and captures frames both ways', async () => {
    const echo = await startWsServer();
    echo.wss.on('connection', (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })));
    try {
      const proxy = await client.startProxy({ mode: 'reverse', target: `ws://127.0.0.1:${echo.port}/echo` });
      expect(proxy.address).toMatch(/^ws:\/\/127\.0\.0\.1:\d+/);
      const { connectionId } = await client.clientConnect({ url: `ws://127.0.0.1:${echo.port}/echo` });
      await vi.waitFor(async () => expect((await client.getConnection(connectionId)).summary.state).toBe('open'));
      // Bytes cross the process boundary as bytes (structured clone), not as JSON.
      await client.clientSend({ connectionId, data: new Uint8Array([0, 1, 2, 255]), binary: true });
      await vi.waitFor(async () => expect((await client.queryFrames({ start: 0, count: 10, filter: { connectionId } })).total).toBe(2));
      const page = await client.queryFrames({ start: 0, count: 10, filter: { connectionId } });
      expect(page.rows.map((r) => r.from)).toEqual(['client', 'server']);
      const echoed = await client.getFrame(page.rows[1]!.id);
      expect(echoed.payload).toBeInstanceOf(Uint8Array);
      expect([...echoed.payload]).toEqual([0, 1, 2, 255]);
      // The change feed arrives over the same channel.
      await vi.waitFor(() => expect(events.some((e) => e.type === 'capture-deltas')).toBe(true));
      await client.stopProxy(proxy.id);
    } finally {
      await echo.close();
    }
  });

  it('validates at the boundary: a bad call is `invalid` and names the field; a missing thing is `not-found`', async () => {
    await expect(client.startProxy({ mode: 'sideways' } as never)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('mode') });
    await expect(client.clientSend({ connectionId: 1, data: 'text' as never, binary: false })).rejects.toMatchObject({ code: 'invalid' });
    await expect(client.getFrame(987654)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('closes its engine and exits 0 on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
