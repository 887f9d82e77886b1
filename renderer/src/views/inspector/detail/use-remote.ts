// Loads one thing from the engine by id, keeping the previous value on screen while the next
// loads (no flash of empty panes when stepping through frames with j/k).
import { useEffect, useState } from 'react';

export interface Remote<T> {
  value: T | null;
  error: string | null;
  loading: boolean;
}

export function useRemote<T>(id: number | null, load: (id: number) => Promise<T>, refresh: unknown = 0): Remote<T> {
  const [state, setState] = useState<Remote<T> & { id: number | null }>({ value: null, error: null, loading: false, id: null });
  useEffect(() => {
    if (id === null) {
      setState({ value: null, error: null, loading: false, id: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load(id).then(
      (value) => live && setState({ value, error: null, loading: false, id }),
      (err: unknown) => live && setState({ value: null, error: err instanceof Error ? err.message : String(err), loading: false, id }),
    );
    return () => {
      live = false;
    };
  }, [id, load, refresh]);
  return { value: state.value, error: state.error, loading: state.loading };
}
