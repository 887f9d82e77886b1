// Runs one engine call for a control: tracks it in flight, and keeps the failure's message so the
// control can show it beside itself (not in a toast far away from what the user clicked).
import { useCallback, useEffect, useRef, useState } from 'react';
import { FramescopeError } from '../../../../shared/api/errors';
import { describeError } from '../../actions/error-text';

export interface Action<A extends unknown[]> {
  run(...args: A): Promise<boolean>;
  pending: boolean;
  error: string | null;
  setError(error: string | null): void;
}

/** An engine failure as its sentence in the UI language plus the engine's words; a local refusal (a parse error) as its own words. */
export function errorText(err: unknown): string {
  if (!(err instanceof FramescopeError)) return err instanceof Error ? err.message : String(err);
  const { sentence, detail } = describeError(err);
  return detail ? `${sentence} ${detail}` : sentence;
}

export function useAction<A extends unknown[]>(call: (...args: A) => Promise<void>): Action<A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const latest = useRef(call);
  latest.current = call;
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      await latest.current(...args);
      return true;
    } catch (err) {
      if (alive.current) setError(errorText(err));
      return false;
    } finally {
      if (alive.current) setPending(false);
    }
  }, []);

  return { run, pending, error, setError };
}
