import { API_METHODS, fromEnvelope, type FramescopeApi, type FramescopeClient } from '../../../shared/api';
import type { ElectronBridge } from '../../../shared/bridge';

export function createElectronClient(bridge: ElectronBridge): FramescopeClient {
  const api = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (...params: unknown[]) => fromEnvelope(await (bridge[method] as (...p: unknown[]) => Promise<never>)(...params)),
    ]),
  ) as unknown as FramescopeApi;
  return { ...api, subscribe: (listener) => bridge.subscribe(listener) };
}
