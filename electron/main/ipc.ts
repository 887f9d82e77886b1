// The only IPC: a window's preload asks for its port to the engine, and gets one. The request is
// honoured only from our window's main frame showing our own page (a subframe, another window
// or a navigated-away page gets nothing); the RPC itself then runs over the port.
import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import { IPC_PORT, IPC_PORT_REQUEST } from '../../shared/bridge';
import type { EngineProcess } from './engine-process';
import { isTrustedSender } from './sender-check';

export function registerIpc(engine: EngineProcess, window: BrowserWindow, appUrl: string): () => void {
  const onRequest = (event: IpcMainEvent) => {
    if (window.isDestroyed() || !isTrustedSender(event, window.webContents, appUrl)) return;
    event.senderFrame.postMessage(IPC_PORT, null, [engine.connect()]);
  };
  ipcMain.on(IPC_PORT_REQUEST, onRequest);
  return () => {
    ipcMain.off(IPC_PORT_REQUEST, onRequest);
  };
}
