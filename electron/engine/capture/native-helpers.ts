// Native helpers the engine hands the shared decoder for speed (the browser build runs without them):
// - bufferutil's copy-and-unmask, when installed with its native build (production ws deployments
//   run with it); otherwise the parser's pure TypeScript unmask runs (bufferutil's own JavaScript
//   fallback would be no faster);
// - Node's buffer.isUtf8 (simdutf) to validate text (RFC 6455 §8.1), as ws does: ~20x the DFA's speed
//   on a 1 KiB text, so a recording relay's text frames cost about what binary ones do.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { NativeUnmask, Utf8Check } from '../../../shared/protocol/index';

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

/** What the engine hands the shared decoder for speed (see FrameParserOptions, MessageAssemblerOptions). */
export const nativeParserHelpers: { unmask?: NativeUnmask; allocate: (size: number) => Uint8Array; utf8Check: Utf8Check } = {
  allocate: allocateUnfilled,
  utf8Check: isUtf8,
  ...(nativeUnmask !== undefined ? { unmask: nativeUnmask } : {}),
};
