// The engine client, for components. It lives in the store (app-slice's `client`), set once at
// start-up by main.tsx: no module holds it, and actions reach it the same way (`requireClient`).
import type { FramescopeClient } from '../../../shared/api';
import { useStore } from '../store';
import { requireClient } from '../store/app-slice';

export function useClient(): FramescopeClient {
  return requireClient(useStore((s) => s.client));
}
