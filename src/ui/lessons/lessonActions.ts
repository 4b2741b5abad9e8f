/** Opening and closing a lesson: the view flags, the lesson's experiment, and the link. */
import { lessonExperiment, lessonView } from '../../config/lessonLink';
import { lessonHeadById } from '../../config/lessonHeads';
import { pageSession } from '../../store/pageSession';
import { useViewStore } from '../../store/viewStore';

/**
 * Shows the lesson, opens the gradient view and step its text talks about, and loads its link's
 * experiment; the session starts every run from step 0. Also the way back to a lesson that was
 * left.
 */
export function openLesson(id: string): void {
  const lesson = lessonHeadById(id);
  if (lesson === undefined) return;
  const view = lessonView(lesson);
  // A lesson about seed bands opens them in place of the regime map.
  useViewStore.setState({
    lesson: lesson.id,
    ...view,
    ...(view.seeds !== null && { sweep: null }),
  });
  void pageSession()?.openLesson(lessonExperiment(lesson));
}

/** Hides the lesson text; the experiment stays as it is (linkSync rewrites the hash). */
export function closeLesson(): void {
  useViewStore.setState({ lesson: null });
}
