// The shell's UI state without a DOM: notices stack at most three and errors never expire; the
// sidebar's choice is remembered on a wide window and lies over the view on a narrow one.
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { FramescopeError } from '../../../shared/api/errors';
import { errorNotice } from '../actions/error-text';
import { text, wordNotice, wordText } from '../actions/notice-text';
import { initI18n } from '../i18n';
import { createAppSlice, MAX_NOTICES, noticeLifetimeMs } from './app-slice';
import { createLayoutSlice, isSidebarShortcut, sidebarShown } from './layout-slice';
import type { StoreState } from './index';

function makeStore() {
  // Only the slices under test: the others are not read by these transitions.
  return create<StoreState>()((...a) => ({ ...createAppSlice(...a), ...createLayoutSlice(...a) }) as StoreState);
}

describe('notices', () => {
  it('keep the newest three, in order, and never reuse an id', () => {
    const store = makeStore();
    for (let i = 1; i <= 5; i++) store.getState().pushNotice('info', { text: { key: `n${i}` } });
    expect(store.getState().notices.map((n) => n.text.key)).toEqual(['n3', 'n4', 'n5']);
    expect(MAX_NOTICES).toBe(3);
    store.getState().dismissNotice(store.getState().notices[1]!.id);
    store.getState().pushNotice('error', { text: { key: 'e' }, detail: 'port 1 taken', code: 'conflict' });
    const notices = store.getState().notices;
    expect(notices.map((n) => n.text.key)).toEqual(['n3', 'n5', 'e']);
    expect(notices[2]).toMatchObject({ level: 'error', detail: 'port 1 taken', code: 'conflict', id: 6 });
  });

  it('dismiss themselves unless they are errors', () => {
    expect(noticeLifetimeMs('info')).toBeGreaterThan(2000);
    expect(noticeLifetimeMs('success')).toBeGreaterThan(2000);
    expect(noticeLifetimeMs('error')).toBeNull();
  });

  it('say an engine error by its code in the reader’s language, with the engine’s words as detail', async () => {
    const i18n = initI18n('en');
    const err = new FramescopeError('conflict', 'Port 8080 is already in use.');
    const started = errorNotice(err, text('errors:context.clear'));
    expect(started).toEqual({ text: { key: 'errors:context.clear' }, more: { key: 'errors:code.conflict' }, detail: 'Port 8080 is already in use.', code: 'conflict' });
    expect(wordNotice(started)).toBe('Could not clear the capture. Not possible in the current state.');
    await i18n.changeLanguage('zh-CN');
    // The same notice, kept as keys, is worded again in the language shown now; Chinese joins sentences without a space.
    expect(wordNotice(started)).toBe('无法清空捕获。在当前状态下无法执行。');
    expect(wordNotice(errorNotice(err))).toBe('在当前状态下无法执行。');
    // Not an engine error: the caller's fallback code, else internal.
    const local = errorNotice('bad spec', undefined, 'invalid');
    expect(local).toMatchObject({ code: 'invalid', detail: 'bad spec' });
    expect(wordNotice(local)).toBe('请求无效。');
    expect(errorNotice(new TypeError('x is undefined')).code).toBe('internal');
    await i18n.changeLanguage('en');
  });

  it('word text parameters that are text themselves, and leave data as it is', async () => {
    const i18n = initI18n('en');
    const copied = text('inspector:copy.copied', { id: 7, format: text('inspector:copy.format.hex') });
    const en = wordText(copied);
    expect(en).toContain('7');
    await i18n.changeLanguage('zh-CN');
    const zh = wordText(copied);
    expect(zh).not.toBe(en);
    expect(zh).toContain('7');
    expect(zh).toContain(i18n.t('inspector:copy.format.hex'));
    // An unknown key (a newer engine's) says its key rather than nothing.
    expect(wordText({ key: 'errors:code.nonexistent' })).toBe('errors:code.nonexistent');
    await i18n.changeLanguage('en');
  });
});

describe('sidebar', () => {
  it('hides and shows on a wide window, and lies over the view on a narrow one', () => {
    const store = makeStore();
    store.getState().setNarrow(false);
    expect(sidebarShown(store.getState())).toBe(true);
    store.getState().toggleSidebar();
    expect(sidebarShown(store.getState())).toBe(false);
    expect(store.getState().sidebarCollapsed).toBe(true);
    // Narrow: hidden whatever the wide choice, opened over the view by the toggle, the wide choice kept.
    store.getState().setNarrow(true);
    expect(sidebarShown(store.getState())).toBe(false);
    store.getState().toggleSidebar();
    expect(sidebarShown(store.getState())).toBe(true);
    expect(store.getState().sidebarCollapsed).toBe(true);
    store.getState().closeSidebarOverlay();
    expect(sidebarShown(store.getState())).toBe(false);
    store.getState().toggleSidebar();
    store.getState().setNarrow(false); // widening closes the overlay and returns to the wide choice
    expect(store.getState().sidebarOverlay).toBe(false);
    expect(sidebarShown(store.getState())).toBe(false);
  });

  it('steps aside for presenter mode without forgetting the user’s choice', () => {
    const store = makeStore();
    store.getState().setNarrow(false);
    expect(sidebarShown(store.getState())).toBe(true);
    store.getState().setSidebarSuppressed(true);
    expect(sidebarShown(store.getState())).toBe(false);
    store.getState().toggleSidebar(); // opens over the view, the wide choice untouched
    expect(sidebarShown(store.getState())).toBe(true);
    expect(store.getState().sidebarCollapsed).toBe(false);
    store.getState().setSidebarSuppressed(false);
    expect(store.getState().sidebarOverlay).toBe(false);
    expect(sidebarShown(store.getState())).toBe(true);
  });

  it('toggles with Ctrl+B or ⌘B and nothing else', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    expect(isSidebarShortcut(key('b', { ctrlKey: true }))).toBe(true);
    expect(isSidebarShortcut(key('B', { metaKey: true }))).toBe(true);
    expect(isSidebarShortcut(key('b'))).toBe(false);
    expect(isSidebarShortcut(key('b', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isSidebarShortcut(key('n', { ctrlKey: true }))).toBe(false);
  });
});
