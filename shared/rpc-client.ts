// The contract over one RPC channel: browser mode's WebSocket or Electron's port to the engine
// process (shared/rpc-channel.ts). Calls made before the channel opens are queued; if the engine
// goes away, pending calls fail with a message the UI can show.
import {
  API_METHODS,
  FramescopeError,
  fromEnvelope,
  type ApiMethod,
  type EventListener,
  type Envelope,
  type FramescopeApi,
  type FramescopeClient,
} from './api';
import type { RpcChannel } from './rpc-channel';
import type { RpcRequest } from './wire';

export type ConnectionListener = (state: 'open' | 'closed') => void;

const LOST = 'Lost the connection to the Framescope engine.';

export interface RpcClient extends FramescopeClient {
  close(): void;
}

export function createRpcClient(openChannel: () => RpcChannel, onConnection?: ConnectionListener): RpcClient {
  const listeners = new Set<EventListener>();
  const pending = new Map<number, (e: Envelope<unknown>) => void>();
  const outbox: RpcRequest[] = [];
  let nextId = 1;
  let channel: RpcChannel | null = null;
  let open = false;
  let closed = false;

  function connect(): RpcChannel {
    const c = openChannel();
    c.listen({
      open() {
        open = true;
        onConnection?.('open');
        for (const request of outbox.splice(0)) c.send(request);
      },
      message(data) {
        if ('events' in data) {
          for (const listener of listeners) listener(data.events);
        } else {
          pending.get(data.id)?.(data.envelope);
          pending.delete(data.id);
        }
      },
      close() {
        if (closed) return;
        closed = true;
        onConnection?.('closed');
        for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'unavailable', message: LOST } });
        pending.clear();
      },
    });
    return c;
  }

  function call(method: ApiMethod, params: unknown[]): Promise<unknown> {
    channel ??= connect();
    if (closed) return Promise.reject(new FramescopeError('unavailable', LOST));
    const request: RpcRequest = { id: nextId++, method, params };
    return new Promise<Envelope<unknown>>((resolve) => {
      pending.set(request.id, resolve);
      if (open) channel!.send(request);
      else outbox.push(request);
    }).then(fromEnvelope);
  }

  const api = Object.fromEntries(API_METHODS.map((m) => [m, (...params: unknown[]) => call(m, params)])) as unknown as FramescopeApi;
  return {
    ...api,
    subscribe(listener) {
      channel ??= connect();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      channel?.close();
    },
  };
}
