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
} as const;
