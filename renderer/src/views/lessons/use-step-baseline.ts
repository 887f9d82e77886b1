// Where a step begins in the capture, asked of the engine itself when the step begins (see
// captureBaseline). Until it answers the step has no baseline and its check is not run.
import { useEffect } from 'react';
import { useClient } from '../../api/use-client';
import { captureBaseline, useLessonStore } from './lesson-store';

export function useStepBaseline(): void {
  const client = useClient();
  const epoch = useLessonStore((s) => s.stepEpoch);
  const waiting = useLessonStore((s) => s.lessonId !== null && s.baseline === null);
  const setBaseline = useLessonStore((s) => s.setBaseline);
  useEffect(() => {
    if (!waiting) return;
    client.getStats().then(
      (stats) => setBaseline(epoch, captureBaseline(stats.nextFrameId)),
      // The engine did not answer: the store's own view is the next best thing.
      () => setBaseline(epoch, captureBaseline(0)),
    );
  }, [client, epoch, waiting, setBaseline]);
}
