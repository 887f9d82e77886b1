// Saved captures for end-to-end tests, written by the engine's own recorder and exporter from
// frames a server sends: what the File tab then opens is what a real capture would have saved.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFrame } from '../shared/protocol/index';
import { captureLines } from '../electron/engine/capture/capture-export';
import { CaptureStore } from '../electron/engine/capture/capture-store';
import { WsDirectionRecorder } from '../electron/engine/capture/ws-recorder';
import { EventBus } from '../electron/engine/event-bus';

/** Sends one unmasked frame from the server. */
export type ServerSend = (fin: boolean, opcode: number, payload: Uint8Array) => void;

/**
 * Writes `dir/name` (JSON Lines): one closed reverse-proxy connection to `url` whose server sent
 * what `send` sends, at 1 µs steps from 2023-11-14. `frameBudget`: payload bytes the decoder keeps per frame.
 */
export function savedServerCapture(dir: string, name: string, url: string, send: (frame: ServerSend) => void, frameBudget?: number): string {
  const bus = new EventBus();
  const store = new CaptureStore({ bus, dataDir: dir });
  let time = 1_700_000_000_000_000;
  const record = store.addConnection({ kind: 'websocket', source: 'reverse', url, client: { address: '127.0.0.1', port: 9 }, openedAt: time });
  store.opened(record);
  const server = new WsDirectionRecorder(store, record, 'server', null, frameBudget);
  send((fin, opcode, payload) => server.push(buildFrame({ fin, rsv1: false, rsv2: false, rsv3: false, opcode, mask: false, payload }).bytes, ++time));
  server.end();
  store.closed(record, ++time);
  const path = join(dir, name);
  writeFileSync(path, [...captureLines(store, null)].join(''));
  store.close();
  bus.close();
  return path;
}
