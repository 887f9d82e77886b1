// The renderer's one client. In Electron the preload provides `window.framescope`; in browser
// mode we speak the same contract over a WebSocket. Nothing else in the renderer knows which.
import type { FramescopeClient } from '../../../shared/api';
import type { ElectronBridge } from '../../../shared/bridge';
import { useStore } from '../store';
import { createElectronClient } from './electron-client';
import { createRpcClient, type RpcSocket } from '../../../shared/rpc-client';

declare global {
  interface Window {
    framescope?: ElectronBridge;
  }
}

let client: FramescopeClient | null = null;

export function getClient(): FramescopeClient {
  client ??= window.framescope ? createElectronClient(window.framescope) : createRpcClient(() => new WebSocket(rpcUrl()) as unknown as RpcSocket, (state) => useStore.getState().setEngineConnected(state === 'open'));
  return client;
}

function rpcUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get('token');
  return `${scheme}//${location.host}/rpc${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
