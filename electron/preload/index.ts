// The bridge: one named object with one function per contract method, built from the contract's
// method list. It never exposes ipcRenderer and never uses sendSync.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, IPC_CALL, IPC_EVENTS, type EngineEvent, type EventListener } from '../../shared/api';
import type { ElectronBridge } from '../../shared/bridge';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (...params: unknown[]) => ipcRenderer.invoke(IPC_CALL, method, params)]),
) as Omit<ElectronBridge, 'subscribe'>;

contextBridge.exposeInMainWorld('framescope', {
  ...bridge,
  subscribe(listener: EventListener) {
    const handler = (_event: IpcRendererEvent, events: EngineEvent[]) => listener(events);
    ipcRenderer.on(IPC_EVENTS, handler);
    return () => ipcRenderer.removeListener(IPC_EVENTS, handler);
  },
} satisfies ElectronBridge);
