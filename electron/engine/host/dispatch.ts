// The one way a host turns a message into an engine call: a method of the contract, parameters
// that pass its schema (shared/api/schemas.ts), and the outcome folded into an envelope. Browser
// mode's WebSocket and the engine process's message port both come through here.
import { isApiMethod, toEnvelope, type Envelope, type FramescopeApi } from '../../../shared/api';
import { checkParams } from '../../../shared/api/schemas';

export async function dispatch(api: FramescopeApi, method: unknown, params: unknown): Promise<Envelope<unknown>> {
  if (!isApiMethod(method)) return { ok: false, error: { code: 'invalid', message: `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}.` } };
  const checked = checkParams(method, params);
  if (!checked.ok) return { ok: false, error: { code: 'invalid', message: checked.message } };
  return toEnvelope(() => (api[method] as (...args: unknown[]) => Promise<unknown>)(...checked.params));
}
