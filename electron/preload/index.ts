// The bridge: one named object with two functions, a port to the engine process and nothing
// else. The preload asks main for the port once (main checks it is our main frame), queues
// requests until it arrives, and never exposes ipcRenderer or the port itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_PORT, IPC_PORT_REQUEST, type ElectronBridge } from '../../shared/bridge';
import type { RpcRequest, RpcServerMessage } from '../../shared/wire';

type Port = IpcRendererEvent['ports'][number];

let port: Port | null = null;
const outbox: RpcRequest[] = [];
const listeners = new Set<{ message: (m: RpcServerMessage) => void; close: () => void }>();

ipcRenderer.once(IPC_PORT, (event) => {
  const [received] = event.ports;
  if (!received) return;
  port = received;
  port.onmessage = (e: { data: unknown }) => {
    for (const l of listeners) l.message(e.data as RpcServerMessage);
  };
  // Electron fires 'close' on a MessagePort whose other end (the engine process) is gone.
  port.addEventListener('close', () => {
    for (const l of listeners) l.close();
  });
  port.start();
  for (const m of outbox.splice(0)) port.postMessage(m);
});
ipcRenderer.send(IPC_PORT_REQUEST);

contextBridge.exposeInMainWorld('framescope', {
  post(message) {
    if (port) port.postMessage(message);
    else outbox.push(message);
  },
  listen(onMessage, onClose) {
    const entry = { message: onMessage, close: onClose };
    listeners.add(entry);
    return () => listeners.delete(entry);
  },
} satisfies ElectronBridge);
