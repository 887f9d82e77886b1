// The current step's verdict, re-judged as the capture changes: one query keyed by the step and the
// capture version (collapsed, so a busy capture is read at most one version at a time). Once a step
// passed it stays passed, even if the student scrolls the capture away.
import { useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CHECKS } from '../../../../shared/lessons/lessons';
import { useCollapsedVersion } from '../../api/queries/use-collapsed-version';
import { useClient } from '../../api/use-client';
import { useStore } from '../../store';
import { readLessonWorld } from './lesson-world';
import { useLessonStore, type CurrentStep } from './lesson-store';

export type Verdict = 'pass' | 'waiting';

export function useStepVerdict(current: CurrentStep | null): Verdict {
  const client = useClient();
  const queryClient = useQueryClient();
  const baseline = useLessonStore((s) => s.baseline);
  const passedBefore = useLessonStore((s) => (current ? s.passed.has(current.key) : false));
  const markPassed = useLessonStore((s) => s.markPassed);
  const version = useStore((s) => `v${s.captureVersion}`);
  const scope = current && baseline ? `${current.key}@${baseline.frameId}:${baseline.connectionId}:${baseline.exchangeId}` : 'none';
  const fetching = useIsFetching({ queryKey: ['lessonCheck', scope] }) > 0;
  const asked = useCollapsedVersion(scope, version, fetching);
  const query = useQuery({
    queryKey: ['lessonCheck', scope, asked],
    gcTime: 10_000,
    // A read can fail while the capture moves on (a connection cleared); the next version reads again.
    retry: 1,
    retryDelay: 100,
    enabled: current !== null && baseline !== null && !passedBefore,
    queryFn: async () => {
      if (!current || !baseline) return false;
      const world = await readLessonWorld(queryClient, client, useStore.getState(), baseline);
      return CHECKS[current.step.check](world);
    },
  });
  const passed = passedBefore || query.data === true;
  useEffect(() => {
    if (current && query.data === true) markPassed(current.key);
  }, [current, query.data, markPassed]);
  return passed ? 'pass' : 'waiting';
}
