// Hover shows a field for as long as the pointer is on it; a click pins it, so it stays lit
// while the user looks at the other side (diagram ↔ hex dump).
import { useCallback, useState } from 'react';
import type { FieldName } from './anatomy-frame';

export interface FieldHighlight {
  highlight: FieldName | null;
  pinned: FieldName | null;
  onHighlight(field: FieldName | null): void;
  onPick(field: FieldName): void;
  reset(): void;
}

export function useFieldHighlight(): FieldHighlight {
  const [hovered, setHovered] = useState<FieldName | null>(null);
  const [pinned, setPinned] = useState<FieldName | null>(null);
  const onPick = useCallback((field: FieldName) => setPinned((p) => (p === field ? null : field)), []);
  const reset = useCallback(() => {
    setHovered(null);
    setPinned(null);
  }, []);
  return { highlight: hovered ?? pinned, pinned, onHighlight: setHovered, onPick, reset };
}
