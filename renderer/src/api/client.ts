// The renderer's one client: the contract over RPC. In Electron the preload hands us a port to the
// engine process (`window.framescope`); in browser mode a WebSocket to /rpc, which carries the
// per-run token as the HttpOnly cookie the page load set. Nothing else in the renderer knows which.
import type { FramescopeClient } from '../../../shared/api';
import type { ElectronBridge } from '../../../shared/bridge';
import { bridgeChannel, webSocketChannel, type WebSocketLike } from '../../../shared/rpc-channel';
import { createRpcClient } from '../../../shared/rpc-client';
import { useStore } from '../store';

declare global {
  interface Window {
    framescope?: ElectronBridge;
  }
}

let client: FramescopeClient | null = null;

export function getClient(): FramescopeClient {
  const bridge = window.framescope;
  client ??= createRpcClient(
    () => (bridge ? bridgeChannel(bridge) : webSocketChannel(new WebSocket(rpcUrl()) as unknown as WebSocketLike)),
    (state) => useStore.getState().setEngineConnected(state === 'open'),
  );
  return client;
}

function rpcUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/rpc`;
}
