// What the capture controls do: plain functions that call the engine through the store's client
// and record the outcome in the store. Components validate their inputs first and show a failure
// beside the control that caused it (use-action.ts); every renderer action has this one shape.
import type { ClientCloseOptions, ClientConnectOptions, ProxyOptions } from '../../../shared/api';
import { getClient } from '../api/client';
import { useStore } from '../store';

export async function startProxy(options: ProxyOptions): Promise<void> {
  const status = await getClient().startProxy(options);
  // Shown at once; the 'proxies' event that follows carries the same list.
  const { proxies, setProxies } = useStore.getState();
  setProxies([...proxies.filter((p) => p.id !== status.id), status]);
}

export async function stopProxy(id: number): Promise<void> {
  await getClient().stopProxy(id);
  const { proxies, setProxies } = useStore.getState();
  setProxies(proxies.filter((x) => x.id !== id));
}

/** Opens the built-in client; the new connection is what the user wants to watch, so the app follows it. */
export async function connectClient(options: ClientConnectOptions): Promise<void> {
  const { connectionId } = await getClient().clientConnect(options);
  const store = useStore.getState();
  store.setClientConnection(connectionId);
  store.selectConnection(connectionId);
}

export async function clientSend(connectionId: number, data: Uint8Array, binary: boolean): Promise<void> {
  await getClient().clientSend({ connectionId, data, binary });
}

/** RFC 6455 §5.5.2: the server must answer with a pong carrying the same data. */
export async function clientPing(connectionId: number): Promise<void> {
  await getClient().clientPing({ connectionId });
}

export async function clientClose(connectionId: number, close: Omit<ClientCloseOptions, 'connectionId'>): Promise<void> {
  await getClient().clientClose({ connectionId, ...close });
}

export async function setCapturePaused(paused: boolean): Promise<void> {
  await getClient().setCapturePaused(paused);
}

export async function clearCapture(): Promise<void> {
  await getClient().clearCapture();
}
