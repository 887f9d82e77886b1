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
  /** Null from the moment a step begins until the engine said where its capture stands (use-step-baseline.ts). */
  baseline: LessonBaseline | null;
  /** Bumped each time a step begins: a baseline read for an earlier step is dropped. */
  stepEpoch: number;
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
  /** The baseline of the step begun at `epoch` (ignored if another step began since). */
  setBaseline(epoch: number, baseline: LessonBaseline): void;
  setConnection(id: number | null): void;
  setBusy(busy: boolean, error?: string | null): void;
}

/**
 * The capture as it is now: the next step counts only what comes after. `engineNextFrameId` is the
 * engine's own count, read when the step began: the store hears of frames a few milliseconds after
 * the engine records them, so the previous step's last frames (an echo still arriving) would
 * otherwise count for this one and pass it before the student did anything.
 */
export function captureBaseline(engineNextFrameId: number): LessonBaseline {
  const s = useStore.getState();
  const maxId = (ids: Iterable<number>) => Math.max(0, ...ids);
  return { connectionId: maxId(s.connections.keys()), frameId: Math.max(s.stats.nextFrameId, engineNextFrameId), exchangeId: maxId(s.exchanges.keys()) };
}

export const useLessonStore = create<LessonState>()((set, get) => ({
  lessonId: null,
  stepIndex: 0,
  baseline: null,
  stepEpoch: 0,
  passed: new Set(),
  connectionId: null,
  demoKinds: DEMO_SERVER_KINDS,
  busy: false,
  error: null,
  start: (lessonId) => set((s) => ({ lessonId, stepIndex: 0, baseline: null, stepEpoch: s.stepEpoch + 1, error: null })),
  go: (delta) => {
    const { lessonId, stepIndex, demoKinds } = get();
    const lesson = lessonId ? findLesson(lessonId) : undefined;
    if (!lesson) return;
    const to = stepIndex + delta;
    if (to < 0) return;
    if (to >= visibleSteps(lesson, demoKinds).length) return set({ lessonId: null, stepIndex: 0, baseline: null, error: null });
    set((s) => ({ stepIndex: to, baseline: null, stepEpoch: s.stepEpoch + 1, error: null }));
  },
  leave: () => set({ lessonId: null, stepIndex: 0, baseline: null, error: null }),
  setBaseline: (epoch, baseline) => set((s) => (s.stepEpoch === epoch && s.lessonId !== null ? { baseline } : {})),
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
