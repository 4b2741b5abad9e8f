import { describe, expect, it } from 'vitest';
import { decodeExperimentLink } from '../../../src/config/variants';
import { LESSONS } from '../../../src/config/lessons';
import { lessonExperiment } from '../../../src/config/lessonLink';
import { isValidConfig } from '../../../src/config/validate';
import { lessonMessages } from '../../../src/ui/i18n/en/lessons';
import { t } from '../../../src/ui/i18n/messages';
import { lessonOptions, lessonToShow, menuValue } from '../../../src/ui/lessons/lessonChoice';

const FIRST = LESSONS[0]!;

describe('lessons menu', () => {
  it('lists every lesson by title, in the curated order', () => {
    expect(lessonOptions()).toEqual(LESSONS.map((l) => ({ value: l.id, label: l.title })));
    expect(new Set(lessonOptions().map((o) => o.value)).size).toBe(LESSONS.length);
  });

  it('selects the open lesson, and the "choose" entry for none or an unknown id', () => {
    expect(menuValue(FIRST.id)).toBe(FIRST.id);
    expect(menuValue(null)).toBe('');
    expect(menuValue('no-such-lesson')).toBe('');
  });

  it('is labelled "Lessons"; every lessons message is named and non-empty', () => {
    expect(t('lessons.menu')).toBe('Lessons');
    for (const [key, text] of Object.entries(lessonMessages)) {
      expect(key.startsWith('lessons.')).toBe(true);
      expect(text.trim()).not.toBe('');
    }
  });
});

describe('lesson panel', () => {
  it('shows the lesson a link names', () => {
    expect(lessonToShow(FIRST.id, false)?.id).toBe(FIRST.id);
  });

  it('shows nothing for no id or an id that names no lesson', () => {
    expect(lessonToShow(null, false)).toBeUndefined();
    expect(lessonToShow('no-such-lesson', false)).toBeUndefined();
  });

  it('shows nothing in embed mode', () => {
    expect(lessonToShow(FIRST.id, true)).toBeUndefined();
  });
});

describe('opening a lesson', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))(
    'loads the valid experiment of the link of %s, with nothing to repair',
    (_id, lesson) => {
      expect(decodeExperimentLink(lesson.link).repairs).toEqual([]);
      const experiment = lessonExperiment(lesson);
      expect(isValidConfig(experiment.base)).toBe(true);
    },
  );
});
