// Binds scaled-scroll.ts to a scroll element: where the rows are (a virtual offset), keyboard
// moves that land on an exact row although one physical pixel may span several rows, and rows
// that stay put while a live capture grows the table under a reader who scrolled away.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { clampVirtualTop, maxVirtualTop, physicalHeight, revealRow, toPhysical, toVirtual, type ScrollGeometry } from './scaled-scroll';

const SCROLL_IDLE_MS = 150;

export interface ScaledScroll {
  geometry: ScrollGeometry;
  /** Offset of the viewport's top in the rows' full (virtual) height. */
  virtualTop: number;
  /** The element's scrollTop, for placing rows: virtual row y + (scrollTop − virtualTop). */
  scrollTop: number;
  isScrolling: boolean;
  /** Height to give the element inside the scroll area. */
  height: number;
  onScroll(): void;
  /** Scrolls as little as needed to show row `index` whole. */
  reveal(index: number): void;
}

/**
 * `reserve` is the room under the last row (padding) that the rows must not count as viewport.
 */
export function useScaledScroll(ref: RefObject<HTMLElement | null>, rows: number, rowHeight: number, reserve: number, following: boolean): ScaledScroll {
  const [pos, setPos] = useState({ scrollTop: 0, clientHeight: 0, scrolling: false });
  // A position we set ourselves: its exact virtual offset, valid while scrollTop stays there.
  const exact = useRef<{ scrollTop: number; virtualTop: number } | null>(null);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const geometry: ScrollGeometry = { rows, rowHeight, viewport: Math.max(rowHeight, pos.clientHeight - reserve) };
  // A table following live is at its end, whatever the element says yet: the rows are drawn there
  // in the render that grew the table, and the element is scrolled to match after (below), never
  // read back. (Placing it by reading its scrollTop would force a layout and a second render on
  // every update of a live capture.) Before the element is measured too: the rows it asks for
  // first are the ones it will show, not the top's (a large capture's first window).
  const endTop = following ? Math.round(toPhysical(geometry, maxVirtualTop(geometry))) : 0;
  const virtualTop = following
    ? maxVirtualTop(geometry)
    : exact.current !== null && exact.current.scrollTop === pos.scrollTop
      ? clampVirtualTop(geometry, exact.current.virtualTop)
      : toVirtual(geometry, pos.scrollTop);
  const scrollTop = following ? endTop : pos.scrollTop;
  const latest = useRef({ geometry, virtualTop });
  latest.current = { geometry, virtualTop };

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setPos((p) => (p.clientHeight === el.clientHeight ? p : { ...p, clientHeight: el.clientHeight, scrollTop: el.scrollTop }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  useEffect(() => () => void (idle.current && clearTimeout(idle.current)), []);

  const place = useCallback(
    (virtual: number) => {
      const el = ref.current;
      if (!el) return;
      const g = latest.current.geometry;
      el.scrollTop = Math.round(toPhysical(g, virtual));
      exact.current = { scrollTop: el.scrollTop, virtualTop: clampVirtualTop(g, virtual) };
      // Within one physical pixel the element does not scroll and says nothing: redraw anyway.
      setPos((p) => ({ ...p, scrollTop: el.scrollTop }));
    },
    [ref],
  );

  // A growing table changes the ratio of a capped one: keep the rows under a reader where they are.
  const lastRows = useRef(rows);
  useLayoutEffect(() => {
    if (lastRows.current === rows) return;
    const before = lastRows.current;
    lastRows.current = rows;
    const uncapped = (n: number) => physicalHeight({ ...geometry, rows: n }) === n * rowHeight;
    if (following || (uncapped(before) && uncapped(rows))) return;
    place(latest.current.virtualTop);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, following, place]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(() => setPos((p) => ({ ...p, scrolling: false })), SCROLL_IDLE_MS);
    setPos((p) => (p.scrollTop === el.scrollTop && p.scrolling ? p : { ...p, scrollTop: el.scrollTop, scrolling: true }));
  }, [ref]);

  const reveal = useCallback((index: number) => place(revealRow(latest.current.geometry, latest.current.virtualTop, index)), [place]);

  // Following live: the element goes where the rows were drawn. Written only; if the browser
  // clamps it, the scroll event that follows reports where it really is.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!following || !el) return;
    el.scrollTop = endTop;
    exact.current = { scrollTop: endTop, virtualTop };
  }, [ref, following, endTop, virtualTop]);

  return { geometry, virtualTop, scrollTop, isScrolling: pos.scrolling, height: physicalHeight(geometry), onScroll, reveal };
}
