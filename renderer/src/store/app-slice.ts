import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../../shared/api';
import type { StoreState } from './index';

export type ThemePreference = 'system' | 'light' | 'dark';
export type ViewName = 'inspector' | 'timeline' | 'lab' | 'crafter';

export interface Notice {
  id: number;
  level: 'info' | 'error';
  message: string;
}

export interface AppSlice {
  info: AppInfo | null;
  engineConnected: boolean;
  themePreference: ThemePreference;
  systemDark: boolean;
  view: ViewName;
  notices: Notice[];
  setInfo(info: AppInfo): void;
  setEngineConnected(connected: boolean): void;
  setThemePreference(theme: ThemePreference): void;
  setSystemDark(dark: boolean): void;
  setView(view: ViewName): void;
  pushNotice(level: Notice['level'], message: string): void;
  dismissNotice(id: number): void;
}

const THEME_KEY = 'framescope.theme';
let noticeId = 1;

function storedTheme(): ThemePreference {
  const v = globalThis.localStorage?.getItem(THEME_KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set) => ({
  info: null,
  engineConnected: true,
  themePreference: storedTheme(),
  systemDark: globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  view: 'inspector',
  notices: [],
  setInfo: (info) => set({ info }),
  setEngineConnected: (engineConnected) => set({ engineConnected }),
  setThemePreference: (themePreference) => {
    globalThis.localStorage?.setItem(THEME_KEY, themePreference);
    set({ themePreference });
  },
  setSystemDark: (systemDark) => set({ systemDark }),
  setView: (view) => set({ view }),
  pushNotice: (level, message) => set((s) => ({ notices: [...s.notices.slice(-4), { id: noticeId++, level, message }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

/** The theme actually shown: the user's choice, or the system's when they chose 'system'. */
export function effectiveTheme(s: Pick<AppSlice, 'themePreference' | 'systemDark'>): 'light' | 'dark' {
  return s.themePreference === 'system' ? (s.systemDark ? 'dark' : 'light') : s.themePreference;
}
