// The pump relays first and decodes after: a chunk is written to the receiver before the decoder
// sees it (decoding waits for the end of this turn of the event loop), a backlog past
// DECODE_BACKLOG is decoded at once, and settleAll() brings every decoder up to date (the session
// calls it before it reads the decoder's state at an end, an error or a close).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFrame, encodeUtf8 } from '../../../shared/protocol/index';
import { CaptureStore } from '../capture/capture-store';
import { WsDirectionRecorder } from '../capture/ws-recorder';
import { EventBus } from '../event-bus';
import { DECODE_BACKLOG, RelayPump, settleAll } from './relay-pump';

function frame(text: string): Uint8Array {
  return buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, mask: false, payload: encodeUtf8(text) }).bytes;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('RelayPump', () => {
  let dir: string;
  let bus: EventBus;
  let store: CaptureStore;
  let recorder: WsDirectionRecorder;
  let written: Uint8Array[];
  let pump: RelayPump;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-pump-'));
    bus = new EventBus();
    store = new CaptureStore({ bus, dataDir: dir });
    const record = store.addConnection({ kind: 'websocket', source: 'reverse', url: 'ws://example.test/', client: { address: '127.0.0.1', port: 1 }, openedAt: 0 });
    recorder = new WsDirectionRecorder(store, record, 'server', null);
    written = [];
    pump = new RelayPump(recorder, (bytes, done) => {
      written.push(bytes);
      done?.();
    });
  });
  afterEach(() => {
    store.close();
    bus.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a chunk before the decoder sees it, and decodes it before the next turn', async () => {
    const bytes = frame('hello');
    pump.relay(bytes, 1);
    expect(written).toEqual([bytes]);
    expect(recorder.parser.offset).toBe(0); // not decoded yet: nothing stood between read and write
    await nextTurn();
    expect(recorder.parser.offset).toBe(bytes.length);
    expect(store.stats().frames).toBe(1);
  });

  it('settleAll() decodes what is waiting at once', () => {
    const bytes = frame('now');
    pump.relay(bytes, 1);
    settleAll();
    expect(recorder.parser.offset).toBe(bytes.length);
    expect(store.stats().frames).toBe(1);
  });

  it('decodes at once past DECODE_BACKLOG bytes, so the backlog stays bounded', () => {
    const big = frame('x'.repeat(DECODE_BACKLOG));
    pump.relay(big.subarray(0, 100), 1);
    expect(recorder.parser.offset).toBe(0);
    pump.relay(big.subarray(100), 2);
    expect(recorder.parser.offset).toBe(big.length);
  });

  it('an injection waits for the frame boundary even while relayed bytes wait for the decoder', async () => {
    const first = frame('first');
    pump.relay(first.subarray(0, 3), 1); // mid-frame, not decoded yet
    const crafted = frame('crafted');
    const injected = pump.inject(crafted, 2);
    expect(written).toHaveLength(1); // the decoder now knows the stream is mid-frame: it waits
    pump.relay(first.subarray(3), 3);
    await injected;
    await nextTurn();
    expect(Buffer.concat(written).equals(Buffer.concat([first, crafted]))).toBe(true);
    expect(store.stats().frames).toBe(2);
  });
});
