// Lesson words are looked up by lesson and step id (data in shared/lessons/lessons.ts); the typed
// `t` cannot see keys built at run time, so this is the one place that builds them.
import type { LessonActionId, LessonId } from '../../../../shared/lessons/lessons';

type Lookup = (key: string) => string;

export type StepField = 'text' | 'task' | 'pass';
export type LessonField = 'title' | 'summary' | 'quote' | 'quoteNote';

export function lessonText(t: unknown, lesson: LessonId, field: LessonField): string {
  return (t as unknown as Lookup)(`${lesson}.${field}`);
}

export function stepText(t: unknown, lesson: LessonId, step: string, field: StepField): string {
  return (t as unknown as Lookup)(`${lesson}.steps.${step}.${field}`);
}

export function actionText(t: unknown, action: LessonActionId): string {
  return (t as unknown as Lookup)(`actions.${action}`);
}
