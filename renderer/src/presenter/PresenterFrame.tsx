// Presenter mode's frame, mounted once by the app: the lesson panel beside the live view, F5 / → /
// ← / Esc, a spotlight ring that follows the pointer, and `<html data-presenter="on">` (with
// `data-lesson-dock="on"` while a panel is shown) for presenter.css to enlarge and simplify the app.
import { useEffect, useRef } from 'react';
import { LessonDock } from '../views/lessons/LessonDock';
import { useLessonStore } from '../views/lessons/lesson-store';
import { isField, presenterCommand } from './presenter-keys';
import { usePresenterStore } from './presenter-store';
import { useMonacoSize } from './use-monaco-size';
import '../views/lessons/lessons.css';
import './presenter.css';

export function PresenterFrame() {
  const on = usePresenterStore((s) => s.on);
  const setOn = usePresenterStore((s) => s.setOn);
  const lessonActive = useLessonStore((s) => s.lessonId !== null);
  const docked = on || lessonActive;
  useMonacoSize(on);

  useEffect(() => {
    const html = document.documentElement;
    if (on) html.dataset.presenter = 'on';
    else delete html.dataset.presenter;
    if (docked) html.dataset.lessonDock = 'on';
    else delete html.dataset.lessonDock;
  }, [on, docked]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const presenting = usePresenterStore.getState().on;
      const command = presenterCommand({ key: e.key, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, inField: isField(e.target) }, presenting);
      if (command === null) return;
      e.preventDefault();
      e.stopPropagation();
      if (command === 'toggle') usePresenterStore.getState().toggle();
      else if (command === 'exit') usePresenterStore.getState().setOn(false);
      else useLessonStore.getState().go(command === 'next' ? 1 : -1);
    };
    // Capture phase: the views' own arrow-key handlers (the frame table) must not see these first.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <>
      {docked && <LessonDock presenting={on} onExitPresenter={() => setOn(false)} />}
      {on && <Spotlight />}
    </>
  );
}

/** A ring that follows the pointer, so the back row sees what the teacher points at. */
function Spotlight() {
  const ring = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const move = (e: PointerEvent) => {
      const el = ring.current;
      if (!el) return;
      el.style.transform = `translate(${e.clientX}px, ${e.clientY}px)`;
      el.style.opacity = '1';
    };
    window.addEventListener('pointermove', move, { passive: true });
    return () => window.removeEventListener('pointermove', move);
  }, []);
  return <div ref={ring} className="presenter-spotlight" data-testid="presenter-spotlight" aria-hidden="true" />;
}
