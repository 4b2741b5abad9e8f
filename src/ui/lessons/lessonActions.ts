/** Opening and closing a lesson: the view flag, the lesson's experiment, and the link. */
import { lessonById } from '../../config/lessons';
import { pageSession } from '../../store/pageSession';
import { useViewStore } from '../../store/viewStore';
import { lessonExperiment } from './lessonChoice';

/** Shows the lesson and loads its link's experiment; the session starts it from step 0. */
export function openLesson(id: string): void {
  const lesson = lessonById(id);
  if (lesson === undefined) return;
  useViewStore.setState({ lesson: lesson.id });
  void pageSession()?.openLesson(lessonExperiment(lesson));
}

/** Hides the lesson text; the experiment stays as it is (linkSync rewrites the hash). */
export function closeLesson(): void {
  useViewStore.setState({ lesson: null });
}
