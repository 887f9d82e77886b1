// The contract over one WebSocket (browser mode). Calls made before the socket opens are queued;
// if the engine goes away, pending calls fail with a message the UI can show. The socket class is
// injected: the browser's WebSocket in the renderer, `ws` in Node tests and tools.
import {
  API_METHODS,
  FramescopeError,
  fromEnvelope,
  type EngineEvent,
  type EventListener,
  type Envelope,
  type FramescopeApi,
  type FramescopeClient,
} from './api';
import { decodeWire, encodeWire, type RpcRequest, type RpcServerMessage } from './wire';

export type ConnectionListener = (state: 'open' | 'closed') => void;

/** The part of the WebSocket interface we use; satisfied by the browser's and by `ws`. */
export interface RpcSocket {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  send(data: string): void;
}

const OPEN = 1;

export function createRpcClient(openSocket: () => RpcSocket, onConnection?: ConnectionListener): FramescopeClient {
  const listeners = new Set<EventListener>();
  const pending = new Map<number, { resolve: (e: Envelope<unknown>) => void }>();
  const outbox: string[] = [];
  let nextId = 1;
  let socket: RpcSocket | null = null;
  let closed = false;

  function connect(): RpcSocket {
    const ws = openSocket();
    ws.onopen = () => {
      onConnection?.('open');
      for (const text of outbox.splice(0)) ws.send(text);
    };
    ws.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      const data = decodeWire(message.data) as RpcServerMessage;
      if ('events' in data) {
        const events: EngineEvent[] = data.events;
        for (const listener of listeners) listener(events);
      } else {
        pending.get(data.id)?.resolve(data.envelope);
        pending.delete(data.id);
      }
    };
    ws.onclose = () => {
      closed = true;
      onConnection?.('closed');
      for (const { resolve } of pending.values()) {
        resolve({ ok: false, error: { code: 'internal', message: 'Lost the connection to the Framescope engine.' } });
      }
      pending.clear();
    };
    return ws;
  }

  function call(method: string, params: unknown[]): Promise<unknown> {
    socket ??= connect();
    if (closed) return Promise.reject(new FramescopeError('internal', 'Lost the connection to the Framescope engine.'));
    const id = nextId++;
    const text = encodeWire({ id, method, params } as RpcRequest);
    return new Promise<Envelope<unknown>>((resolve) => {
      pending.set(id, { resolve });
      if (socket!.readyState === OPEN) socket!.send(text);
      else outbox.push(text);
    }).then(fromEnvelope);
  }

  const api = Object.fromEntries(API_METHODS.map((m) => [m, (...params: unknown[]) => call(m, params)])) as unknown as FramescopeApi;
  return {
    ...api,
    subscribe(listener) {
      socket ??= connect();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
