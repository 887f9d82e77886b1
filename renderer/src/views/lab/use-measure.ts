// One on-demand lab measurement (concurrency, idle cost, compression, the Socket.IO recording):
// a react-query mutation for the run (in flight, failed), its last result kept in the lab slice so
// it outlives its panel. In flight is read from the mutation cache, so a panel unmounted and shown
// again mid-run still shows "measuring" and cannot start a second run.
import { useIsMutating, useMutation } from '@tanstack/react-query';
import { useStore } from '../../store';
import type { LabMeasures } from '../../store/lab-slice';

export interface Measure<T> {
  result: T | null;
  busy: boolean;
  /** The last run's failure, until the next run starts. */
  error: Error | null;
  measure(): void;
}

export function useMeasure<K extends keyof LabMeasures>(kind: K, run: () => Promise<NonNullable<LabMeasures[K]>>): Measure<NonNullable<LabMeasures[K]>> {
  const result = useStore((s) => s.labMeasures[kind]) ?? null;
  const setLabMeasure = useStore((s) => s.setLabMeasure);
  const mutationKey = ['labMeasure', kind];
  const busy = useIsMutating({ mutationKey }) > 0;
  const mutation = useMutation({ mutationKey, mutationFn: run, onSuccess: (value) => setLabMeasure(kind, value) });
  return {
    result: result as NonNullable<LabMeasures[K]> | null,
    busy,
    error: mutation.error,
    measure: () => {
      if (!busy) mutation.mutate();
    },
  };
}
