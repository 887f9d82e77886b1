// The masking key as the crafter shows it: 8 hex digits. RFC 6455 §5.3 wants it unpredictable,
// so a "random" key is drawn from the platform's CSPRNG (Web Crypto exists in Node and browsers).
import { toHex } from '../protocol/hex';

export type RandomBytes = (n: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

export function randomMaskKey(random: RandomBytes = cryptoRandomBytes): string {
  return toHex(random(4), '');
}

/** Parses a typed key: exactly 4 bytes as hex, spaces allowed ("37 fa 21 3d" or "37fa213d"). */
export function parseMaskKey(text: string): Uint8Array | { error: string; code: 'maskKeyFormat' } {
  const digits = text.replace(/\s+/g, '').replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]{8}$/.test(digits)) return { error: 'A masking key is 4 bytes: type 8 hex digits, e.g. 37fa213d.', code: 'maskKeyFormat' };
  const key = new Uint8Array(4);
  for (let i = 0; i < 4; i++) key[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return key;
}
