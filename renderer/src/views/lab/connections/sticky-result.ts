// A measurement's last result outlives its panel (switching lab tabs unmounts it): kept per panel
// for the page's life, like the lab's own summary in the store.
import { useState } from 'react';

const kept = new Map<string, unknown>();

export function useStickyResult<T>(key: string): [T | null, (value: T) => void] {
  const [value, setValue] = useState<T | null>(() => (kept.get(key) as T | undefined) ?? null);
  return [
    value,
    (v: T) => {
      kept.set(key, v);
      setValue(v);
    },
  ];
}
