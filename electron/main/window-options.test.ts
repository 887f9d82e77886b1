import { describe, expect, it } from 'vitest';
import { isAppUrl, secureWindowOptions } from './window-options';

describe('secureWindowOptions', () => {
  it('keeps the renderer isolated, sandboxed and without Node', () => {
    const { webPreferences } = secureWindowOptions('/app/preload.cjs', false);
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('paints the window in the theme colour so it does not flash', () => {
    expect(secureWindowOptions('p', true).backgroundColor).not.toBe(secureWindowOptions('p', false).backgroundColor);
  });
});

describe('isAppUrl', () => {
  const bundle = 'file:///opt/framescope/out/renderer/index.html';

  it('accepts exactly our bundle\'s index.html, not any other file: URL', () => {
    expect(isAppUrl(bundle, bundle)).toBe(true);
    expect(isAppUrl(`${bundle}#/inspector`, bundle)).toBe(true);
    expect(isAppUrl('file:///home/me/Downloads/evil.html', bundle)).toBe(false);
    expect(isAppUrl('file:///opt/framescope/out/renderer/other.html', bundle)).toBe(false);
    expect(isAppUrl('file:///opt/framescope/out/renderer/index.html/../../../../tmp/x.html', bundle)).toBe(false);
    expect(isAppUrl('file://evil-share/opt/framescope/out/renderer/index.html', bundle)).toBe(false);
    expect(isAppUrl('https://evil.example/', bundle)).toBe(false);
    expect(isAppUrl('not a url', bundle)).toBe(false);
  });

  it('accepts the dev server\'s origin in development', () => {
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl(bundle, 'http://localhost:5173')).toBe(false);
  });
});
