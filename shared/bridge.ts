// What the Electron preload puts on `window.framescope`: the contract's methods returning
// envelopes (errors survive IPC that way) and the event subscription.
import type { ApiMethod, ApiParams, ApiResult, Envelope, EventListener } from './api';

export type ElectronBridge = {
  [M in ApiMethod]: (...params: ApiParams<M>) => Promise<Envelope<ApiResult<M>>>;
} & {
  subscribe(listener: EventListener): () => void;
};
