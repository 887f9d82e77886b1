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
  it('accepts only our bundle or the dev server', () => {
    expect(isAppUrl('file:///opt/framescope/out/renderer/index.html', undefined)).toBe(true);
    expect(isAppUrl('https://evil.example/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });
});
