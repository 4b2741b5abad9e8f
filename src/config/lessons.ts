/**
 * Curated lessons: each is a share link plus a short explanation, and a checkable claim about
 * what the run of that link shows. Pure data: no tfjs, no React.
 *
 * Links are hashes a teacher can read and edit: only the keys that matter for the lesson are
 * given, every other key takes its default (see README "Share links"). Lessons that belong
 * together share a base so that one key is the only difference between them:
 * - circles, 20 hidden layers of 32: initialization and activation (explode, vanish, stable);
 * - sine regression, 10 hidden layers of 16, tanh + Xavier, lr = 0.5: a too-large step and
 *   the remedies for it.
 *
 * Every claim is checked by tests/unit/lessons/lessons.test.ts, which runs each link headless
 * on the tfjs cpu backend for the stated number of steps.
 */

/** What the run of a lesson's link must show; the numbers are bounds, not measured values. */
export type LessonExpectation =
  /**
   * The run explodes: a non-finite value (which stops the run) appears within `withinSteps`
   * steps, or the first layer's gradient norm exceeds 1e6 times its step-1 value by then.
   * Also, at step 1 the backward signal of the first layer is more than `signalGrowthAbove`
   * times the output layer's: the explosion grows toward the input.
   */
  | { kind: 'explodes'; withinSteps: number; signalGrowthAbove: number }
  /**
   * The input side gets vanishingly small gradients: at step 1 and at the last of `steps`
   * steps, both the gradient norm and the backward signal of the first layer are below
   * `ratioBelow` times those of the last hidden layer; no non-finite value occurs.
   */
  | { kind: 'vanishes'; steps: number; ratioBelow: number }
  /**
   * Signal propagation is stable: at step 1 every layer's backward signal is within
   * `band` = [lo, hi] times the output layer's; the run stays finite for `steps` steps and the
   * mean loss over the last 10% of steps is below that over the first 10%.
   */
  | { kind: 'stable'; steps: number; band: [number, number] }
  /**
   * A well-initialised run diverges because of its step size: at step 1 every layer's signal
   * is within `startBand` times the output layer's (the init is fine), and yet a non-finite
   * value appears within `withinSteps` steps.
   */
  | { kind: 'diverges'; withinSteps: number; startBand: [number, number] }
  /**
   * A remedy rescues a diverging run: with the remedy the run stays finite for `steps` steps and
   * its loss falls (last 10% of steps below the first 10%), and `invariant` holds; the same
   * link without its gradient controls and regularization (clip none, gscale 1, maxnorm off,
   * prune 0, l1 = l2 = 0) diverges within `withoutRemedyDivergesWithin` steps.
   */
  | {
      kind: 'rescued';
      steps: number;
      withoutRemedyDivergesWithin: number;
      invariant: RemedyInvariant;
    };

/** The property that shows the remedy acting, checked on every step of the rescued run. */
export type RemedyInvariant =
  /** Global-norm clipping at `threshold`: every clipped global norm is at most the threshold,
   * and clipping acted on at least one step. */
  | { kind: 'globalNormAtMost'; threshold: number }
  /** Gradient scaling: the step-1 gradient norms are `factor` times those of the run without
   * the remedy (same weights, same batch), and with plain SGD the losses equal those of the
   * unscaled run at learning rate lr * factor (`lr * factor` given as `equivalentLr`). */
  | { kind: 'gradientsScaledBy'; factor: number; equivalentLr: number }
  /** Max-norm with biases off: from step 2 on (after the first update) every layer's weight norm
   * is at most maxNorm * sqrt(units), since each unit's incoming weights have norm <= maxNorm. */
  | { kind: 'unitNormAtMost'; maxNorm: number };

export interface Lesson {
  id: string;
  title: string;
  /** A '#...' share-link hash: only the keys that matter; missing keys take their defaults. */
  link: string;
  /** One sentence: what happens. */
  summary: string;
  /** What to look at in the charts. */
  watch: string;
  /** The change to make next. */
  tryNext: string;
  expectation: LessonExpectation;
}

/**
 * The stable lessons' band: at width 32 and depth 20, finite-width fluctuations of the signal
 * norm around the mean-field prediction are a factor of about 2.4 per standard deviation
 * (log-variance ~ 5L/4n for ReLU), so a factor of 20 either way is ~3.4 standard deviations,
 * and still 10 orders of magnitude tighter than the exploding and vanishing lessons.
 */
const STABLE_BAND: [number, number] = [1 / 20, 20];

const DIVERGING = '#data=sine&layers=16x10&act=tanh&init=glorotNormal&lr=0.5';

export const LESSONS: readonly Lesson[] = [
  {
    id: 'too-large-init',
    title: 'Too-large initialization explodes',
    link: '#data=circles&layers=32x20&act=relu&init=normal:1',
    summary:
      'With weights drawn at σ = 1 and 32 inputs per unit, each ReLU layer multiplies the ' +
      'backpropagated signal by about σ·√(32/2) = 4, so over 20 layers it grows by many orders ' +
      'of magnitude (theory: 4^20 ≈ 10^12) and the run overflows within a few steps.',
    watch:
      'Switch the gradient chart to the backpropagated signal: at step 1 it climbs layer by ' +
      'layer toward the input, a staircase of about 4x per layer. The parameter gradients look ' +
      'more even across layers, because each weight gradient is the layer input (which grows ' +
      'toward the output) times the signal (which grows toward the input), but all of them are ' +
      'enormous. Within a couple of steps the loss is no longer finite and training stops.',
    tryNext:
      'Set Init to He normal (init=heNormal) and press Reset: the same network starts with ' +
      'the lines in one flat bundle. He normal uses σ = √(2/fan_in), which is 0.25 for every ' +
      'layer with 32 inputs.',
    expectation: { kind: 'explodes', withinSteps: 10, signalGrowthAbove: 1e6 },
  },
  {
    id: 'sigmoid-vanishes',
    title: 'A deep sigmoid network vanishes',
    link: '#data=circles&layers=32x20&act=sigmoid&init=glorotNormal',
    summary:
      'The slope of the sigmoid is at most 1/4, so even with Xavier weights each layer passes ' +
      'back a quarter of the signal or less: the first layer gets a gradient more than a ' +
      'million times smaller than the last hidden layer, and it stays that way while training.',
    watch:
      'Gradient chart: the lines fan out into a staircase that falls toward the input, each ' +
      'step a factor of 4 or more; in the heatmap the input side stays dark for the whole run. ' +
      'The layers near the input barely change, so the network cannot use its depth.',
    tryNext:
      'Change Activation to tanh (act=tanh) and press Reset: tanh has slope 1 at zero, and ' +
      'with Xavier init the staircase becomes a flat bundle (the lesson "Xavier + tanh stays ' +
      'stable").',
    expectation: { kind: 'vanishes', steps: 50, ratioBelow: 1e-6 },
  },
  {
    id: 'small-init-vanishes',
    title: 'Too-small initialization vanishes',
    link: '#data=circles&layers=32x20&act=tanh&init=normal:0.05',
    summary:
      'With σ = 0.05 and 32 inputs per unit, each tanh layer (almost linear for such small ' +
      'inputs) scales the signal by about σ·√32 ≈ 0.28, forward and backward, so after 20 ' +
      'layers the first layer gets a gradient more than a million times smaller than the last ' +
      'hidden layer (theory: 0.28^19 ≈ 10^-11).',
    watch:
      'Gradient chart: a staircase falling toward the input, like the sigmoid lesson, but here ' +
      'the forward activations shrink as well, so the output hardly depends on the input. ' +
      'Compare the weight-norm chart: the weights are small, not the slopes.',
    tryNext:
      'Set Init to Xavier/Glorot normal (init=glorotNormal), which uses ' +
      'σ = √(2/(fan_in + fan_out)) ≈ 0.18 here, and press Reset: the bundle becomes flat.',
    expectation: { kind: 'vanishes', steps: 50, ratioBelow: 1e-6 },
  },
  {
    id: 'xavier-tanh-stable',
    title: 'Xavier + tanh stays stable',
    link: '#data=circles&layers=32x20&act=tanh&init=glorotNormal',
    summary:
      'Xavier/Glorot init sets the weight variance to 2/(fan_in + fan_out) = 1/32 here, so ' +
      'tanh layers (slope 1 near zero) neither grow nor shrink the signal: at step 1 every ' +
      "layer's backward signal is within a factor of 20 of the output layer's, and the loss " +
      'falls without any overflow.',
    watch:
      'Gradient chart: the 21 lines start in one narrow bundle instead of a staircase, and no ' +
      'layer is left behind; the loss curve goes down.',
    tryNext:
      'Change Activation to sigmoid (act=sigmoid) and press Reset to see the staircase of ' +
      '"A deep sigmoid network vanishes" come back; or keep tanh and set Init to normal with ' +
      'σ = 0.05 (init=normal:0.05).',
    expectation: { kind: 'stable', steps: 100, band: STABLE_BAND },
  },
  {
    id: 'he-relu-stable',
    title: 'He + ReLU stays stable',
    link: '#data=circles&layers=32x20&act=relu&init=heNormal&lr=0.02',
    summary:
      'ReLU zeroes about half of its inputs, so He/Kaiming init doubles the weight variance to ' +
      "2/fan_in to make up for it: every layer's backward signal stays within a factor of 20 " +
      "of the output layer's at step 1, and the loss falls steadily (at lr = 0.02; deep ReLU " +
      'nets are touchier about the step size than tanh nets).',
    watch:
      'Gradient chart: one flat bundle of lines over all 20 layers. It is a little more ragged ' +
      'than with tanh, because for each input a different half of the ReLU units is switched ' +
      'off.',
    tryNext:
      'Multiply the init by 2 (gain=2) and press Reset: each layer now scales the signal by ' +
      'about 2, and the bundle tilts into a staircase of 2^20 ≈ 10^6. Or set Init to normal ' +
      'with σ = 1 (init=normal:1) for the lesson "Too-large initialization explodes".',
    expectation: { kind: 'stable', steps: 100, band: STABLE_BAND },
  },
  {
    id: 'lr-too-large',
    title: 'A too-large learning rate diverges',
    link: DIVERGING,
    summary:
      "The initialization is fine (at step 1 every layer's signal is within a factor of 20 " +
      "of the output layer's), but at lr = 0.5, ten times the default, each step overshoots " +
      'the minimum further than the last, and the run overflows within 100 steps.',
    watch:
      'Loss chart: after a few steps the loss starts to climb, soon by orders of magnitude per ' +
      'step, and all gradient lines rise together until a value is no longer finite and ' +
      'training stops. Nothing was wrong at step 1: the problem is the length of the step, not ' +
      'the depth.',
    tryNext:
      'Set the learning rate back to 0.05 and press Reset. Or keep lr = 0.5 and set Clip mode ' +
      'to global norm with Clip threshold 1 (clip=globalNorm:1), then press Reset: the next ' +
      'lesson.',
    expectation: { kind: 'diverges', withinSteps: 100, startBand: STABLE_BAND },
  },
  {
    id: 'clip-global-norm',
    title: 'Global-norm clipping rescues a diverging run',
    link: `${DIVERGING}&clip=globalNorm:1`,
    summary:
      'The same lr = 0.5 run, but whenever the global gradient norm G exceeds 1, every ' +
      'gradient is multiplied by 1/G, so no update is longer than lr × 1 = 0.5: the run stays ' +
      'finite for 200 steps and the loss falls, while without clipping it diverges.',
    watch:
      'Gradient chart, clipped view: the global norm never goes above 1, and the share of ' +
      'clipped steps shows that clipping acts only on the few steps that would have thrown the ' +
      'weights off. Because every layer is scaled by the same factor, the clipped gradient ' +
      'points in the same direction as the full gradient: only the step is shorter.',
    tryNext:
      'Set Clip mode to per-layer norm (clip=layerNorm:1) and press Reset: each layer is cut ' +
      'back to norm 1 on its own, which keeps the direction within each layer but changes the ' +
      'balance between layers (a layer with a large gradient is cut, small ones pass). Then try ' +
      'by value (clip=value:0.1): every element is clamped to ±0.1, which changes the ' +
      'direction even within a layer, because large components are cut and small ones kept. ' +
      'Compare the loss curves and the clipped share.',
    expectation: {
      kind: 'rescued',
      steps: 200,
      withoutRemedyDivergesWithin: 100,
      invariant: { kind: 'globalNormAtMost', threshold: 1 },
    },
  },
  {
    id: 'gradient-scaling',
    title: 'Gradient scaling is a smaller step in disguise',
    link: `${DIVERGING}&gscale=0.1`,
    summary:
      'Multiplying every gradient by 0.1 before the update keeps the lr = 0.5 run from ' +
      'diverging: with plain SGD the update is lr × 0.1 × gradient, exactly the update of ' +
      'lr = 0.05, so this run has the same losses as an unscaled run at lr = 0.05.',
    watch:
      'Gradient chart: at step 1 every line is exactly ten times lower than in "A too-large ' +
      'learning rate diverges" (the charts show gradients after scaling), and the loss falls ' +
      'instead of climbing.',
    tryNext:
      'Set the optimizer to Adam (opt=adam&lr=0.01) and change the gradient scale between 0.1 ' +
      'and 1: Adam divides each gradient by its own running size, so a constant scale cancels ' +
      'out almost entirely. Scaling is a step-size knob, not a clipping method.',
    expectation: {
      kind: 'rescued',
      steps: 200,
      withoutRemedyDivergesWithin: 100,
      invariant: { kind: 'gradientsScaledBy', factor: 0.1, equivalentLr: 0.05 },
    },
  },
  {
    id: 'max-norm',
    title: 'A max-norm constraint caps the weights',
    link: `${DIVERGING}&bias=0&maxnorm=0.5`,
    summary:
      "After every update each unit's incoming weight vector is scaled back to norm 0.5 if it " +
      'is longer, so the weights cannot grow with the overshoot: the lr = 0.5 run stays finite ' +
      'for 200 steps and the loss falls, while without the cap it diverges.',
    watch:
      'Weight-norm chart: from step 2 on each layer sits at or below 0.5 × √(units), a flat ' +
      'line (biases are off in this link so the chart shows only the capped weights). The cap ' +
      'is below the Xavier init scale, so it also shrinks the signal: watch the gradient lines ' +
      'drop after step 1 and the input side stay lower than the output side.',
    tryNext:
      'Loosen the cap to 1 (maxnorm=1), then tighten it to 0.3 (maxnorm=0.3), pressing Reset ' +
      'each time, and compare the loss with the input-side gradient lines: a cap has to be ' +
      'tight enough to stop the overshoot and loose enough to let the signal through.',
    expectation: {
      kind: 'rescued',
      steps: 200,
      withoutRemedyDivergesWithin: 100,
      invariant: { kind: 'unitNormAtMost', maxNorm: 0.5 },
    },
  },
  {
    id: 'l2-and-pruning',
    title: 'L2 and pruning do not shorten the step',
    link: `${DIVERGING}&l2=0.01&prune=0.01`,
    summary:
      'L2 regularization and magnitude pruning act on the weights, not on the step: the L2 ' +
      'term pulls every kernel weight 1% toward zero per update (a factor 1 − 2·lr·l2 = 0.99) ' +
      'and pruning zeroes the weights below 0.01, yet the lr = 0.5 run still diverges within ' +
      '100 steps.',
    watch:
      'The charts look like "A too-large learning rate diverges": the pull toward zero is far ' +
      'weaker than the overshoot, and pruning removes only weights that were small anyway. ' +
      'These tools keep weights small over long training and make networks sparse; they are ' +
      'not a brake for a step that is too long.',
    tryNext:
      'Raise L2 and the prune threshold to 0.1 (l2=0.1&prune=0.1) and press Reset: does the run ' +
      'survive, and if so, does the loss really fall, or have the weights been shrunk and ' +
      'pruned until the network can hardly learn? Then compare with global-norm clipping.',
    expectation: { kind: 'diverges', withinSteps: 100, startBand: STABLE_BAND },
  },
];

const LESSON_BY_ID = new Map(LESSONS.map((lesson) => [lesson.id, lesson]));

/** The lesson with this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSON_BY_ID.get(id);
}
