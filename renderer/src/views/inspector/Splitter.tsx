// A horizontal splitter between the table and the detail pane: drag it, or focus it and use
// the arrow keys. The height is remembered across sessions.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const KEY = 'framescope.inspector.detailHeight';
const MIN = 160;

function stored(): number {
  const v = Number(globalThis.localStorage?.getItem(KEY));
  return Number.isFinite(v) && v >= MIN ? v : 430;
}

export function useDetailHeight(): [number, (h: number) => void] {
  const [height, setHeight] = useState(stored);
  const set = useCallback((h: number) => {
    const v = Math.max(MIN, Math.round(h));
    setHeight(v);
    globalThis.localStorage?.setItem(KEY, String(v));
  }, []);
  return [height, set];
}

export function Splitter({ height, max, onResize }: { height: number; max: number; onResize(h: number): void }) {
  const { t } = useTranslation('inspector');
  const drag = useRef<{ y: number; h: number } | null>(null);
  const clamp = (h: number) => Math.min(Math.max(MIN, h), Math.max(MIN, max));
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('view.resize')}
      aria-valuenow={height}
      aria-valuemin={MIN}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(e) => {
        drag.current = { y: e.clientY, h: height };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (drag.current) onResize(clamp(drag.current.h + drag.current.y - e.clientY));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowUp') onResize(clamp(height + 24));
        else if (e.key === 'ArrowDown') onResize(clamp(height - 24));
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    />
  );
}
