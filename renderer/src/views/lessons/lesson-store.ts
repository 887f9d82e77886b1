// Where the student is: the lesson, the step, where the step began in the capture (its baseline:
// a check counts only traffic after it), the steps passed, and the lesson's own client connection.
// Its own small store: lesson progress is nobody else's state.
import { create } from 'zustand';
import { findLesson, visibleSteps, type LessonId, type LessonStep } from '../../../../shared/lessons/lessons';
import type { LessonBaseline } from '../../../../shared/lessons/world';
import { useStore } from '../../store';
import { DEMO_SERVER_KINDS } from '../../../../shared/api/lab-demos';

export interface LessonState {
  lessonId: LessonId | null;
  stepIndex: number;
  baseline: LessonBaseline | null;
  /** `${lessonId}/${stepId}` of every step whose check passed. */
  passed: ReadonlySet<string>;
  /** The built-in client connection the lesson's buttons use. */
  connectionId: number | null;
  /** Demo server kinds the engine offers (the Socket.IO step needs one the lab branch adds). */
  demoKinds: readonly string[];
  busy: boolean;
  error: string | null;
  start(id: LessonId): void;
  /** Moves by one step; past the last step the lesson ends; before the first nothing happens. */
  go(delta: 1 | -1): void;
  leave(): void;
  markPassed(key: string): void;
  setConnection(id: number | null): void;
  setBusy(busy: boolean, error?: string | null): void;
}

/** The capture as it is now: the next step counts only what comes after. */
export function captureBaseline(): LessonBaseline {
  const s = useStore.getState();
  const maxId = (ids: Iterable<number>) => Math.max(0, ...ids);
  return { connectionId: maxId(s.connections.keys()), frameId: s.stats.nextFrameId, exchangeId: maxId(s.exchanges.keys()) };
}

export const useLessonStore = create<LessonState>()((set, get) => ({
  lessonId: null,
  stepIndex: 0,
  baseline: null,
  passed: new Set(),
  connectionId: null,
  demoKinds: DEMO_SERVER_KINDS,
  busy: false,
  error: null,
  start: (lessonId) => set({ lessonId, stepIndex: 0, baseline: captureBaseline(), error: null }),
  go: (delta) => {
    const { lessonId, stepIndex, demoKinds } = get();
    const lesson = lessonId ? findLesson(lessonId) : undefined;
    if (!lesson) return;
    const to = stepIndex + delta;
    if (to < 0) return;
    if (to >= visibleSteps(lesson, demoKinds).length) return set({ lessonId: null, stepIndex: 0, baseline: null, error: null });
    set({ stepIndex: to, baseline: captureBaseline(), error: null });
  },
  leave: () => set({ lessonId: null, stepIndex: 0, baseline: null, error: null }),
  markPassed: (key) => set((s) => (s.passed.has(key) ? {} : { passed: new Set([...s.passed, key]) })),
  setConnection: (connectionId) => set({ connectionId }),
  setBusy: (busy, error = null) => set({ busy, error }),
}));

export interface CurrentStep {
  lessonId: LessonId;
  step: LessonStep;
  index: number;
  count: number;
  key: string;
}

export function currentStep(s: Pick<LessonState, 'lessonId' | 'stepIndex' | 'demoKinds'>): CurrentStep | null {
  const lesson = s.lessonId ? findLesson(s.lessonId) : undefined;
  if (!lesson) return null;
  const steps = visibleSteps(lesson, s.demoKinds);
  const step = steps[s.stepIndex];
  return step ? { lessonId: lesson.id, step, index: s.stepIndex, count: steps.length, key: `${lesson.id}/${step.id}` } : null;
}
