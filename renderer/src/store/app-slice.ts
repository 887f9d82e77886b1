import type { QueryClient } from '@tanstack/react-query';
import type { StateCreator } from 'zustand';
import type { AppInfo, FramescopeClient } from '../../../shared/api';
import type { ErrorCode } from '../../../shared/api/errors';
import type { StoreState } from './index';

export type ThemePreference = 'system' | 'light' | 'dark';
export type ViewName = 'inspector' | 'timeline' | 'lab' | 'crafter' | 'lessons' | 'glossary';

/**
 * UI text kept as its catalog key ("ns:key") and parameters, and worded when it is shown
 * (actions/notice-text.ts): a notice raised before a language switch reads in the new language.
 * A parameter that is itself text is a NoticeText too; strings and numbers are data.
 */
export interface NoticeText {
  key: string;
  params?: Readonly<Record<string, string | number | NoticeText>>;
}

export interface Notice {
  id: number;
  level: 'info' | 'success' | 'error';
  /** What happened, or for an error what the user tried. */
  text: NoticeText;
  /** A second sentence, joined as the language joins sentences: for an error, the kind of failure. */
  more?: NoticeText;
  /** Data beside the text (an engine's detail, a path): shown as is, never translated. */
  detail?: string;
  /** The engine's error code, for tests and for styling. */
  code?: ErrorCode;
}

export type NoticeBody = Omit<Notice, 'id' | 'level'>;

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
  pushNotice(level: Notice['level'], body: NoticeBody): void;
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
  pushNotice: (level, body) => set((s) => ({ notices: [...s.notices, { ...body, id: s.nextNoticeId, level }].slice(-MAX_NOTICES), nextNoticeId: s.nextNoticeId + 1 })),
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
