// Sending a crafted sequence: each frame's bytes are rebuilt from the document exactly as the
// preview builds them, then injected one by one with the chosen pauses between them.
import type { FramescopeClient } from '../../../../shared/api';
import { buildCraftFrame } from '../../../../shared/craft/build-craft-frame';
import type { CraftDocument } from '../../../../shared/craft/craft-spec';
import { framePayload } from '../../../../shared/craft/payload';

export interface BuiltStep {
  bytes: Uint8Array;
  delayMs: number;
}

/**
 * Builds every frame, compressing through `deflate` where asked (the preview's cached answers,
 * use-deflated.ts); throws a readable error.
 */
export async function buildSteps(doc: CraftDocument, deflate: (payload: Uint8Array) => Promise<Uint8Array>): Promise<BuiltStep[]> {
  const steps: BuiltStep[] = [];
  for (const [i, frame] of doc.frames.entries()) {
    let deflated: Uint8Array | undefined;
    if (frame.compress) {
      const payload = framePayload(frame);
      if (payload.ok) deflated = await deflate(payload.bytes);
    }
    const built = buildCraftFrame(frame, { deflated });
    if (!built.ok) throw new Error(`Frame ${i + 1}: ${built.error}`);
    steps.push({ bytes: built.bytes, delayMs: i === 0 ? 0 : frame.delayMs });
  }
  return steps;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('Cancelled', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Cancelled', 'AbortError'));
      },
      { once: true },
    );
  });
}

/** Injects the steps in order; returns each frame's capture id. Stops early when `signal` aborts. */
export async function injectSteps(
  client: FramescopeClient,
  target: { connectionId: number; from: CraftDocument['from'] },
  steps: readonly BuiltStep[],
  signal: AbortSignal,
  onProgress: (done: number, frameIds: Array<number | null>) => void,
): Promise<Array<number | null>> {
  const ids: Array<number | null> = [];
  for (const step of steps) {
    if (step.delayMs > 0) await pause(step.delayMs, signal);
    if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
    const { firstFrameId } = await client.injectFrames({ connectionId: target.connectionId, from: target.from, bytes: step.bytes });
    ids.push(firstFrameId);
    onProgress(ids.length, [...ids]);
  }
  return ids;
}
