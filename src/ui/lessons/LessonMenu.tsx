import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';
import { closeLesson, openLesson } from './lessonActions';
import { lessonOptions, menuValue } from './lessonChoice';

/**
 * The run bar's "Lessons" select: picking a lesson loads its link and shows its text; the
 * first entry closes the lesson. A native select, so it works with the keyboard and is named
 * by its label.
 */
export function LessonMenu() {
  const lesson = useViewStore((s) => s.lesson);
  return (
    <label className="lesson-menu">
      {t('lessons.menu')}{' '}
      <select
        value={menuValue(lesson)}
        onChange={(event) => {
          const id = event.currentTarget.value;
          if (id === '') closeLesson();
          else openLesson(id);
        }}
      >
        <option value="">{t('lessons.choose')}</option>
        {lessonOptions().map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
