import { useId } from 'react';
import { watchText } from '../../config/lessons';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';
import { closeLesson } from './lessonActions';
import { lessonToShow } from './lessonChoice';
import './lessons.css';

/**
 * The open lesson's explanation above the charts: title, what happens, what to watch, what to
 * try next. Lesson text is data rendered as text, never as HTML.
 */
export function LessonPanel() {
  const id = useViewStore((s) => s.lesson);
  const embedded = useViewStore((s) => s.embed !== null);
  const titleId = useId();
  const lesson = lessonToShow(id, embedded);
  if (lesson === undefined) return null;
  return (
    <section className="lesson-panel" aria-labelledby={titleId} data-testid="lesson-panel">
      <div className="lesson-head">
        <span className="lesson-tag">{t('lessons.tag')}</span>
        <h2 id={titleId} className="lesson-title">
          {lesson.title}
        </h2>
        <button
          type="button"
          className="lesson-close"
          aria-label={t('lessons.closeLabel')}
          onClick={closeLesson}
        >
          {t('lessons.close')}
        </button>
      </div>
      <p className="lesson-summary">{lesson.summary}</p>
      <div className="lesson-steps">
        <p>
          <strong>{t('lessons.watch')}</strong> {watchText(lesson)}
        </p>
        <p>
          <strong>{t('lessons.tryNext')}</strong> {lesson.tryNext}
        </p>
      </div>
    </section>
  );
}
