// Points at the part of the app that shows the step's idea: on entering a step the app switches to
// its view, and the element with the step's data-testid is outlined (data-lesson-target) for as
// long as the step lasts, even when the view re-renders it.
import { useEffect } from 'react';
import type { LessonStep } from '../../../../shared/lessons/lessons';
import { useStore } from '../../store';
import type { ViewName } from '../../store/app-slice';

const ATTR = 'data-lesson-target';
const RECHECK_MS = 400;

function clearTargets(): void {
  for (const el of document.querySelectorAll(`[${ATTR}]`)) el.removeAttribute(ATTR);
}

export function outlineTarget(testid: string | null): Element | null {
  const el = testid ? document.querySelector(`[data-testid="${CSS.escape(testid)}"]`) : null;
  for (const old of document.querySelectorAll(`[${ATTR}]`)) if (old !== el) old.removeAttribute(ATTR);
  el?.setAttribute(ATTR, '');
  return el;
}

/** Switches to the step's view when the step begins. */
export function showStepView(step: LessonStep): void {
  const store = useStore.getState();
  store.setView(step.view as ViewName);
  if (step.inspectorTab) store.setDetailTab(step.inspectorTab);
}

export function useStepTarget(step: LessonStep | null, stepKey: string | null): void {
  useEffect(() => {
    if (!step) return;
    showStepView(step);
    // stepKey, not step: entering the same step again (← then →) shows its view again.
  }, [stepKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const target = step?.target ?? null;
  useEffect(() => {
    if (!target) return clearTargets;
    // The first time the target is on the page (now, or once the view or the traffic draws it), bring it into view.
    let shown = false;
    const point = () => {
      const el = outlineTarget(target);
      if (el && !shown) {
        shown = true;
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    };
    point();
    const timer = setInterval(point, RECHECK_MS);
    return () => {
      clearInterval(timer);
      clearTargets();
    };
  }, [target]);
}
