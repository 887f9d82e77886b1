import type { QueryClient } from '@tanstack/react-query';
import type { StateCreator } from 'zustand';
import type { AppInfo, FramescopeClient } from '../../../shared/api';
import type { ErrorCode } from '../../../shared/api/errors';
import type { StoreState } from './index';

export type ThemePreference = 'system' | 'light' | 'dark';
export type ViewName = 'inspector' | 'timeline' | 'lab' | 'crafter' | 'lessons' | 'glossary';

export interface Notice {
  id: number;
  level: 'info' | 'success' | 'error';
  /** UI text, already in the reader's language. */
  message: string;
  /** Data beside the message (an engine's detail, a path): shown as is, never translated. */
  detail?: string;
  /** The engine's error code, for tests and for styling. */
  code?: ErrorCode;
}

/** At most this many notices are on screen; a new one pushes the oldest out. */
export const MAX_NOTICES = 3;

/** How long a notice stays by itself: errors stay until the user dismisses them. */
export function noticeLifetimeMs(level: Notice['level']): number | null {
  return level === 'error' ? null : 6000;
}

export interface AppSlice {
  /** The engine client, set once at start-up (main.tsx); null only before that. */
  client: FramescopeClient | null;
  /** The one query cache (api/query-client.ts), set beside the client: actions read through it too. */
  queryClient: QueryClient | null;
  info: AppInfo | null;
  engineConnected: boolean;
  themePreference: ThemePreference;
  systemDark: boolean;
  view: ViewName;
  notices: Notice[];
  nextNoticeId: number;
  setClient(client: FramescopeClient): void;
  setQueryClient(queryClient: QueryClient): void;
  setInfo(info: AppInfo): void;
  setEngineConnected(connected: boolean): void;
  setThemePreference(theme: ThemePreference): void;
  setSystemDark(dark: boolean): void;
  setView(view: ViewName): void;
  pushNotice(level: Notice['level'], message: string, extra?: Pick<Notice, 'detail' | 'code'>): void;
  dismissNotice(id: number): void;
}

const THEME_KEY = 'framescope.theme';

function storedTheme(): ThemePreference {
  const v = globalThis.localStorage?.getItem(THEME_KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set) => ({
  client: null,
  queryClient: null,
  info: null,
  engineConnected: true,
  themePreference: storedTheme(),
  systemDark: globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  view: 'inspector',
  notices: [],
  nextNoticeId: 1,
  setClient: (client) => set({ client }),
  setQueryClient: (queryClient) => set({ queryClient }),
  setInfo: (info) => set({ info }),
  setEngineConnected: (engineConnected) => set({ engineConnected }),
  setThemePreference: (themePreference) => {
    globalThis.localStorage?.setItem(THEME_KEY, themePreference);
    set({ themePreference });
  },
  setSystemDark: (systemDark) => set({ systemDark }),
  setView: (view) => set({ view }),
  pushNotice: (level, message, extra) =>
    set((s) => ({ notices: [...s.notices, { id: s.nextNoticeId, level, message, ...extra }].slice(-MAX_NOTICES), nextNoticeId: s.nextNoticeId + 1 })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

/** The theme actually shown: the user's choice, or the system's when they chose 'system'. */
export function effectiveTheme(s: Pick<AppSlice, 'themePreference' | 'systemDark'>): 'light' | 'dark' {
  return s.themePreference === 'system' ? (s.systemDark ? 'dark' : 'light') : s.themePreference;
}

/** The engine client, for actions and hooks; an app mounted without one is a programming error. */
export function requireClient(client: FramescopeClient | null): FramescopeClient {
  if (!client) throw new Error('The engine client is not set: main.tsx sets it before the app renders');
  return client;
}
