import { useId } from 'react';
import { isOnLesson } from '../../config/lessonLink';
import { lessonById, lessonNeighbours } from '../../config/lessons';
import { useConfigStore } from '../../store/configStore';
import { useViewStore } from '../../store/viewStore';
import { lessonText, lessonWatchText } from '../i18n/lessonTexts';
import { t } from '../i18n/messages';
import { closeLesson, openLesson } from './lessonActions';
import { lessonToShow } from './lessonChoice';
import './lessons.css';

/**
 * The open lesson's explanation above the charts: title, what happens, what to watch, what to
 * try next, and Previous / Next in teaching order. Once a setting is changed the page no longer
 * shows the lesson's run: the panel says so and offers the way back (Copy link then leaves the
 * lesson out). Lesson text is data rendered as text, never as HTML. Loaded with the lessons'
 * texts when a lesson first opens (LazyLessonPanel.tsx).
 */
export function LessonPanel() {
  const id = useViewStore((s) => s.lesson);
  const embedded = useViewStore((s) => s.embed !== null);
  const base = useConfigStore((s) => s.config);
  const variants = useConfigStore((s) => s.variants);
  const titleId = useId();
  const shown = lessonToShow(id, embedded);
  const lesson = shown && lessonById(shown.id);
  if (lesson === undefined) return null;
  const left = !isOnLesson(lesson, base, variants);
  const { previous, next } = lessonNeighbours(lesson.id);
  const text = lessonText(lesson);
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
          {text.title}
        </h2>
        <nav className="lesson-nav" aria-label={t('lessons.navLabel')}>
          <button
            type="button"
            disabled={previous === null}
            title={previous ? lessonText(previous).title : undefined}
            onClick={() => previous && openLesson(previous.id)}
          >
            {t('lessons.previous')}
          </button>
          <button
            type="button"
            disabled={next === null}
            title={next ? lessonText(next).title : undefined}
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
      <p className="lesson-summary">{text.summary}</p>
      <div className="lesson-steps">
        <p>
          <strong>{t('lessons.watch')}</strong> {lessonWatchText(lesson)}
        </p>
        <p>
          <strong>{t('lessons.tryNext')}</strong> {text.tryNext}
        </p>
      </div>
    </section>
  );
}

export default LessonPanel;
