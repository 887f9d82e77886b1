// Wheel zooms around the cursor, dragging pans. A press that moves less than a few pixels stays a
// click (so arrows remain clickable); a real drag swallows the click that follows it.
import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { panBy, span, yToTime, zoomAround, type Viewport } from './time-scale';

const DRAG_THRESHOLD_PX = 4;
/** Zoom per wheel pixel: one notch (~100 px) zooms by about 16 %. */
const ZOOM_PER_PX = 0.0015;

export interface PanZoom {
  onPointerDown(e: ReactPointerEvent<SVGSVGElement>): void;
  onPointerMove(e: ReactPointerEvent<SVGSVGElement>): void;
  onPointerUp(e: ReactPointerEvent<SVGSVGElement>): void;
  /** True once per finished drag: the click it produces must not select anything. */
  consumeDrag(): boolean;
}

export function usePanZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  viewport: Viewport,
  height: number,
  onChange: (v: Viewport) => void,
): PanZoom {
  const latest = useRef({ viewport, height, onChange });
  latest.current = { viewport, height, onChange };
  const drag = useRef<{ id: number; y: number; from: Viewport; moved: boolean } | null>(null);
  const justDragged = useRef(false);

  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    // React's onWheel is passive: preventDefault needs a listener of our own.
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      const { viewport: v, height: h, onChange: change } = latest.current;
      const y = e.clientY - el.getBoundingClientRect().top;
      const px = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * h : e.deltaY;
      change(zoomAround(v, yToTime(v, y, h), Math.exp(px * ZOOM_PER_PX)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [svgRef]);

  return {
    onPointerDown(e) {
      if (e.button !== 0) return;
      drag.current = { id: e.pointerId, y: e.clientY, from: latest.current.viewport, moved: false };
    },
    onPointerMove(e) {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.abs(dy) < DRAG_THRESHOLD_PX) return;
      if (!d.moved) {
        d.moved = true;
        // Captured only once it is a drag, or the click of a plain press would land on the svg.
        e.currentTarget.setPointerCapture(e.pointerId);
      }
      const { height: h, onChange: change } = latest.current;
      change(panBy(d.from, (-dy / h) * span(d.from)));
    },
    onPointerUp(e) {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      justDragged.current = d.moved;
      drag.current = null;
      // The click a drag produces follows its pointerup in the same task; later clicks are real.
      if (d.moved) setTimeout(() => (justDragged.current = false), 0);
    },
    consumeDrag() {
      const was = justDragged.current;
      justDragged.current = false;
      return was;
    },
  };
}
