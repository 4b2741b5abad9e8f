import { lessonById } from '../../config/lessons';
import { lessonText, lessonWatchText } from '../i18n/lessonTexts';
import { t } from '../i18n/messages';

/** The open lesson's text in the lesson panel: what happens, what to watch, what to try next. */
export function LessonText({ id }: { id: string }) {
  const lesson = lessonById(id);
  if (lesson === undefined) return null;
  const text = lessonText(lesson);
  return (
    <>
      <p className="lesson-summary">{text.summary}</p>
      <div className="lesson-steps">
        <p>
          <strong>{t('lessons.watch')}</strong> {lessonWatchText(lesson)}
        </p>
        <p>
          <strong>{t('lessons.tryNext')}</strong> {text.tryNext}
        </p>
      </div>
    </>
  );
}

export default LessonText;
