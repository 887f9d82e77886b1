// The nine lessons: pick one to start it; its steps then appear in the lesson panel beside
// whichever view shows the idea.
import { useTranslation } from 'react-i18next';
import { LESSONS, visibleSteps } from '../../../../shared/lessons/lessons';
import { usePresenterStore } from '../../presenter/presenter-store';
import { useLessonStore } from './lesson-store';
import { lessonText } from './lesson-text';
import { RichText } from './RichText';
import './lessons.css';

export function LessonsView() {
  const { t } = useTranslation('lessons');
  const passed = useLessonStore((s) => s.passed);
  const demoKinds = useLessonStore((s) => s.demoKinds);
  const active = useLessonStore((s) => s.lessonId);
  const start = useLessonStore((s) => s.start);
  const setPresenting = usePresenterStore((s) => s.setOn);
  const titles = LESSONS.map((l) => lessonText(t, l.id, 'title'));

  return (
    <div className="lessons-view" data-testid="lessons">
      <header className="lessons-head">
        <div>
          <h1>{t('view.title')}</h1>
          <p className="lessons-intro">{t('view.intro')}</p>
        </div>
        <button className="button" data-testid="presenter-toggle" onClick={() => setPresenting(true)}>
          {t('view.present')}
        </button>
      </header>
      <ol className="lessons-grid" aria-label={t('view.list')}>
        {LESSONS.map((lesson, i) => {
          const steps = visibleSteps(lesson, demoKinds);
          const done = steps.filter((s) => passed.has(`${lesson.id}/${s.id}`)).length;
          return (
            <li key={lesson.id} className={active === lesson.id ? 'lesson-card active' : 'lesson-card'} data-testid={`lesson-card-${lesson.id}`}>
              <span className="lesson-kicker">{t('view.number', { n: i + 1 })}</span>
              <h2>{titles[i]}</h2>
              <p>
                <RichText text={lessonText(t, lesson.id, 'summary')} />
              </p>
              <div className="lesson-card-foot">
                <span className="lesson-muted">
                  {t('view.steps', { count: steps.length })}
                  {done > 0 ? ` · ${t('view.done', { count: done })}` : ''}
                </span>
                <button className="button primary" data-testid={`lesson-start-${lesson.id}`} onClick={() => start(lesson.id)}>
                  {done > 0 ? t('view.restart') : t('view.start')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
