// The shell's layout: whether the connections sidebar is shown. On a wide window it sits beside the
// view and the user's choice (hide/show) is remembered; below NARROW_QUERY (a projector at 150–200 %
// zoom leaves 640–850 CSS px) it starts hidden and opens over the view instead, so every view keeps
// the full width it needs.
import type { StateCreator } from 'zustand';
import type { StoreState } from './index';

const SIDEBAR_KEY = 'framescope.sidebar';

/** Below this width the sidebar folds away by itself. In px of the initial font size: media queries ignore the root size. */
export const NARROW_QUERY = '(max-width: 1023px)';

export interface LayoutSlice {
  /** The user hid the sidebar on a wide window (remembered). */
  sidebarCollapsed: boolean;
  /** The window is narrower than NARROW_QUERY. */
  narrow: boolean;
  /** Another mode (presenter mode) wants the view alone: the sidebar behaves as on a narrow window. */
  sidebarSuppressed: boolean;
  /** On a narrow window (or suppressed), the sidebar is open over the view (not remembered). */
  sidebarOverlay: boolean;
  toggleSidebar(): void;
  closeSidebarOverlay(): void;
  setNarrow(narrow: boolean): void;
  /** Presenter mode calls this with true on entry and false on exit; the user's own choice is kept. */
  setSidebarSuppressed(suppressed: boolean): void;
}

/** The sidebar lies over the view instead of beside it. */
export function sidebarOverlays(s: Pick<LayoutSlice, 'narrow' | 'sidebarSuppressed'>): boolean {
  return s.narrow || s.sidebarSuppressed;
}

function storedCollapsed(): boolean {
  try {
    return globalThis.localStorage?.getItem(SIDEBAR_KEY) === 'hidden';
  } catch {
    return false;
  }
}

function remember(collapsed: boolean): void {
  try {
    globalThis.localStorage?.setItem(SIDEBAR_KEY, collapsed ? 'hidden' : 'shown');
  } catch {
    /* storage disabled: the choice lasts for this session */
  }
}

export const createLayoutSlice: StateCreator<StoreState, [], [], LayoutSlice> = (set, get) => ({
  sidebarCollapsed: storedCollapsed(),
  narrow: globalThis.matchMedia?.(NARROW_QUERY).matches ?? false,
  sidebarSuppressed: false,
  sidebarOverlay: false,
  toggleSidebar: () => {
    const { sidebarOverlay, sidebarCollapsed } = get();
    if (sidebarOverlays(get())) {
      set({ sidebarOverlay: !sidebarOverlay });
      return;
    }
    remember(!sidebarCollapsed);
    set({ sidebarCollapsed: !sidebarCollapsed });
  },
  closeSidebarOverlay: () => set({ sidebarOverlay: false }),
  setNarrow: (narrow) => set({ narrow, sidebarOverlay: false }),
  setSidebarSuppressed: (sidebarSuppressed) => set({ sidebarSuppressed, sidebarOverlay: false }),
});

/** Whether the sidebar is on screen now. */
export function sidebarShown(s: Pick<LayoutSlice, 'narrow' | 'sidebarSuppressed' | 'sidebarOverlay' | 'sidebarCollapsed'>): boolean {
  return sidebarOverlays(s) ? s.sidebarOverlay : !s.sidebarCollapsed;
}

/** Ctrl+B (⌘B on a Mac), as in code editors, toggles the sidebar. */
export function isSidebarShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'b';
}
