// The live preview: every frame built with the codec's builder and judged by the codec's parser,
// recomputed as the user types. Compression is the engine's job (node:zlib): the compressed
// payloads are read through the query layer (use-deflated.ts).
import { useDeferredValue, useMemo } from 'react';
import type { ConnectionSummary } from '../../../../shared/model';
import { buildCraftFrame, type CraftBuildResult } from '../../../../shared/craft/build-craft-frame';
import { checkSequence, type FrameCheck } from '../../../../shared/craft/check-sequence';
import type { CraftDocument } from '../../../../shared/craft/craft-spec';
import { framePayload } from '../../../../shared/craft/payload';
import { toBase64 } from '../../../../shared/protocol/hex';
import { negotiatedDeflate } from './connection-info';
import { useDeflated } from './use-deflated';

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
  /** Why compressing failed (the panel words it by its code, the engine's words as data). */
  deflateError: Error | null;
}

export function useCrafterPreview(doc: CraftDocument, target: ConnectionSummary | null): CrafterPreview {
  const deferred = useDeferredValue(doc);
  const connectionId = target?.id ?? null;
  const rsv1Allowed = negotiatedDeflate(target) !== null;
  const deflated = useDeflated(deferred, connectionId, deferred.from);

  return useMemo(() => {
    const builds = deferred.frames.map((frame) => {
      if (!frame.compress) return buildCraftFrame(frame);
      const p = framePayload(frame);
      return buildCraftFrame(frame, { deflated: p.ok ? deflated.byPayload.get(toBase64(p.bytes)) : undefined });
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
      deflateError: deflated.error,
    };
  }, [deferred, deflated, rsv1Allowed]);
}
