// The live preview: every frame built with the codec's builder and judged by the codec's parser,
// recomputed as the user types. Compression is the engine's job (node:zlib), so deflated
// payloads are fetched once per distinct payload and cached.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { ConnectionSummary } from '../../../../shared/model';
import { buildCraftFrame, type CraftBuildResult } from '../../../../shared/craft/build-craft-frame';
import { checkSequence, type FrameCheck } from '../../../../shared/craft/check-sequence';
import type { CraftDocument } from '../../../../shared/craft/craft-spec';
import { framePayload } from '../../../../shared/craft/payload';
import { toBase64 } from '../../../../shared/protocol/hex';
import { useClient } from '../../api/use-client';
import { negotiatedDeflate } from './connection-info';

export interface FramePreview {
  build: CraftBuildResult;
  /** Null while any frame of the sequence cannot be built. */
  check: FrameCheck | null;
}

export interface CrafterPreview {
  frames: FramePreview[];
  /** Every frame's bytes, when all of them could be built: exactly what Send puts on the wire. */
  bytes: Uint8Array[] | null;
  totalBytes: number;
  unfinishedMessage: boolean;
  rsv1Allowed: boolean;
  /** The engine's reason, when compressing failed (the panel words the sentence). */
  deflateError: string | null;
}

const DEFLATE_DEBOUNCE_MS = 120;

export function useCrafterPreview(doc: CraftDocument, target: ConnectionSummary | null): CrafterPreview {
  const client = useClient();
  const deferred = useDeferredValue(doc);
  const connectionId = target?.id ?? null;
  const rsv1Allowed = negotiatedDeflate(target) !== null;
  const [deflated, setDeflated] = useState<ReadonlyMap<string, Uint8Array>>(new Map());
  const [deflateError, setDeflateError] = useState<string | null>(null);

  // Which compressed payloads are needed, keyed by connection, direction and content.
  const wanted = useMemo(() => {
    const out = new Map<string, Uint8Array>();
    for (const frame of deferred.frames) {
      if (!frame.compress) continue;
      const p = framePayload(frame);
      if (p.ok) out.set(`${connectionId}|${deferred.from}|${toBase64(p.bytes)}`, p.bytes);
    }
    return out;
  }, [deferred, connectionId]);

  useEffect(() => {
    const missing = [...wanted].filter(([key]) => !deflated.has(key));
    if (missing.length === 0) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void Promise.all(missing.map(([key, payload]) => client.deflateMessage({ connectionId, from: deferred.from, payload }).then((out) => [key, out] as const)))
        .then((results) => {
          if (cancelled) return;
          setDeflateError(null);
          setDeflated((prev) => {
            // Keep only what is still wanted, so the cache never grows with every keystroke.
            const next = new Map([...prev].filter(([k]) => wanted.has(k)));
            for (const [k, v] of results) next.set(k, v);
            return next;
          });
        })
        .catch((err: Error) => {
          if (!cancelled) setDeflateError(err.message);
        });
    }, DEFLATE_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, wanted, deflated, connectionId, deferred.from]);

  return useMemo(() => {
    const builds = deferred.frames.map((frame) => {
      if (!frame.compress) return buildCraftFrame(frame);
      const p = framePayload(frame);
      const key = p.ok ? `${connectionId}|${deferred.from}|${toBase64(p.bytes)}` : '';
      return buildCraftFrame(frame, { deflated: deflated.get(key) });
    });
    const allBuilt = builds.every((b) => b.ok);
    const bytes = allBuilt ? builds.map((b) => (b.ok ? b.bytes : new Uint8Array(0))) : null;
    const sequence = bytes ? checkSequence(bytes, { from: deferred.from, rsv1Allowed }) : null;
    return {
      frames: builds.map((build, i) => ({ build, check: sequence?.frames[i] ?? null })),
      bytes,
      totalBytes: bytes ? bytes.reduce((n, b) => n + b.length, 0) : 0,
      unfinishedMessage: sequence?.unfinishedMessage ?? false,
      rsv1Allowed,
      deflateError,
    };
  }, [deferred, deflated, connectionId, rsv1Allowed, deflateError]);
}
