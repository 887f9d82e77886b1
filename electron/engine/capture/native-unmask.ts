// bufferutil's native copy-and-unmask, when installed with its native build (production ws
// deployments run with it), handed to the shared parser for speed; otherwise the parser's pure
// TypeScript unmask runs (bufferutil's own JavaScript fallback would be no faster).
import { createRequire } from 'node:module';
import type { NativeUnmask } from '../../../shared/protocol/index';

function load(): NativeUnmask | undefined {
  if (process.env.FRAMESCOPE_NO_NATIVE_UNMASK) return undefined;
  try {
    const mod = createRequire(import.meta.url)('bufferutil') as { mask?: NativeUnmask };
    const mask = mod.mask;
    return typeof mask === 'function' && Function.prototype.toString.call(mask).includes('[native code]') ? mask : undefined;
  } catch {
    return undefined;
  }
}

export const nativeUnmask: NativeUnmask | undefined = load();

/** Payload buffers without zero-filling: the parser writes every byte before anyone reads it. */
export function allocateUnfilled(size: number): Uint8Array {
  const b = Buffer.allocUnsafeSlow(size);
  return new Uint8Array(b.buffer, b.byteOffset, size);
}

/** What the engine hands the shared parser for speed (see FrameParserOptions). */
export const nativeParserHelpers: { unmask?: NativeUnmask; allocate: (size: number) => Uint8Array } = {
  allocate: allocateUnfilled,
  ...(nativeUnmask !== undefined ? { unmask: nativeUnmask } : {}),
};
