// Makes the renderer's one client: the contract over RPC. In Electron the preload hands us a port
// to the engine process (`window.framescope`); in browser mode a WebSocket to /rpc, which carries
// the per-run token as the HttpOnly cookie the page load set. Nothing else in the renderer knows
// which. The client is created once at start-up (main.tsx) and kept in the store (app-slice): no
// module holds it, and the store does not import this file (no import cycle).
import type { FramescopeClient } from '../../../shared/api';
import type { ElectronBridge } from '../../../shared/bridge';
import { bridgeChannel, webSocketChannel, type WebSocketLike } from '../../../shared/rpc-channel';
import { createRpcClient } from '../../../shared/rpc-client';
import { useStore } from '../store';
import { requireClient } from '../store/app-slice';

declare global {
  interface Window {
    framescope?: ElectronBridge;
  }
}

/** `onLink` hears whether the engine is reachable. */
export function createClient(onLink: (open: boolean) => void): FramescopeClient {
  const bridge = window.framescope;
  return createRpcClient(
    () => (bridge ? bridgeChannel(bridge) : webSocketChannel(new WebSocket(rpcUrl()) as unknown as WebSocketLike)),
    (state) => onLink(state === 'open'),
  );
}

function rpcUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/rpc`;
}

/** The client for code outside React (actions); components use `useClient()`. Both read the store. */
export function getClient(): FramescopeClient {
  return requireClient(useStore.getState().client);
}
