// Keyboard for the Inspector: ↑/↓ and j/k move through frames, PageUp/PageDown/Home/End jump,
// Enter opens the detail pane, Esc returns to the table, Ctrl+F (⌘F) searches payloads.
import { useEffect, useRef, type RefObject } from 'react';

export interface InspectorKeyActions {
  move(delta: number): void;
  jump(to: 'first' | 'last'): void;
  open(): void;
  back(): void;
  search(): void;
  pageRows(): number;
}

function isEditable(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

export function useInspectorKeys(detailRef: RefObject<HTMLElement | null>, actions: InspectorKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = latest.current;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        a.search();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      if (isEditable(target)) return;
      const inDetail = target !== null && detailRef.current?.contains(target) === true;
      const onControl = target !== null && target.closest('button, a, [role="button"]') !== null;
      switch (e.key) {
        case 'j':
          a.move(1);
          break;
        case 'k':
          a.move(-1);
          break;
        case 'ArrowDown':
          if (inDetail) return;
          a.move(1);
          break;
        case 'ArrowUp':
          if (inDetail) return;
          a.move(-1);
          break;
        case 'PageDown':
          if (inDetail) return;
          a.move(a.pageRows());
          break;
        case 'PageUp':
          if (inDetail) return;
          a.move(-a.pageRows());
          break;
        case 'Home':
          if (inDetail) return;
          a.jump('first');
          break;
        case 'End':
          if (inDetail) return;
          a.jump('last');
          break;
        case 'Enter':
          if (inDetail || onControl) return;
          a.open();
          break;
        case 'Escape':
          if (!inDetail) return;
          a.back();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [detailRef]);
}
