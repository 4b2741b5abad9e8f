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
  'lessons.orientation.label': 'What this page shows',
  'lessons.orientation.what':
    'Gradscope trains a real deep network in your browser and shows how large each layer’s gradient is as it learns.',
  'lessons.orientation.lines':
    'In the gradient chart each line is one layer, dark at the input and light at the output, on a log scale: lines in one flat bundle mean every layer learns at a similar pace.',
  'lessons.orientation.patterns':
    'Exploding gradients climb toward the input, layer by layer, until a value overflows and training stops itself; vanishing gradients fall toward the input in a staircase, so the first layers barely learn. Press Play to train this network, or let a lesson show you each case.',
  'lessons.orientation.start': '{title}',
  'lessons.orientation.dismiss': 'Got it',
  'lessons.navLabel': 'Lessons in order',
  'lessons.previous': '← Previous',
  'lessons.next': 'Next →',
  'lessons.left':
    'You changed a setting, so the charts no longer show this lesson’s run and its text may not hold; the link no longer names the lesson.',
  'lessons.backToLesson': 'Back to the lesson',
} as const;
