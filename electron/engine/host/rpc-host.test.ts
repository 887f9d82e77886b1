import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RpcServerMessage } from '../../../shared/wire';
import { Engine } from '../engine';
import { serveRpc, type RpcPort } from './rpc-host';

describe('serveRpc', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0)) await f();
  });

  it('survives a reply that cannot be sent, and tells the caller in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-rpc-'));
    const engine = new Engine({ host: 'browser', dataDir: dir });
    cleanup.push(() => engine.close(), () => rmSync(dir, { recursive: true, force: true }));
    const sent: RpcServerMessage[] = [];
    let onMessage: (m: unknown) => void = () => undefined;
    let failNext = true;
    const port: RpcPort = {
      // The transport refuses the first reply, as encoding a too-large answer would.
      send(message) {
        if ('id' in message && failNext) {
          failNext = false;
          throw new RangeError('Invalid string length');
        }
        sent.push(message);
      },
      onMessage: (listener) => void (onMessage = listener),
      onClose: () => undefined,
    };
    serveRpc(engine, port);
    onMessage({ id: 1, method: 'getStats', params: [] });
    await expect.poll(() => sent.filter((m) => 'id' in m).length).toBe(1);
    expect(sent.find((m) => 'id' in m)).toMatchObject({ id: 1, envelope: { ok: false, error: { code: 'limit' } } });
    // The engine still answers.
    onMessage({ id: 2, method: 'getStats', params: [] });
    await expect.poll(() => sent.filter((m) => 'id' in m).length).toBe(2);
    expect(sent.filter((m) => 'id' in m)[1]).toMatchObject({ id: 2, envelope: { ok: true } });
  });
});
