// The engine's side of the RPC, over any message channel: browser mode's WebSocket (JSON text,
// shared/wire.ts), Electron's MessagePortMain in the engine process, or a child process's IPC
// channel in tests (structured messages, bytes as they are). One request in, one envelope out,
// and every event batch pushed.
import type { WebSocket } from 'ws';
import { decodeWire, encodeWire, isRpcRequest, type RpcServerMessage } from '../../../shared/wire';
import type { Engine } from '../engine';
import { dispatch } from './dispatch';

/** One peer of the RPC: whatever carries messages both ways and says when it is gone. */
export interface RpcPort {
  send(message: RpcServerMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  onClose(listener: () => void): void;
}

export function serveRpc(engine: Pick<Engine, 'api' | 'subscribe'>, port: RpcPort): void {
  // A send can fail (a reply too large to encode, a peer gone mid-write): the engine must outlive
  // it. A failed reply becomes an error the caller sees; a failed event batch is dropped for this
  // peer only (the next batch and the renderer's reads by version bring it up to date).
  const send = (message: RpcServerMessage): boolean => {
    try {
      port.send(message);
      return true;
    } catch {
      return false;
    }
  };
  const unsubscribe = engine.subscribe((events) => void send({ events }));
  port.onClose(unsubscribe);
  port.onMessage((message) => {
    if (!isRpcRequest(message)) return;
    const { id, method, params } = message;
    void dispatch(engine.api, method, params).then((envelope) => {
      if (send({ id, envelope })) return;
      send({ id, envelope: { ok: false, error: { code: 'limit', message: `The answer to ${String(method)} was too large to send; ask for less (a page or a range).` } } });
    });
  });
}

/** Browser mode: JSON text frames; binary frames and unreadable text are ignored. */
export function webSocketPort(ws: WebSocket): RpcPort {
  return {
    send(message) {
      if (ws.readyState === ws.OPEN) ws.send(encodeWire(message));
    },
    onMessage(listener) {
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let decoded: unknown;
        try {
          decoded = decodeWire(data.toString());
        } catch {
          return;
        }
        listener(decoded);
      });
    },
    onClose(listener) {
      ws.on('close', listener);
    },
  };
}
