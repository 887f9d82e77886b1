// Helpers for the shell's own e2e tests: open the app in a language, check the shell apart from the
// view inside it (views belong to their own tests), and make traffic that fills the sidebar and the
// status bar the way a class would (several proxies, open and closed connections).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type WebSocket from 'ws';
import { openPage } from './harness';
import type { AppSession } from './app-session';
import { openClient, startReverseProxy } from './inspector-traffic';
import { horizontalOverflow, untranslatedText, type UntranslatedText } from './text-audit';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** 100 %, 150 % and 200 % zoom of a 1280×720 screen (a 1080p projector at 150 %). */
export const VIEWPORTS = [
  [1280, 720],
  [853, 480],
  [640, 360],
] as const;

export function withLang(url: string, lang: Lang): string {
  const u = new URL(url);
  u.searchParams.set('lang', lang);
  return u.toString();
}

/** Opens the app in `lang` in its own context (closed by the caller or with the browser). */
export async function openInLang(session: AppSession, lang: Lang, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await openPage(session.browser, withLang(session.app.server.url, lang), scheme);
  await page.locator('.topbar').waitFor();
  return page;
}

/** Takes the engine away (a laptop lid, a crash) and waits until the status bar says so, in either language. */
export async function loseEngine(session: AppSession, page: Page): Promise<void> {
  await session.app.server.close();
  await expect.poll(() => page.getByTestId('status-engine').textContent()).toMatch(/^(Engine disconnected|与引擎的连接已断开)$/);
}

const HIDE_VIEW = 'framescope-e2e-hide-view';

/** Runs `check` with the view inside the main area taken out of layout and text: what remains is the shell. */
export async function shellOnly<T>(page: Page, check: () => Promise<T>): Promise<T> {
  await page.evaluate((id) => {
    const style = document.createElement('style');
    style.id = id;
    style.textContent = '.shell-main > * { display: none !important; }';
    document.head.append(style);
    document.querySelector('.shell-main')?.setAttribute('translate', 'no');
  }, HIDE_VIEW);
  try {
    return await check();
  } finally {
    await page.evaluate((id) => {
      document.getElementById(id)?.remove();
      document.querySelector('.shell-main')?.removeAttribute('translate');
    }, HIDE_VIEW);
  }
}

export const shellOverflow = (page: Page) => shellOnly(page, () => horizontalOverflow(page));
/** Key names stay as they are in Chinese writing (Ctrl+B).*/
export const KEY_NAMES = ['Ctrl', 'Esc', 'Enter'];
export const shellUntranslated = (page: Page): Promise<UntranslatedText[]> => shellOnly(page, () => untranslatedText(page, KEY_NAMES));

/** The names of the view tabs, in order, as the page shows them. */
export async function viewTabs(page: Page): Promise<string[]> {
  return page.getByRole('tablist').first().getByRole('tab').allTextContents();
}

export interface ClassTraffic {
  proxies: number;
  sockets: WebSocket[];
}

/** Four proxies (three reverse, one forward), one open connection and one closed with a code and reason. */
export async function startClassTraffic(session: AppSession & { echo: { url: string } }): Promise<ClassTraffic> {
  const api = session.app.engine.api;
  const first = await startReverseProxy(session.app, session.echo.url);
  await startReverseProxy(session.app, session.echo.url);
  await startReverseProxy(session.app, session.echo.url);
  await api.startProxy({ mode: 'forward' });
  const open = await openClient(`${first}/lesson/open`);
  const closing = await openClient(`${first}/lesson/closed`);
  await new Promise<void>((resolve) => {
    closing.once('close', () => resolve());
    closing.close(1000, 'done');
  });
  return { proxies: 4, sockets: [open] };
}
