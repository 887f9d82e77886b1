// Geometry of a table taller than a browser can scroll. Chromium stops growing an element near
// 33.5M px (2^25), which at 26 px a row is about 1.29M rows: beyond that the last rows cannot be
// reached. So the scrollable height is capped, and a scroll position maps proportionally onto the
// rows' "virtual" height: the top of the scrollbar is row 0, its bottom the last row. Rows have
// one fixed height, so which rows are in view is arithmetic, O(1) at any row count.

/** Well under Chromium's limit, and under Firefox's (~17.9M px) too. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface ScrollGeometry {
  rows: number;
  rowHeight: number;
  /** Height of the visible part of the scroll area. */
  viewport: number;
  /** Cap of the scrollable height (MAX_SCROLL_HEIGHT outside tests). */
  cap?: number;
}

export function virtualHeight(g: ScrollGeometry): number {
  return g.rows * g.rowHeight;
}

/** Height of the element that makes the scroll area scroll. */
export function physicalHeight(g: ScrollGeometry): number {
  return Math.min(virtualHeight(g), g.cap ?? MAX_SCROLL_HEIGHT);
}

/** Virtual pixels per physical pixel of scrolling: 1 until the rows outgrow the cap. */
export function scrollRatio(g: ScrollGeometry): number {
  const range = physicalHeight(g) - g.viewport;
  const virtualRange = virtualHeight(g) - g.viewport;
  return range > 0 && virtualRange > range ? virtualRange / range : 1;
}

/** The largest virtual offset: the last row sits at the bottom of the viewport. */
export function maxVirtualTop(g: ScrollGeometry): number {
  return Math.max(0, virtualHeight(g) - g.viewport);
}

export function clampVirtualTop(g: ScrollGeometry, top: number): number {
  return Math.min(Math.max(0, top), maxVirtualTop(g));
}

export function toVirtual(g: ScrollGeometry, scrollTop: number): number {
  return clampVirtualTop(g, scrollTop * scrollRatio(g));
}

export function toPhysical(g: ScrollGeometry, virtualTop: number): number {
  return clampVirtualTop(g, virtualTop) / scrollRatio(g);
}

/** Rows [first, last] (inclusive) that the viewport shows at a virtual offset; last < first when there are none. */
export function rowsInView(g: ScrollGeometry, virtualTop: number): { first: number; last: number } {
  if (g.rows === 0) return { first: 0, last: -1 };
  const top = clampVirtualTop(g, virtualTop);
  const first = Math.min(g.rows - 1, Math.floor(top / g.rowHeight));
  const last = Math.min(g.rows - 1, Math.max(first, Math.ceil((top + g.viewport) / g.rowHeight) - 1));
  return { first, last };
}

/** The virtual offset that shows row `index` whole, moving as little as possible. */
export function revealRow(g: ScrollGeometry, virtualTop: number, index: number): number {
  const top = index * g.rowHeight;
  if (top < virtualTop) return clampVirtualTop(g, top);
  if (top + g.rowHeight > virtualTop + g.viewport) return clampVirtualTop(g, top + g.rowHeight - g.viewport);
  return virtualTop;
}
