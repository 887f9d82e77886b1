// The compressed bytes must inflate in a real peer: ws's own permessage-deflate decoder.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/protocol/hex';
import { deflateMessage } from './deflate-message';

interface WsPerMessageDeflate {
  accept(offers: Array<Record<string, string[]>>): Record<string, unknown>;
  decompress(data: Buffer, fin: boolean, callback: (err: Error | null, result?: Buffer) => void): void;
  cleanup(): void;
}
type WsPmdClass = new (options: Record<string, unknown>, isServer: boolean, maxPayload: number) => WsPerMessageDeflate;
// ws neither exports nor types this class; load its file by path (its "exports" map hides lib/).
const require = createRequire(import.meta.url);
const PerMessageDeflate = require(join(dirname(require.resolve('ws')), 'lib', 'permessage-deflate.js')) as WsPmdClass;

function inflateLikeWs(data: Uint8Array, windowBits: number): Promise<Buffer> {
  // A server receiving client messages: its inflater uses client_max_window_bits (RFC 7692 §7.1.2.2).
  const pmd = new PerMessageDeflate({ clientMaxWindowBits: windowBits }, true, 0);
  pmd.accept([{ client_max_window_bits: [String(windowBits)] }]);
  return new Promise((resolve, reject) => {
    pmd.decompress(Buffer.from(data), true, (err, out) => {
      pmd.cleanup();
      if (err) reject(err);
      else resolve(out as Buffer);
    });
  });
}

describe('deflateMessage (RFC 7692 §7.2.1)', () => {
  it('reproduces the RFC example and drops the 00 00 ff ff tail', () => {
    // RFC 7692 §7.2.3.1: "Hello" → f2 48 cd c9 c9 07 00.
    expect(toHex(deflateMessage(new TextEncoder().encode('Hello')))).toBe('f2 48 cd c9 c9 07 00');
  });

  it('inflates in ws for every window size, small and large, empty and repetitive', async () => {
    const inputs = [new Uint8Array(0), new TextEncoder().encode('Hello'), new TextEncoder().encode('abcabcabc'.repeat(2000))];
    const random = new Uint8Array(5000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    inputs.push(random);
    // A repeat 300 bytes back: farther than an 8-bit window (256 bytes) may reach.
    inputs.push(Uint8Array.from([...random.subarray(0, 300), ...random.subarray(0, 300)]));
    for (const bits of [8, 9, 12, 15]) {
      for (const input of inputs) {
        const out = await inflateLikeWs(deflateMessage(input, { windowBits: bits }), bits);
        expect(toHex(out)).toBe(toHex(input));
      }
    }
  });
});
