// During a fling or a scrollbar drag that moves more than a screen per frame, nobody can read
// the rows flying past: blocks that appear then are drawn as one cheap skeleton of empty rows,
// and filled in as soon as the scrolling slows down or stops. Blocks already drawn in full
// stay as they are. Following a live capture is not a fling: the rows it brings in are drawn.
import { useRef } from 'react';

export function useFlingSkeletons(offset: number, isScrolling: boolean, viewport: number, visible: number[], following: boolean): ReadonlySet<number> {
  const lastOffset = useRef(offset);
  const drawn = useRef(new Set<number>());
  const fast = !following && isScrolling && Math.abs(offset - lastOffset.current) > viewport;
  lastOffset.current = offset;
  const skeletons = new Set<number>();
  const keep = new Set<number>();
  for (const block of visible) {
    if (fast && !drawn.current.has(block)) {
      skeletons.add(block);
    } else {
      keep.add(block);
    }
  }
  drawn.current = keep;
  return skeletons;
}
