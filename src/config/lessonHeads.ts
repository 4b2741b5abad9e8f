/**
 * Every lesson's id, title and link, in teaching order: what the page needs before a lesson's
 * text is shown (the Lessons menu, the orientation's first lesson, the `lesson` link key's
 * check, whether the page still shows a lesson's experiment). The texts and their checks are
 * in lessons.ts, which the page loads when the lesson panel opens. Pure data: no tfjs, no React.
 */

export interface LessonHead {
  id: string;
  title: string;
  /**
   * A '#...' share-link hash: the experiment's keys that matter (missing keys take their
   * defaults), its variants, and the view keys `view` and `at` where the text needs them.
   */
  link: string;
}

/** The base of the step-size lessons: sine regression, 10 hidden layers of 16, tanh + Xavier. */
const DIVERGING = '#data=sine&layers=16x10&act=tanh&init=glorotNormal&lr=0.5';

/**
 * Runs a: plain tanh RNN, b: LSTM with the usual forget bias, c: LSTM with its gate open.
 * Measured at step 1 (cpu and wasm alike), ||dL/dh_1|| / ||dL/dh_T||: a 7.6e-4, b 9.9e-5,
 * c 18; the bounds leave a factor of 13 or more. C's first gradient has a global norm of 159,
 * and after that unclipped update its ratio is 6.3e-4 at step 2 (3e-3 at step 60).
 */
const THROUGH_TIME = '#model=rnn&T=100&at=1&b.cell=lstm&c.cell=lstm&c.fbias=3';

/**
 * A tanh RNN with every singular value of W_h at 2, and the same run clipped. Measured: ratio
 * 237 at step 1; A halts at step 39 on cpu and 43 on wasm (training is chaotic past step 10,
 * so the bound is 100); B's ratio at step 60 is 74 on cpu and 164 on wasm, its loss falls
 * from 2.0 (first 6 steps) to 0.9 on cpu, 1.5 on wasm (last 6).
 */
const GAIN_TWO = '#model=rnn&T=30&rinit=orthogonal:2&b.clip=globalNorm:1';

/** Every lesson, in the menu's order: the feed-forward ones, then the recurrent ones. */
export const LESSON_HEADS: readonly LessonHead[] = [
  {
    id: 'xavier-tanh-stable',
    title: 'Start here: Xavier + tanh stays stable',
    link: '#data=circles&layers=32x20&act=tanh&init=glorotNormal',
  },
  {
    id: 'too-large-init',
    title: 'Too-large initialization explodes',
    link: '#data=circles&layers=32x20&act=relu&init=normal:1&view=signal&at=1',
  },
  {
    id: 'he-relu-stable',
    title: 'He + ReLU stays stable',
    link: '#data=circles&layers=32x20&act=relu&init=heNormal&lr=0.02&view=signal',
  },
  {
    id: 'sigmoid-vanishes',
    title: 'A deep sigmoid network vanishes',
    link: '#data=circles&layers=32x20&act=sigmoid&init=glorotNormal',
  },
  {
    id: 'small-init-vanishes',
    title: 'Too-small initialization vanishes',
    link: '#data=circles&layers=32x20&act=tanh&init=normal:0.05',
  },
  { id: 'lr-too-large', title: 'A too-large learning rate diverges', link: DIVERGING },
  {
    id: 'clip-global-norm',
    title: 'Global-norm clipping rescues a diverging run',
    link: `${DIVERGING}&b.clip=globalNorm:1&view=clipped`,
  },
  {
    id: 'gradient-scaling',
    title: 'Gradient scaling is a smaller step in disguise',
    link: `${DIVERGING}&b.gscale=0.1&c.lr=0.05`,
  },
  {
    id: 'max-norm',
    title: 'A max-norm constraint caps the weights',
    link: `${DIVERGING}&bias=0&maxnorm=0.5`,
  },
  {
    id: 'l2-and-pruning',
    title: 'L2 and pruning do not shorten the step',
    link: `${DIVERGING}&l2=0.01&prune=0.01`,
  },
  {
    id: 'narrow-relu-seed-bands',
    title: 'Narrow ReLU nets: the seed matters',
    link: '#layers=8x12&act=relu&init=heNormal&view=signal&b.layers=32x12&seeds=16',
  },
  {
    id: 'rnn-vanishes-lstm-forget-gate',
    title: 'Through time: a plain RNN forgets, an LSTM only with its forget gate open',
    link: THROUGH_TIME,
  },
  {
    id: 'rnn-gain-explodes-clip',
    title: 'Through time: recurrent gain 2 explodes, norm clipping rescues it',
    link: GAIN_TWO,
  },
];

const HEAD_BY_ID = new Map(LESSON_HEADS.map((head) => [head.id, head]));

/** The lesson with this id, or undefined. */
export function lessonHeadById(id: string): LessonHead | undefined {
  return HEAD_BY_ID.get(id);
}

/** The lesson a first visit is pointed to: the first in teaching order. */
export const START_LESSON: LessonHead = LESSON_HEADS[0]!;

/** The lesson a first visit to a recurrent link is pointed to: the first through time. */
export const START_RECURRENT_LESSON: LessonHead = lessonHeadById('rnn-vanishes-lstm-forget-gate')!;

/** The lessons before and after the one with this id in `lessons` (null at either end). */
export function neighboursIn<T extends { id: string }>(
  lessons: readonly T[],
  id: string,
): { previous: T | null; next: T | null } {
  const at = lessons.findIndex((lesson) => lesson.id === id);
  if (at < 0) return { previous: null, next: null };
  return { previous: lessons[at - 1] ?? null, next: lessons[at + 1] ?? null };
}

/** The lessons before and after this one in teaching order (null at either end). */
export function lessonHeadNeighbours(id: string): {
  previous: LessonHead | null;
  next: LessonHead | null;
} {
  return neighboursIn(LESSON_HEADS, id);
}
