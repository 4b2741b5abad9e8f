/**
 * Curated lessons, in teaching order: each is a share link plus a short explanation and what
 * the screen shows, stated as observations, each bound to a check on the runs of its link
 * (config/lessonChecks.ts). Pure data: no tfjs, no React. Each lesson's id, title and link are
 * in lessonHeads.ts, which the page needs at once; this module, the texts, loads with the lesson
 * panel (ui/lessons/LazyLessonPanel.tsx).
 *
 * Links are hashes a teacher can read and edit: only the keys that matter for the lesson are
 * given, every other key takes its default (see README "Share links"). A link also opens the
 * view its text talks about (`view=signal`, `at=1`: config/viewKeys.ts), and a comparison lesson
 * holds its runs as variants (`b.clip=globalNorm:1`), which start from A's initial weights and
 * batches, so the change is the only difference on screen. Lessons that belong together share a
 * base so that one key is the only difference between them:
 * - circles, 20 hidden layers of 32: initialization and activation (explode, vanish, stable);
 * - sine regression, 10 hidden layers of 16, tanh + Xavier, lr = 0.5: a too-large step and
 *   the remedies for it.
 *
 * tests/unit/lessons runs each link headless on the tfjs cpu backend and checks every
 * observation on its runs' records; tests/browser/lessons checks them on the page.
 */
import { LESSON_HEADS, neighboursIn, type LessonHead } from './lessonHeads';
import type { Observation } from './lessonChecks';
import { RECURRENT_LESSON_BODIES } from './recurrentLessons';
import { joinWatchText } from './watchText';

/** A lesson: its id, title and link (lessonHeads.ts), and its text bound to its checks. */
export interface Lesson extends LessonHead {
  /** One sentence: what happens. */
  summary: string;
  /** What the screen shows, sentence by sentence, each checked: the Watch text. */
  observations: readonly Observation[];
  /** Why it happens, after the observations (explanation, so no check). */
  why?: string;
  /** The change to make next. */
  tryNext: string;
}

/** What a lesson holds besides its head: its text and checks. */
export type LessonBody = Omit<Lesson, keyof LessonHead>;

/** A lesson's own (English) Watch text. */
export function watchText(lesson: Lesson): string {
  return joinWatchText(
    lesson.observations.map((o) => o.text),
    lesson.why,
  );
}

/**
 * The stable lessons' band: at width 32 and depth 20, finite-width fluctuations of the signal
 * norm around the mean-field prediction are a factor of about 2.4 per standard deviation
 * (log-variance ~ 5L/4n for ReLU), so a factor of 20 either way is ~3.4 standard deviations,
 * and still 10 orders of magnitude tighter than the exploding and vanishing lessons.
 */
const STABLE_BAND = [1 / 20, 20] as const;

/** The feed-forward lessons' texts and checks, by lesson id. */
const FEED_FORWARD_LESSON_BODIES: Readonly<Record<string, LessonBody>> = {
  'xavier-tanh-stable': {
    summary:
      'A healthy deep network, to learn to read the charts: Xavier/Glorot init sets the weight ' +
      'variance to 2/(fan_in + fan_out) = 1/32 here, so tanh layers (slope 1 near zero) neither ' +
      'grow nor shrink the gradient on its way back through 20 layers.',
    observations: [
      {
        text:
          'Gradient chart (log scale, one line per layer, dark at the input and light at the ' +
          'output): at step 1 the 21 lines start in one bundle, every layer within a factor of ' +
          "20 of the output layer's, and no layer is left behind.",
        checks: [{ kind: 'band', quantity: 'gradNorm', band: STABLE_BAND }],
      },
      {
        text: 'Loss chart: over 100 steps the loss goes down, and no value overflows.',
        checks: [
          { kind: 'lossFalls', steps: 100 },
          { kind: 'staysFinite', steps: 100 },
        ],
      },
    ],
    why:
      'Exploding gradients would show as a staircase rising toward the input, vanishing ones ' +
      'as a staircase falling toward it; the next lessons show both.',
    tryNext:
      'Change Activation to sigmoid (act=sigmoid): the run restarts from the same seed and the ' +
      'staircase of "A deep sigmoid network vanishes" appears; or open the next lesson.',
  },
  'too-large-init': {
    summary:
      'With weights drawn at σ = 1 and 32 inputs per unit, each ReLU layer multiplies the ' +
      'backpropagated signal by about σ·√(32/2) = 4, so over 20 layers it grows by many orders ' +
      'of magnitude (theory: 4^20 ≈ 10^12) and the run overflows within a few steps.',
    observations: [
      {
        text:
          'Within 10 steps a value is no longer finite and training stops itself; the lesson ' +
          'opens on the signal view at step 1, so the depth profile still shows that step.',
        checks: [{ kind: 'halts', withinSteps: 10 }],
      },
      {
        text:
          'Depth profile at step 1: the backpropagated signal dL/dz climbs layer by layer ' +
          'toward the input, a staircase of about 4x per layer (between 2.5x and 6x), along ' +
          'the theory line.',
        checks: [{ kind: 'signalStaircase', perLayer: [2.5, 6] }],
      },
    ],
    why:
      'Switch to parameter gradients: they look more even across layers, because each weight ' +
      'gradient is the layer input (which grows toward the output) times the signal (which ' +
      'grows toward the input), but all of them are enormous.',
    tryNext:
      'Set Init to He normal (init=heNormal): the run restarts from the same seed with the ' +
      'lines in one flat bundle. He normal uses σ = √(2/fan_in), which is 0.25 for every layer ' +
      'with 32 inputs.',
  },
  'he-relu-stable': {
    summary:
      'ReLU zeroes about half of its inputs, so He/Kaiming init doubles the weight variance to ' +
      '2/fan_in to make up for it, and the signal neither grows nor shrinks with depth (at ' +
      'lr = 0.02: deep ReLU nets are touchier about the step size than tanh nets).',
    observations: [
      {
        text:
          "Signal view: at step 1 every layer's backward signal is within a factor of 20 of " +
          "the output layer's, one flat bundle over all 20 layers, a little ragged because " +
          'each input switches off a different half of the units.',
        checks: [{ kind: 'band', quantity: 'signalNorm', band: STABLE_BAND }],
      },
      {
        text: 'Loss chart: over 100 steps the loss falls, and no value overflows.',
        checks: [
          { kind: 'lossFalls', steps: 100 },
          { kind: 'staysFinite', steps: 100 },
        ],
      },
    ],
    tryNext:
      'Multiply the init by 2 (gain=2): the run restarts, each layer now scales the signal by ' +
      'about 2, and the bundle tilts into a staircase of 2^20 ≈ 10^6.',
  },
  'sigmoid-vanishes': {
    summary:
      'The slope of the sigmoid is at most 1/4, so even with Xavier weights each layer passes ' +
      'back a quarter of the gradient or less, and the layers near the input hardly learn.',
    observations: [
      {
        text:
          'Gradient chart: the lines fan out into a staircase that falls toward the input; at ' +
          "step 1 and still at step 50 the first layer's gradient (and its signal) is more " +
          "than a million times smaller than the last hidden layer's, and in the heatmap the " +
          'input side stays dark.',
        checks: [
          { kind: 'inputSideBelow', steps: 50, ratioBelow: 1e-6 },
          { kind: 'staysFinite', steps: 50 },
        ],
      },
    ],
    why: 'The network cannot use its depth: its first layers barely change.',
    tryNext:
      'Change Activation to tanh (act=tanh): tanh has slope 1 at zero, and with Xavier init ' +
      'the staircase becomes the flat bundle of the "Start here" lesson.',
  },
  'small-init-vanishes': {
    summary:
      'With σ = 0.05 and 32 inputs per unit, each tanh layer (almost linear for such small ' +
      'inputs) scales the signal by about σ·√32 ≈ 0.28, forward and backward (theory: ' +
      '0.28^19 ≈ 10^-11 over the network).',
    observations: [
      {
        text:
          'Gradient chart: a staircase falling toward the input, like the sigmoid lesson; at ' +
          "step 1 and at step 50 the first layer's gradient is more than a million times " +
          "smaller than the last hidden layer's.",
        checks: [
          { kind: 'inputSideBelow', steps: 50, ratioBelow: 1e-6 },
          { kind: 'staysFinite', steps: 50 },
        ],
      },
    ],
    why:
      'Here the forward activations shrink as well, so the output hardly depends on the input: ' +
      'the weights are small, not the slopes.',
    tryNext:
      'Set Init to Xavier/Glorot normal (init=glorotNormal), which uses ' +
      'σ = √(2/(fan_in + fan_out)) ≈ 0.18 here: the run restarts and the bundle becomes flat.',
  },
  'lr-too-large': {
    summary:
      'The initialization is fine, but at lr = 0.5, ten times the default, each step ' +
      'overshoots further than the last, until the tanh units saturate and the run overflows.',
    observations: [
      {
        text:
          "Gradient chart, step 1: nothing is wrong yet, every layer's gradient is within a " +
          "factor of 20 of the output layer's.",
        checks: [{ kind: 'band', quantity: 'gradNorm', band: STABLE_BAND }],
      },
      {
        text:
          "Within 30 steps every hidden layer's gradient falls to nothing (its line drops off " +
          "the chart and the heatmap turns grey) while the output layer's keeps growing, more " +
          'than 1000-fold.',
        checks: [{ kind: 'hiddenGradientsDie', withinSteps: 30, outputGrowthAbove: 1e3 }],
      },
      {
        text: 'Within 100 steps a value is no longer finite and training stops itself.',
        checks: [{ kind: 'halts', withinSteps: 100 }],
      },
    ],
    why:
      'The overshoots push the tanh units into saturation: in float32, 1 − tanh(z)² rounds to ' +
      '0 once |z| is above about 9, so no gradient passes back through them, and only the ' +
      'output layer still learns, ever harder. The problem is the length of the step, not the ' +
      'depth.',
    tryNext:
      'Set the learning rate back to 0.05 (the run continues with the new rate from where it ' +
      'is; press Reset to start over), or open the next lesson, which compares this run with ' +
      'a clipped one.',
  },
  'clip-global-norm': {
    summary:
      'Two runs from the same weights and batches: A is the diverging lr = 0.5 run, B is the ' +
      'same with global-norm clipping at 1, which multiplies every gradient by 1/G whenever ' +
      'the global norm G exceeds 1, so no update is longer than lr × 1 = 0.5.',
    observations: [
      {
        text:
          'Runs legend: A (no clipping) overflows within 100 steps and is marked halted, its ' +
          'small multiple stops there.',
        checks: [{ kind: 'halts', withinSteps: 100 }],
      },
      {
        text: 'B trains on for all 200 steps without overflow.',
        checks: [{ run: 'b', kind: 'staysFinite', steps: 200 }],
      },
      {
        text:
          "Global-norm overlay, clipped view: B's line never goes above 1, while A's climbs " +
          'until it overflows.',
        checks: [{ run: 'b', kind: 'clippedGlobalNormAtMost', threshold: 1 }],
      },
      {
        text:
          "Switch to the unclipped view: B's own global norm rises above 1 within 20 steps; " +
          'those are the steps clipping cut.',
        checks: [{ run: 'b', kind: 'globalNormAbove', threshold: 1, withinSteps: 20 }],
      },
      {
        text: "Loss overlay: B's loss falls over its 200 steps.",
        checks: [{ run: 'b', kind: 'lossFalls', steps: 200 }],
      },
    ],
    why:
      'Because every layer is scaled by the same factor, the clipped gradient points in the ' +
      'same direction as the full gradient: only the step is shorter.',
    tryNext:
      'Add a run with per-tensor norm clipping (c.clip=tensorNorm:1, or Compare with… in the ' +
      'chart bar): each kernel and each bias is cut back to norm 1 on its own, which changes ' +
      'the balance between layers. Then try by value (clip=value:0.1), which clamps every ' +
      'element to ±0.1 and changes the direction even within a layer.',
  },
  'gradient-scaling': {
    summary:
      'Three runs from the same weights and batches: A diverges at lr = 0.5, B multiplies ' +
      'every gradient by 0.1 before the update, and C instead uses lr = 0.05; with plain SGD ' +
      'B and C make exactly the same update, lr × 0.1 × gradient.',
    observations: [
      {
        text: 'A overflows within 100 steps and is marked halted in the runs legend.',
        checks: [{ kind: 'halts', withinSteps: 100 }],
      },
      {
        text:
          "Small multiples: at step 1 B's gradient lines sit exactly ten times below A's (the " +
          'charts show gradients after scaling),',
        checks: [{ run: 'b', kind: 'gradientsScaled', of: 'a', factor: 0.1, throughStep: 1 }],
      },
      {
        text: "and at every step ten times below C's, which follows the very same weights.",
        checks: [{ run: 'b', kind: 'gradientsScaled', of: 'c', factor: 0.1, throughStep: 200 }],
      },
      {
        text:
          "Loss overlay: B's and C's loss curves lie on top of each other for 200 steps, " +
          'and neither overflows.',
        checks: [
          { run: 'b', kind: 'sameLoss', of: 'c', relTol: 1e-3, steps: 200 },
          { run: 'b', kind: 'staysFinite', steps: 200 },
          { run: 'c', kind: 'staysFinite', steps: 200 },
        ],
      },
    ],
    tryNext:
      'Set the optimizer to Adam (opt=adam&lr=0.01): Adam divides each gradient by its own ' +
      'running size, so a constant scale cancels out almost entirely and B and C part ways. ' +
      'Scaling is a step-size knob, not a clipping method.',
  },
  'max-norm': {
    summary:
      "After every update each unit's incoming weight vector is scaled back to norm 0.5 if it " +
      'is longer, so the weights cannot grow with the overshoot of lr = 0.5.',
    observations: [
      {
        text:
          'Weight-norm chart: from step 2 on each layer sits at or below 0.5 × √(units), a flat ' +
          'line (biases are off in this link, so the chart shows only the capped weights).',
        checks: [{ kind: 'unitNormAtMost', maxNorm: 0.5 }],
      },
      {
        text: 'The run trains 200 steps without overflow and the loss falls.',
        checks: [
          { kind: 'staysFinite', steps: 200 },
          { kind: 'lossFalls', steps: 200 },
        ],
      },
    ],
    why:
      'The cap is below the Xavier init scale, so it also shrinks the signal on its way back ' +
      'through the layers.',
    tryNext:
      'Loosen the cap to 1 (maxnorm=1), then tighten it to 0.3 (maxnorm=0.3), and compare the ' +
      'loss with the input-side gradient lines: a cap has to be tight enough to stop the ' +
      'overshoot and loose enough to let the signal through.',
  },
  'l2-and-pruning': {
    summary:
      'L2 regularization and magnitude pruning act on the weights, not on the step: the L2 ' +
      'term pulls every kernel weight 1% toward zero per update (a factor 1 − 2·lr·l2 = 0.99) ' +
      'and pruning zeroes the weights below 0.01, yet the lr = 0.5 run still diverges.',
    observations: [
      {
        text:
          "Step 1 looks healthy, every layer's gradient within a factor of 20 of the output " +
          "layer's,",
        checks: [{ kind: 'band', quantity: 'gradNorm', band: STABLE_BAND }],
      },
      {
        text:
          'and yet, as in "A too-large learning rate diverges", a value overflows within 100 ' +
          'steps and training stops.',
        checks: [{ kind: 'halts', withinSteps: 100 }],
      },
    ],
    why:
      'The pull toward zero is far weaker than the overshoot, and pruning removes only ' +
      'weights that were small anyway: these tools keep weights small over long training and ' +
      'make networks sparse; they are not a brake for a step that is too long.',
    tryNext:
      'Raise L2 and the prune threshold to 0.1 (l2=0.1&prune=0.1): does the run survive, and ' +
      'if so, does the loss really fall, or have the weights been shrunk and pruned until the ' +
      'network can hardly learn?',
  },
  'narrow-relu-seed-bands': {
    summary:
      'He init keeps the typical ReLU signal flat at any width, but one seed strays further ' +
      'the deeper and narrower the net: 16 seeds of 12 layers of 8 (A) and of 32 (B).',
    observations: [
      {
        text: "Seed bands, signal view: at the input layer A's band is over twice as wide as B's (log scale),",
        checks: [
          {
            kind: 'seedBandWider',
            quantity: 'signalNorm',
            layer: 'input',
            than: 'b',
            thanLayer: 'input',
            factor: 2,
          },
        ],
      },
      {
        text: 'and it widens toward the input: over three times as wide there as at the output.',
        checks: [
          {
            kind: 'seedBandWider',
            quantity: 'signalNorm',
            layer: 'input',
            thanLayer: 'output',
            factor: 3,
          },
        ],
      },
    ],
    tryNext:
      "Make A deeper (layers=8x24): Hanin's β = Σ 1/width doubles and the band widens; or as " +
      'wide as B (layers=32x12): the bands coincide.',
  },
};

const BODIES: Readonly<Record<string, LessonBody>> = {
  ...FEED_FORWARD_LESSON_BODIES,
  ...RECURRENT_LESSON_BODIES,
};

/** Every lesson, in the menu's order (LESSON_HEADS), each with its text and checks. */
export const LESSONS: readonly Lesson[] = LESSON_HEADS.map((head) => {
  const body = BODIES[head.id];
  if (body === undefined) throw new Error(`lesson ${head.id} has no text`);
  return { ...head, ...body };
});

const LESSON_BY_ID = new Map(LESSONS.map((lesson) => [lesson.id, lesson]));

/** The lesson with this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSON_BY_ID.get(id);
}

/** The lesson a first visit is pointed to: the first in teaching order. */
export const START_LESSON: Lesson = LESSONS[0]!;

/** The lessons before and after this one in teaching order (null at either end). */
export function lessonNeighbours(id: string): { previous: Lesson | null; next: Lesson | null } {
  return neighboursIn(LESSONS, id);
}
