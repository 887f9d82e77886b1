// The Electron host: windows only. The engine runs in its own utilityProcess (engine-process.ts)
// and each window talks to it over a MessagePort, with the same RPC as browser mode.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, nativeTheme, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../engine/host/content-security-policy';
import { forkEngine, type EngineProcess } from './engine-process';
import { registerIpc } from './ipc';
import { isAppUrl, secureWindowOptions } from './window-options';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const indexFile = join(import.meta.dirname, '../renderer/index.html');
const appUrl = devServerUrl ?? pathToFileURL(indexFile).href;

async function createWindow(engine: EngineProcess): Promise<void> {
  const window = new BrowserWindow(secureWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), nativeTheme.shouldUseDarkColors));
  const unregister = registerIpc(engine, window, appUrl);
  window.on('closed', unregister);
  window.once('ready-to-show', () => window.show());

  // No navigation away from the app and no new windows; http(s) links open in the user's browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  if (devServerUrl) await window.loadURL(devServerUrl);
  else await window.loadFile(indexFile);
}

app.enableSandbox();
app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // The renderer never needs camera, microphone, notifications or anything else.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  let quitting = false;
  const engine = forkEngine(app.getPath('userData'), (code) => {
    if (quitting) return;
    dialog.showErrorBox('Framescope', `The Framescope engine stopped unexpectedly (exit code ${code}). Framescope will close.`);
    app.quit();
  });
  await createWindow(engine);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow(engine);
  });
  app.on('window-all-closed', () => {
    quitting = true;
    void engine.stop().finally(() => app.quit());
  });
});
