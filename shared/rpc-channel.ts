// What the RPC client talks through: a WebSocket in browser mode (JSON text, shared/wire.ts), or
// a message port to the engine process in Electron (structured messages: bytes travel as they are).
import type { ElectronBridge } from './bridge';
import { decodeWire, encodeWire, type RpcRequest, type RpcServerMessage } from './wire';

export interface RpcChannelHandlers {
  open(): void;
  message(message: RpcServerMessage): void;
  close(): void;
}

export interface RpcChannel {
  /** Starts delivering; `open` is called once the channel can send (at once for a port). */
  listen(handlers: RpcChannelHandlers): void;
  send(message: RpcRequest): void;
  close(): void;
}

/** The part of the WebSocket interface we use; satisfied by the browser's and by `ws`. */
export interface WebSocketLike {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

const OPEN = 1;

export function webSocketChannel(ws: WebSocketLike): RpcChannel {
  return {
    listen(handlers) {
      ws.onopen = () => handlers.open();
      ws.onclose = () => handlers.close();
      ws.onmessage = (event) => {
        if (typeof event.data !== 'string') return;
        let message: unknown;
        try {
          message = decodeWire(event.data);
        } catch {
          return;
        }
        handlers.message(message as RpcServerMessage);
      };
      if (ws.readyState === OPEN) handlers.open();
    },
    send: (message) => ws.send(encodeWire(message)),
    close: () => ws.close(),
  };
}

/** Electron: the preload's port to the engine process (electron/preload/index.ts). */
export function bridgeChannel(bridge: ElectronBridge): RpcChannel {
  let stop: () => void = () => {};
  return {
    listen(handlers) {
      stop = bridge.listen(handlers.message, handlers.close);
      handlers.open();
    },
    send: (message) => bridge.post(message),
    close: () => stop(),
  };
}
