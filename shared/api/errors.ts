// Typed errors that cross the contract. Electron's IPC and our WebSocket RPC both drop custom
// error classes, so results travel as an envelope and the client turns failures back into throws.

/**
 * What went wrong, so the renderer can branch on it:
 * - invalid: the request broke the contract (schema, ranges); fix the request.
 * - not-found: no such proxy, connection, frame, snippet.
 * - conflict: the state forbids it now (port taken, connection closed, not controllable).
 * - limit: one of Framescope's own limits (capture budget, import caps, page sizes).
 * - unavailable: something outside refused (listen failed, upstream unreachable).
 * - unsupported: not possible in this host or build.
 * - internal: a bug; the message says what.
 */
export type ErrorCode = 'invalid' | 'not-found' | 'conflict' | 'limit' | 'unavailable' | 'unsupported' | 'internal';

export class FramescopeError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'FramescopeError';
    this.code = code;
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Runs an engine call and folds any failure into an envelope (used by both hosts). */
export async function toEnvelope<T>(run: () => Promise<T> | T): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof FramescopeError) return { ok: false, error: { code: err.code, message: err.message } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message } };
  }
}

export function fromEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new FramescopeError(envelope.error.code, envelope.error.message);
}
