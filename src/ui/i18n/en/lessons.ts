/**
 * Lessons menu and panel. The lessons' own titles and text are data (config/lessons.ts), shown
 * as text; only the words around them are messages.
 */
export const lessonMessages = {
  'lessons.menu': 'Lessons',
  'lessons.choose': 'Choose a lesson…',
  'lessons.tag': 'Lesson',
  'lessons.watch': 'Watch:',
  'lessons.tryNext': 'Try next:',
  'lessons.close': 'Close',
  'lessons.closeLabel': 'Close lesson',
  'lessons.navLabel': 'Lessons in order',
  'lessons.previous': '← Previous',
  'lessons.next': 'Next →',
  'lessons.left':
    'You changed a setting, so the charts no longer show this lesson’s run and its text may not hold; the link no longer names the lesson.',
  'lessons.backToLesson': 'Back to the lesson',
} as const;
