import { useState } from 'react';
import { START_LESSON, START_RECURRENT_LESSON } from '../../config/lessonHeads';
import { useConfigStore } from '../../store/configStore';
import { useViewStore } from '../../store/viewStore';
import { lessonTitle } from '../i18n/lessonTexts';
import { t } from '../i18n/messages';
import { openLesson } from './lessonActions';

/** Where the page remembers that the orientation was dismissed. */
const DISMISSED_KEY = 'gradscope.orientation.dismissed';

function wasDismissed(): boolean {
  try {
    return window.localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false; // storage blocked: show it, and dismissing hides it for this visit
  }
}

function rememberDismissed(): void {
  try {
    window.localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // storage blocked: nothing to remember it in
  }
}

/**
 * A first visit's orientation above the charts: what the page is, what the lines mean, what
 * exploding and vanishing look like, and the first lesson; worded for the network the link
 * opens (layers, or a recurrent network's weight tensors and time steps). Dismissed once,
 * remembered; never in embed mode or while a lesson's own text is open.
 */
export function Orientation() {
  const embedded = useViewStore((s) => s.embed !== null);
  const lesson = useViewStore((s) => s.lesson);
  const recurrent = useConfigStore((s) => s.config.model.kind === 'rnn');
  const words = recurrent ? 'recurrent.orientation' : 'lessons.orientation';
  // A recurrent link's first lesson is the first one through time, not the feed-forward start.
  const start = recurrent ? START_RECURRENT_LESSON : START_LESSON;
  const [dismissed, setDismissed] = useState(wasDismissed);
  if (dismissed || embedded || lesson !== null) return null;
  const dismiss = () => {
    rememberDismissed();
    setDismissed(true);
  };
  return (
    <section
      className="lesson-panel orientation"
      data-testid="orientation"
      aria-label={t('lessons.orientation.label')}
    >
      <p className="lesson-summary">
        <strong>{t(`${words}.what`)}</strong> {t(`${words}.lines`)}
      </p>
      <p className="lesson-summary">{t(`${words}.patterns`)}</p>
      <div className="orientation-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            dismiss();
            openLesson(start.id);
          }}
        >
          {t('lessons.orientation.start', { title: lessonTitle(start) })}
        </button>
        <button type="button" onClick={dismiss}>
          {t('lessons.orientation.dismiss')}
        </button>
      </div>
    </section>
  );
}
