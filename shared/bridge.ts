// What the Electron preload puts on `window.framescope`: one message port to the engine process,
// carrying the same RPC as browser mode's WebSocket (shared/wire.ts types; structured clone, so
// bytes stay Uint8Array). No channel names, no ipcRenderer, no generic invoke.
import type { RpcRequest, RpcServerMessage } from './wire';

export interface ElectronBridge {
  /** Sends one request to the engine (queued by the preload until the port arrives). */
  post(message: RpcRequest): void;
  /** Answers and event batches from the engine; `onClose` when the engine process is gone. Returns a stop function. */
  listen(onMessage: (message: RpcServerMessage) => void, onClose: () => void): () => void;
}

/** The IPC channels the preload and the main process share: the preload asks, main answers with a port. */
export const IPC_PORT_REQUEST = 'framescope:port-request';
export const IPC_PORT = 'framescope:port';
