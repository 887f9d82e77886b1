// Defensive readers for the fields of an imported JSON Lines record: a file may be hand-edited,
// cut off or not ours at all, so every field is checked and a bad one makes its record unusable
// (counted as skipped) instead of throwing away what was read so far.
import type { Endpoint, Peer } from '../../../shared/model';
import { fromHex } from '../../../shared/protocol/index';

export type Json = Record<string, unknown>;

/** Thrown for one unusable record; the importer counts it and goes on. */
export class BadRecord extends Error {}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function int(o: Json, key: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) throw new BadRecord(`${key} is not a whole number`);
  return v;
}

export function optInt(o: Json, key: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | null {
  return o[key] === null || o[key] === undefined ? null : int(o, key, min, max);
}

export function bool(o: Json, key: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw new BadRecord(`${key} is not true or false`);
  return v;
}

export function str(o: Json, key: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new BadRecord(`${key} is not text`);
  return v;
}

export function optStr(o: Json, key: string): string | null {
  return o[key] === null || o[key] === undefined ? null : str(o, key);
}

export function peer(o: Json, key: string): Peer {
  const v = o[key];
  if (v !== 'client' && v !== 'server') throw new BadRecord(`${key} is not client or server`);
  return v;
}

export function endpoint(v: unknown): Endpoint | null {
  if (!isObject(v)) return null;
  return { address: typeof v.address === 'string' ? v.address : '', port: typeof v.port === 'number' ? v.port : 0 };
}

/** How a file writes bytes: version 1 in hex, version 2 in base64. */
export type ByteEncoding = 'hex' | 'base64';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes, or null when the field is null; anything else (bad digits, odd length) is a bad record. */
export function bytes(o: Json, key: string, encoding: ByteEncoding = 'hex'): Uint8Array | null {
  const v = o[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new BadRecord(`${key} is not ${encoding}`);
  if (encoding === 'base64') {
    if (v.length % 4 !== 0 || !BASE64.test(v)) throw new BadRecord(`${key} is not base64`);
    const b = Buffer.from(v, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  }
  if (!/^(?:[0-9a-f]{2})*$/i.test(v)) throw new BadRecord(`${key} is not hex`);
  const parsed = fromHex(v);
  if (!('bytes' in parsed)) throw new BadRecord(`${key} is not hex`);
  return parsed.bytes;
}

/** The raw bytes of a handshake head ({ startLine, raw }), or null. */
export function headBytes(v: unknown, encoding: ByteEncoding = 'hex'): Uint8Array | null {
  if (!isObject(v)) return null;
  try {
    return bytes(v, 'raw', encoding);
  } catch {
    return null;
  }
}
