/**
 * The words of a lesson in the language shown. A lesson's English text is written beside its
 * checks in config/lessons.ts, because each sentence of what the screen shows is bound to a
 * check there; a translation is text only, keyed by lesson id, with one sentence per
 * observation in the same order, so the checks stay one copy and a translated lesson still
 * promises what its checks hold (tests/unit/i18n checks that every lesson has one).
 */
import type { LessonHead } from '../../config/lessonHeads';
import type { Lesson } from '../../config/lessons';
import { joinWatchText } from '../../config/watchText';

export interface LessonText {
  title: string;
  summary: string;
  /** One sentence per observation of the lesson, in its order. */
  observations: readonly string[];
  why?: string;
  tryNext: string;
}

/** Translated lesson texts by lesson id. */
export type LessonTexts = Readonly<Record<string, LessonText>>;

interface Translation {
  texts: LessonTexts;
  /** What joins the Watch sentences: '' where the full stop ends a sentence (Chinese). */
  gap: string;
}

let translation: Translation | null = null;

/** Shows lessons in a translation from now on; null for their own English text. */
export function setLessonTexts(next: Translation | null): void {
  translation = next;
}

/**
 * The lesson's title in the language shown: the menu and the panel's head need it before the
 * lesson's own text (config/lessons.ts) is loaded.
 */
export function lessonTitle(lesson: LessonHead): string {
  return translation?.texts[lesson.id]?.title ?? lesson.title;
}

/** The lesson's text in the language shown (English where a translation lacks it). */
export function lessonText(lesson: Lesson): LessonText {
  const translated = translation?.texts[lesson.id];
  if (translated) return translated;
  return {
    title: lesson.title,
    summary: lesson.summary,
    observations: lesson.observations.map((o) => o.text),
    why: lesson.why,
    tryNext: lesson.tryNext,
  };
}

/** The lesson's Watch text in the language shown: its observations, then why. */
export function lessonWatchText(lesson: Lesson): string {
  const text = lessonText(lesson);
  const gap = translation?.texts[lesson.id] ? translation.gap : ' ';
  return joinWatchText(text.observations, text.why, gap);
}
