// The Electron host: a window, the IPC bridge, and the engine. Everything else is in the engine.
import { join } from 'node:path';
import { app, BrowserWindow, nativeTheme, session, shell } from 'electron';
import { Engine } from '../engine/engine';
import { CONTENT_SECURITY_POLICY } from '../engine/host/content-security-policy';
import { registerIpc } from './ipc';
import { isAppUrl, secureWindowOptions } from './window-options';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

async function createWindow(engine: Engine): Promise<void> {
  const window = new BrowserWindow(secureWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), nativeTheme.shouldUseDarkColors));
  const unregister = registerIpc(engine, window, devServerUrl);
  window.on('closed', unregister);
  window.once('ready-to-show', () => window.show());

  // No navigation away from the app and no new windows; http(s) links open in the user's browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  if (devServerUrl) await window.loadURL(devServerUrl);
  else await window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

app.enableSandbox();
app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // The renderer never needs camera, microphone, notifications or anything else.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const engine = new Engine({ host: 'electron', dataDir: app.getPath('userData') });
  await createWindow(engine);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow(engine);
  });
  app.on('window-all-closed', () => {
    void engine.close().finally(() => app.quit());
  });
});
