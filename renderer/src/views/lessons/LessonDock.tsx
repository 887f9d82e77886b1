// The current lesson step beside the live view, in every view: what the idea is, the task, the
// buttons that drive the engine, the lesson's client, and the check's verdict on the live capture.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStep, useLessonStore } from './lesson-store';
import { actionText, lessonText, stepText } from './lesson-text';
import { LessonTools } from './LessonTools';
import { RichText } from './RichText';
import { runLessonAction } from './lesson-actions';
import { outlineTarget, showStepView, useStepTarget } from './use-step-target';
import { useStepBaseline } from './use-step-baseline';
import { useStepVerdict } from './use-step-verdict';
import { LESSONS, type LessonId } from '../../../../shared/lessons/lessons';

export function LessonDock({ presenting, onExitPresenter }: { presenting: boolean; onExitPresenter: () => void }) {
  const { t } = useTranslation(['lessons', 'presenter']);
  const lessonId = useLessonStore((s) => s.lessonId);
  const stepIndex = useLessonStore((s) => s.stepIndex);
  const demoKinds = useLessonStore((s) => s.demoKinds);
  const busy = useLessonStore((s) => s.busy);
  const error = useLessonStore((s) => s.error);
  const go = useLessonStore((s) => s.go);
  const leave = useLessonStore((s) => s.leave);
  const start = useLessonStore((s) => s.start);
  const current = useMemo(() => currentStep({ lessonId, stepIndex, demoKinds }), [lessonId, stepIndex, demoKinds]);
  useStepBaseline();
  const verdict = useStepVerdict(current);
  useStepTarget(current?.step ?? null, current ? `${current.key}#${stepIndex}` : null);
  // Each step is read from its top.
  const body = useRef<HTMLDivElement>(null);
  const stepKey = current?.key ?? null;
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [stepKey]);

  if (!current) {
    if (!presenting) return null;
    return (
      <aside className="lesson-dock" data-testid="lesson-dock" aria-label={t('dock.label')}>
        <h2 className="lesson-dock-title">{t('presenter:pick')}</h2>
        <p className="lesson-focus">{t('presenter:noLesson')}</p>
        <ol className="lesson-dock-list">
          {LESSONS.map((l) => (
            <LessonLink key={l.id} lesson={l.id} onStart={() => start(l.id)} />
          ))}
        </ol>
        <button className="button" onClick={onExitPresenter}>
          <RichText text={t('presenter:exit')} />
        </button>
      </aside>
    );
  }

  const { step, lessonId: id } = current;
  const last = current.index === current.count - 1;
  const number = LESSONS.findIndex((l) => l.id === id) + 1;
  const title = lessonText(t, id, 'title');
  const quote = lessonText(t, id, 'quote');
  const quoteNote = lessonText(t, id, 'quoteNote');
  return (
    <aside className="lesson-dock" data-testid="lesson-dock" aria-label={t('dock.label')} data-step={current.key}>
      <div className="lesson-dock-head">
        <span className="lesson-kicker">{t('view.number', { n: number })}</span>
        <h2 className="lesson-dock-title">{title}</h2>
        <span className="lesson-kicker" data-testid="lesson-step-of">
          {t('dock.step', { n: current.index + 1, count: current.count })} · {step.tryIt ? t('dock.tryIt') : t('dock.demo')}
        </span>
      </div>
      <div className="lesson-dock-body" ref={body}>
        <p className="lesson-focus" data-testid="lesson-step-text">
          <RichText text={stepText(t, id, step.id, 'text')} />
        </p>
        <div className="lesson-task">
          <strong>{t('dock.task')}</strong> <RichText text={stepText(t, id, step.id, 'task')} />
        </div>
        {step.actions.length > 0 && (
          <div className="lesson-actions">
            {step.actions.map((a) => (
              <button key={a} className="button" data-testid={`lesson-action-${a}`} disabled={busy} onClick={() => void runLessonAction(a)}>
                {actionText(t, a)}
              </button>
            ))}
          </div>
        )}
        <LessonTools tools={step.tools} />
        {busy && <p className="lesson-muted">{t('dock.working')}</p>}
        {error && (
          <p className="lesson-error" role="alert">
            {t('dock.error')} {error === 'no-connection' ? t('dock.noConnection') : <span translate="no">{error}</span>}
          </p>
        )}
        <figure className="lesson-quote">
          <blockquote lang="zh-CN" translate="no">
            {quote}
          </blockquote>
          <figcaption>{quoteNote}</figcaption>
        </figure>
      </div>
      <div className={`lesson-verdict lesson-dock-verdict ${verdict}`} data-testid="lesson-verdict" data-verdict={verdict} role="status">
        <strong>{verdict === 'pass' ? t('dock.pass') : t('dock.waiting')}</strong>
        {verdict === 'pass' && (
          <span>
            {' '}
            <RichText text={stepText(t, id, step.id, 'pass')} />
          </span>
        )}
      </div>
      <div className="lesson-dock-nav">
        <button className="button ghost" data-testid="lesson-back" disabled={current.index === 0} onClick={() => go(-1)}>
          {t('dock.back')}
        </button>
        <button
          className="button ghost"
          data-testid="lesson-show"
          onClick={() => {
            showStepView(step);
            requestAnimationFrame(() => outlineTarget(step.target)?.scrollIntoView({ block: 'nearest' }));
          }}
        >
          {t('dock.show')}
        </button>
        <button className="button primary" data-testid="lesson-next" onClick={() => go(1)}>
          {last ? t('dock.finish') : t('dock.next')}
        </button>
      </div>
      <div className="lesson-dock-foot">
        {presenting ? (
          <>
            <span className="lesson-muted">
              <RichText text={t('presenter:keys')} />
            </span>
            <button className="link-button" data-testid="presenter-exit" onClick={onExitPresenter}>
              <RichText text={t('presenter:exit')} />
            </button>
          </>
        ) : (
          <button className="link-button" data-testid="lesson-leave" onClick={leave}>
            {t('dock.leave')}
          </button>
        )}
      </div>
    </aside>
  );
}

function LessonLink({ lesson, onStart }: { lesson: LessonId; onStart: () => void }) {
  const { t } = useTranslation('lessons');
  const title = lessonText(t, lesson, 'title');
  return (
    <li>
      <button className="link-button" onClick={onStart}>
        {title}
      </button>
    </li>
  );
}
