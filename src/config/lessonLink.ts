/**
 * A lesson's link read into what the page opens (its experiment and its view), and whether the
 * page still shows that experiment: once the user changes a setting, the page no longer matches
 * the lesson's text, and the lesson is "left". Pure: no tfjs, no React.
 */
import { parseHashParams } from './codec';
import type { LessonHead } from './lessonHeads';
import type { ExperimentConfig } from './schema';
import { decodeExperimentLink, encodeExperimentLink, type VariantSpec } from './variants';
import { readSeedsKey } from './seedsKey';
import { readLinkedView, type LinkedView } from './viewKeys';

export interface LessonExperiment {
  base: ExperimentConfig;
  variants: VariantSpec[];
}

/** The experiment a lesson's link opens, variants included (keys left out take defaults). */
export function lessonExperiment(lesson: LessonHead): LessonExperiment {
  const { base, variants } = decodeExperimentLink(lesson.link);
  return { base, variants };
}

/**
 * The gradient view, step and smoothing a lesson's link opens (the lesson id itself is not in
 * it; a lesson shows the measured lines unless its link asks for smoothing), and the seed
 * bands (`seeds=N`) where its text talks about them (null: the live charts).
 */
export function lessonView(
  lesson: LessonHead,
): Omit<LinkedView, 'lesson'> & { seeds: number | null } {
  const params = parseHashParams(lesson.link);
  const { gradientView, atStep, smoothing } = readLinkedView(params).view;
  return { gradientView, atStep, smoothing, seeds: readSeedsKey(params).seeds };
}

/**
 * Whether the page's experiment is still the lesson's: the same canonical link, variants
 * included. The view (gradient view, step, backend) may change without leaving the lesson.
 */
export function isOnLesson(
  lesson: LessonHead,
  base: ExperimentConfig,
  variants: readonly VariantSpec[],
): boolean {
  const wanted = lessonExperiment(lesson);
  return (
    encodeExperimentLink(base, variants) === encodeExperimentLink(wanted.base, wanted.variants)
  );
}
