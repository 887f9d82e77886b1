// The compressed payloads the crafter's frames need, read through the query layer: compression is
// the engine's job (node:zlib, with the connection's negotiated window, RFC 7692 §7.1.2), so each
// distinct (connection, direction, payload) is asked once, after the user pauses typing, and cached
// under queryKeys.deflated. The send reuses the same entries (send-crafted.ts).
import { useQueries } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Peer } from '../../../../shared/model';
import type { CraftDocument } from '../../../../shared/craft/craft-spec';
import { framePayload } from '../../../../shared/craft/payload';
import { toBase64 } from '../../../../shared/protocol/hex';
import { deflateQuery } from '../../api/queries/deflate-query';
import { useClient } from '../../api/use-client';

const DEFLATE_DEBOUNCE_MS = 120;

export interface Deflated {
  /** Compressed bytes by payload (base64), for the frames whose answer is in. */
  byPayload: ReadonlyMap<string, Uint8Array>;
  /** The first failure, when compressing failed. */
  error: Error | null;
}

/** The payloads (base64 → bytes) of the frames marked "compress", in order, without repeats. */
export function payloadsToCompress(doc: Pick<CraftDocument, 'frames'>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const frame of doc.frames) {
    if (!frame.compress) continue;
    const p = framePayload(frame);
    if (p.ok) out.set(toBase64(p.bytes), p.bytes);
  }
  return out;
}

/** A value that follows `value` once it has stayed the same for `ms` (each keystroke restarts the wait). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useDeflated(doc: CraftDocument, connectionId: number | null, from: Peer): Deflated {
  const client = useClient();
  const wanted = useMemo(() => payloadsToCompress(doc), [doc]);
  const asked = useSettled(wanted, DEFLATE_DEBOUNCE_MS);
  const keys = useMemo(() => [...asked.keys()], [asked]);
  // combine runs again only when an answer or `keys` changed, so the preview's memo holds between keystrokes.
  const combine = useCallback(
    (results: ReadonlyArray<{ data?: Uint8Array; error: Error | null }>): Deflated => {
      const byPayload = new Map<string, Uint8Array>();
      keys.forEach((key, i) => {
        const data = results[i]?.data;
        if (data) byPayload.set(key, data);
      });
      return { byPayload, error: results.find((r) => r.error)?.error ?? null };
    },
    [keys],
  );
  return useQueries({ queries: [...asked].map(([key, payload]) => deflateQuery(client, { connectionId, from, key, payload })), combine });
}
