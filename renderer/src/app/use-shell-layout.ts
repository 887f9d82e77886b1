// Keeps the layout slice in step with the window: narrow below NARROW_QUERY (the sidebar then folds
// away by itself), Ctrl/⌘+B toggles the sidebar anywhere, Escape closes it when it lies over the view.
import { useEffect } from 'react';
import { useStore } from '../store';
import { isSidebarShortcut, NARROW_QUERY, sidebarOverlays, sidebarShown } from '../store/layout-slice';

/** `overlay`: the sidebar, when shown, lies over the view (narrow window or presenter mode). */
export function useShellLayout(): { overlay: boolean; sidebar: boolean } {
  const overlay = useStore(sidebarOverlays);
  const sidebar = useStore(sidebarShown);
  const setNarrow = useStore((s) => s.setNarrow);
  const toggle = useStore((s) => s.toggleSidebar);
  const closeOverlay = useStore((s) => s.closeSidebarOverlay);

  useEffect(() => {
    const query = matchMedia(NARROW_QUERY);
    const onChange = () => setNarrow(query.matches);
    onChange();
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [setNarrow]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isSidebarShortcut(e)) {
        e.preventDefault(); // Chromium's own Ctrl+B does nothing useful in a page; Firefox opens bookmarks
        toggle();
      } else if (e.key === 'Escape' && useStore.getState().sidebarOverlay) {
        closeOverlay();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, closeOverlay]);

  return { overlay, sidebar };
}
