/** What the Lessons menu offers and which lesson the panel shows, as pure functions. */
import { LESSON_HEADS, lessonHeadById, type LessonHead } from '../../config/lessonHeads';
import { lessonTitle } from '../i18n/lessonTexts';

export interface LessonOption {
  value: string;
  label: string;
}

/** The menu's entries: every lesson by its title in the language shown, in the curated order. */
export function lessonOptions(lessons: readonly LessonHead[] = LESSON_HEADS): LessonOption[] {
  return lessons.map((lesson) => ({ value: lesson.id, label: lessonTitle(lesson) }));
}

/**
 * The lesson whose text the panel shows: none in embed mode (a slide shows the charts), and
 * none for an id that names no lesson (a hand-edited or outdated link).
 */
export function lessonToShow(id: string | null, embedded: boolean): LessonHead | undefined {
  if (embedded || id === null) return undefined;
  return lessonHeadById(id);
}

/** The menu's selected value: the open lesson's id, or '' (the "choose" entry) for none. */
export function menuValue(id: string | null): string {
  return id !== null && lessonHeadById(id) !== undefined ? id : '';
}
