// One IPC channel for calls, one for events. Every call is checked: it must come from our own
// window's main frame and name a method of the contract.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL, IPC_EVENTS, isApiMethod, toEnvelope } from '../../shared/api';
import type { Engine } from '../engine/engine';
import { isAppUrl } from './window-options';

export function registerIpc(engine: Engine, window: BrowserWindow, devServerUrl: string | undefined): () => void {
  const trusted = (event: IpcMainInvokeEvent) =>
    event.sender === window.webContents && event.senderFrame !== null && isAppUrl(event.senderFrame.url, devServerUrl);

  ipcMain.handle(IPC_CALL, (event, method: unknown, params: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'invalid', message: 'Untrusted sender.' } };
    if (!isApiMethod(method) || !Array.isArray(params)) {
      return { ok: false, error: { code: 'invalid', message: `Unknown method ${String(method)}.` } };
    }
    return toEnvelope(() => (engine.api[method] as (...args: unknown[]) => Promise<unknown>)(...params));
  });
  const unsubscribe = engine.subscribe((events) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENTS, events);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL);
  };
}
