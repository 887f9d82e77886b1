// The BrowserWindow options, kept free of the `electron` import so a unit test can check them.
// Payloads are hostile: the renderer gets no Node, an isolated world and Chromium's sandbox.
export interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    spellcheck: false;
  };
}

export function secureWindowOptions(preloadPath: string, dark: boolean): SecureWindowOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Framescope',
    show: false,
    backgroundColor: dark ? '#16181d' : '#f7f8fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * The only page the window may show and the only frame IPC is taken from: our own bundle's
 * index.html, by its exact file path (any other file: URL, say a downloaded .html, is not us), or
 * the dev server's origin in development.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol !== 'file:') return u.origin === app.origin;
    return u.protocol === 'file:' && u.host === app.host && u.pathname === app.pathname;
  } catch {
    return false;
  }
}
