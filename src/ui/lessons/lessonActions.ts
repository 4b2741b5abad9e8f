/** Opening and closing a lesson: the view flag, the lesson's experiment, and the link. */
import { lessonById } from '../../config/lessons';
import { needsRestart } from '../../config/liveSettings';
import { useConfigStore } from '../../store/configStore';
import { trainingLoop } from '../../store/session';
import { useViewStore } from '../../store/viewStore';
import { lessonConfig } from './lessonChoice';

/**
 * Shows the lesson and loads its link's experiment from step 0. A config that differs only in
 * live settings (learning rate, clipping, ...) would be applied to the run in progress, and an
 * equal one not at all, so those get an explicit reset: a lesson always starts fresh.
 */
export function openLesson(id: string): void {
  const lesson = lessonById(id);
  if (lesson === undefined) return;
  const before = useConfigStore.getState().config;
  const next = lessonConfig(lesson);
  useViewStore.setState({ lesson: lesson.id });
  useConfigStore.getState().loadFromLink(next, []);
  if (!needsRestart(before, next)) void trainingLoop()?.reset();
}

/** Hides the lesson text; the experiment stays as it is (linkSync rewrites the hash). */
export function closeLesson(): void {
  useViewStore.setState({ lesson: null });
}
