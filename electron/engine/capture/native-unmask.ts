// bufferutil's native unmask, when installed (production ws deployments run with it), handed to
// the shared parser for speed; without it the parser's pure TypeScript unmask is used.
import { createRequire } from 'node:module';
import type { NativeUnmask } from '../../../shared/protocol/index';

function load(): NativeUnmask | undefined {
  if (process.env.FRAMESCOPE_NO_NATIVE_UNMASK) return undefined;
  try {
    const mod = createRequire(import.meta.url)('bufferutil') as { unmask?: (buffer: Uint8Array, mask: Uint8Array) => void };
    return typeof mod.unmask === 'function' ? mod.unmask : undefined;
  } catch {
    return undefined;
  }
}

export const nativeUnmask: NativeUnmask | undefined = load();
