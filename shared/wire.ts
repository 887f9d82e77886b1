// The browser-mode RPC wire format: JSON text over a WebSocket. JSON has no bytes, so Uint8Array
// values travel as {"$b64": "..."} and are restored on arrival; everything else is plain JSON.
import type { ApiMethod, EngineEvent, Envelope } from './api';
import { fromBase64, toBase64 } from './protocol/hex';

export interface RpcRequest {
  id: number;
  method: ApiMethod;
  params: unknown[];
}

export type RpcServerMessage = { id: number; envelope: Envelope<unknown> } | { events: EngineEvent[] };

const BYTES_KEY = '$b64';

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { [BYTES_KEY]: toBase64(v) } : v));
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const record = v as Record<string, unknown>;
      const encoded = record[BYTES_KEY];
      if (typeof encoded === 'string' && Object.keys(record).length === 1) {
        const decoded = fromBase64(encoded);
        if (decoded instanceof Uint8Array) return decoded;
      }
    }
    return v;
  });
}

export function isRpcRequest(value: unknown): value is RpcRequest {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r.id === 'number' && typeof r.method === 'string' && Array.isArray(r.params);
}
