import { lazy, Suspense, useId } from 'react';
import { isOnLesson } from '../../config/lessonLink';
import { lessonHeadNeighbours } from '../../config/lessonHeads';
import { useConfigStore } from '../../store/configStore';
import { useViewStore } from '../../store/viewStore';
import { lessonTitle } from '../i18n/lessonTexts';
import { t } from '../i18n/messages';
import { closeLesson, openLesson } from './lessonActions';
import { lessonToShow } from './lessonChoice';
import './lessons.css';

/**
 * The open lesson's explanation above the charts: title, what happens, what to watch, what to
 * try next, and Previous / Next in teaching order. Once a setting is changed the page no longer
 * shows the lesson's run: the panel says so and offers the way back (Copy link then leaves the
 * lesson out). Lesson text is data rendered as text, never as HTML.
 */
/**
 * The lesson's own text, loaded the first time a lesson opens: most visits open none, and the
 * lessons' texts and checks (config/lessons.ts) weigh more than the panel around them.
 */
const LessonText = lazy(() => import('./LessonText'));

export function LessonPanel() {
  const id = useViewStore((s) => s.lesson);
  const embedded = useViewStore((s) => s.embed !== null);
  const base = useConfigStore((s) => s.config);
  const variants = useConfigStore((s) => s.variants);
  const titleId = useId();
  const lesson = lessonToShow(id, embedded);
  if (lesson === undefined) return null;
  const left = !isOnLesson(lesson, base, variants);
  const { previous, next } = lessonHeadNeighbours(lesson.id);
  return (
    <section
      className={left ? 'lesson-panel lesson-left' : 'lesson-panel'}
      aria-labelledby={titleId}
      data-testid="lesson-panel"
      data-left={left ? '1' : undefined}
    >
      <div className="lesson-head">
        <span className="lesson-tag">{t('lessons.tag')}</span>
        <h2 id={titleId} className="lesson-title">
          {lessonTitle(lesson)}
        </h2>
        <nav className="lesson-nav" aria-label={t('lessons.navLabel')}>
          <button
            type="button"
            disabled={previous === null}
            title={previous ? lessonTitle(previous) : undefined}
            onClick={() => previous && openLesson(previous.id)}
          >
            {t('lessons.previous')}
          </button>
          <button
            type="button"
            disabled={next === null}
            title={next ? lessonTitle(next) : undefined}
            onClick={() => next && openLesson(next.id)}
          >
            {t('lessons.next')}
          </button>
        </nav>
        <button
          type="button"
          className="lesson-close"
          aria-label={t('lessons.closeLabel')}
          onClick={closeLesson}
        >
          {t('lessons.close')}
        </button>
      </div>
      {left && (
        <p className="lesson-left-note" role="status" data-testid="lesson-left">
          {t('lessons.left')}{' '}
          <button type="button" className="link-button" onClick={() => openLesson(lesson.id)}>
            {t('lessons.backToLesson')}
          </button>
        </p>
      )}
      <Suspense fallback={null}>
        <LessonText id={lesson.id} />
      </Suspense>
    </section>
  );
}
