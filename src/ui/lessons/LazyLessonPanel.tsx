import { lazy, Suspense } from 'react';
import { useViewStore } from '../../store/viewStore';
import { lessonToShow } from './lessonChoice';

/**
 * The lesson panel, loaded with the lessons' texts and checks (config/lessons.ts) the first
 * time a lesson opens: most visits open none, and the texts weigh more than the rest of the
 * panel. The panel appears whole once they have arrived.
 */
const LessonPanel = lazy(() => import('./LessonPanel'));

/** The open lesson's panel, or nothing when no lesson is open (or in embed mode). */
export function LazyLessonPanel() {
  const id = useViewStore((s) => s.lesson);
  const embedded = useViewStore((s) => s.embed !== null);
  if (lessonToShow(id, embedded) === undefined) return null;
  return (
    <Suspense fallback={null}>
      <LessonPanel />
    </Suspense>
  );
}
