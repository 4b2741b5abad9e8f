/**
 * What a lesson says the screen shows, as checks on the runs of its link. Each observation of a
 * lesson (config/lessons.ts) is one sentence of its Watch text and one check here; the unit tests
 * run every lesson's link headless and check every observation on the run records, and the
 * browser tests check them on the page's own history, so a sentence a teacher reads out is true
 * on the screen. Pure functions over plain numbers: no tfjs, no React.
 *
 * Bounds are stated robustly (within N steps, factors rather than exact values) because a
 * diverging run overflows at another step and layer on WebGL than on the cpu backend.
 */
import type { BandQuantity, LayerBand } from './seedBands';
import type { RunLetter } from './variantKeys';

/** One step's measurements, as a run record and the page's history hold them. */
export interface ObservedStep {
  step: number;
  loss: number;
  gradNorm: readonly number[];
  clippedGradNorm: readonly number[];
  signalNorm: readonly number[];
  weightNorm: readonly number[];
  globalNorm: number;
  clippedGlobalNorm: number;
  clipped: boolean;
  /** A recurrent run's backpropagated signal per time step, ||dL/dh_t|| for t = 1..T. */
  timeSignalNorm?: readonly number[];
}

/** A run as the checks see it: its steps, the step a non-finite value halted it, its widths. */
export interface ObservedRun {
  steps: readonly ObservedStep[];
  /** The step of the first non-finite value (the run stops there), or null. */
  haltedAt: number | null;
  /** Units per layer, forward order, output last. */
  units: readonly number[];
  /**
   * The run's seed bands at step 1 (config/seedBands.ts), per quantity, when the lesson's link
   * opens them (`seeds=N`): what the seed-band view draws.
   */
  seedBands?: Partial<Record<BandQuantity, readonly LayerBand[]>>;
}

/** A layer a seed-band check looks at: the first hidden layer or the output layer. */
export type BandLayer = 'input' | 'output';

/** float32 slack for bounds that hold exactly in real arithmetic (clipping, max-norm, scaling). */
export const FLOAT_SLACK = 1e-5;
/** A gradient this many times below its step-1 value is drawn as gone (0 on the log chart). */
export const GONE_FACTOR = 1e-6;

export type ObservationCheck =
  /** A non-finite value stops the run within `withinSteps` steps. */
  | { kind: 'halts'; withinSteps: number }
  /** The run trains `steps` steps without a non-finite value. */
  | { kind: 'staysFinite'; steps: number }
  /** Over `steps` steps, the mean loss of the last 10% is below that of the first 10%. */
  | { kind: 'lossFalls'; steps: number }
  /**
   * At step 1 every layer's `quantity` (gradient norm or backward signal) is within `band`
   * times the output layer's: the lines start in one bundle.
   */
  | { kind: 'band'; quantity: 'gradNorm' | 'signalNorm'; band: readonly [number, number] }
  /**
   * At step 1 the backward signal changes by a factor per layer (geometric mean from the output
   * layer to the first) inside `perLayer`: above 1 it grows toward the input, below 1 it falls.
   */
  | { kind: 'signalStaircase'; perLayer: readonly [number, number] }
  /**
   * At step 1 and at step `steps`, the first layer's gradient norm and signal are below
   * `ratioBelow` times the last hidden layer's.
   */
  | { kind: 'inputSideBelow'; steps: number; ratioBelow: number }
  /**
   * Within `withinSteps` steps there is a step where every hidden layer's gradient norm has
   * fallen below GONE_FACTOR times its step-1 value while the output layer's has grown above
   * `outputGrowthAbove` times its step-1 value.
   */
  | { kind: 'hiddenGradientsDie'; withinSteps: number; outputGrowthAbove: number }
  /** Every clipped global norm is at most `threshold`, and clipping acted on some step. */
  | { kind: 'clippedGlobalNormAtMost'; threshold: number }
  /** Within `withinSteps` steps the global norm before clipping rises above `threshold`. */
  | { kind: 'globalNormAbove'; threshold: number; withinSteps: number }
  /** For steps 1..`throughStep`, every layer's gradient norm is `factor` times run `of`'s. */
  | { kind: 'gradientsScaled'; of: RunLetter; factor: number; throughStep: number }
  /** At each of steps 1..`steps` the loss equals run `of`'s within a relative `relTol`. */
  | { kind: 'sameLoss'; of: RunLetter; relTol: number; steps: number }
  /** From step 2 on every layer's weight norm is at most maxNorm·√units (biases off). */
  | { kind: 'unitNormAtMost'; maxNorm: number }
  /**
   * A recurrent run: at step `atStep` the signal at the first time step over the signal at the
   * last, ||dL/dh_1|| / ||dL/dh_T||, lies in `range`. The loss is taken at the last step only,
   * so below 1 the gradient fades going back in time, above 1 it grows.
   */
  | { kind: 'timeSignalRatio'; atStep: number; range: readonly [number, number] }
  /**
   * In the seed bands the link opens: the width of this run's band at `layer`, measured as
   * ln(90th / 10th percentile) of `quantity`, is more than `factor` times the width of run
   * `than`'s band (this run's when left out) at `thanLayer`.
   */
  | {
      kind: 'seedBandWider';
      quantity: BandQuantity;
      layer: BandLayer;
      than?: RunLetter;
      thanLayer: BandLayer;
      factor: number;
    };

/** A check on one run of a lesson's link: 'a' (the base) unless it names B, C or D. */
export type RunCheck = ObservationCheck & { run?: RunLetter };

/** A sentence of a lesson's Watch text, and the checks that make it true. */
export interface Observation {
  text: string;
  checks: readonly RunCheck[];
}

/** Steps a run needs for a check to be decided. */
export function stepsNeeded(check: ObservationCheck): number {
  switch (check.kind) {
    case 'halts':
    case 'hiddenGradientsDie':
    case 'globalNormAbove':
      return check.withinSteps;
    case 'staysFinite':
    case 'lossFalls':
    case 'inputSideBelow':
    case 'sameLoss':
      return check.steps;
    case 'gradientsScaled':
      return check.throughStep;
    case 'timeSignalRatio':
      return check.atStep;
    case 'band':
    case 'signalStaircase':
    case 'seedBandWider':
      return 1;
    case 'clippedGlobalNormAtMost':
    case 'unitNormAtMost':
      return 2;
  }
}

/** Steps each run of a lesson needs: the most any of its checks asks of it. */
export function stepsPerRun(observations: readonly Observation[]): Map<RunLetter, number> {
  const checks = observations.flatMap((o) => o.checks);
  const steps = new Map<RunLetter, number>();
  const need = (letter: RunLetter, count: number) =>
    steps.set(letter, Math.max(steps.get(letter) ?? 0, count));
  for (const check of checks) {
    need(check.run ?? 'a', stepsNeeded(check));
    if (check.kind === 'gradientsScaled' || check.kind === 'sameLoss') {
      need(check.of, stepsNeeded(check));
    }
  }
  return steps;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x));

/**
 * Checks one check on the runs of a lesson's link (keyed by letter); returns what is wrong, one
 * line per broken part, or [] when it holds.
 */
export function checkRun(check: RunCheck, runs: ReadonlyMap<RunLetter, ObservedRun>): string[] {
  if (check.kind === 'seedBandWider') return checkSeedBand(check, runs);
  const letter = check.run ?? 'a';
  const run = runs.get(letter);
  if (!run) return [`no run ${letter.toUpperCase()}`];
  const failures: string[] = [];
  const fail = (message: string) => failures.push(message);
  const { steps } = run;
  const first = steps[0];
  if (!first) return ['the run has no steps'];
  const layers = first.gradNorm.length;
  const output = layers - 1;

  switch (check.kind) {
    case 'halts':
      if (run.haltedAt === null || run.haltedAt > check.withinSteps) {
        fail(`no non-finite value within ${check.withinSteps} steps`);
      }
      break;
    case 'staysFinite':
      if (run.haltedAt !== null) fail(`a non-finite value at step ${run.haltedAt}`);
      if (steps.length < check.steps) fail(`ran ${steps.length} of ${check.steps} steps`);
      break;
    case 'lossFalls': {
      const losses = steps.slice(0, check.steps).map((s) => s.loss);
      const k = Math.max(1, Math.floor(check.steps / 10));
      if (losses.length < check.steps) fail(`ran ${losses.length} of ${check.steps} steps`);
      const start = mean(losses.slice(0, k));
      const end = mean(losses.slice(-k));
      if (!(end < start)) fail(`loss does not fall: first 10% ${fmt(start)}, last 10% ${fmt(end)}`);
      break;
    }
    case 'band': {
      const [lo, hi] = check.band;
      const values = first[check.quantity];
      const out = values[output]!;
      values.forEach((s, l) => {
        const ratio = s / out;
        if (!(ratio >= lo && ratio <= hi)) {
          fail(
            `step 1: layer ${l + 1} ${check.quantity} is ${fmt(ratio)} x the output's, outside [${lo}, ${hi}]`,
          );
        }
      });
      break;
    }
    case 'signalStaircase': {
      const [lo, hi] = check.perLayer;
      const factor = (first.signalNorm[0]! / first.signalNorm[output]!) ** (1 / output);
      if (!(factor >= lo && factor <= hi)) {
        fail(`step 1: the signal changes by ${fmt(factor)} per layer, outside [${lo}, ${hi}]`);
      }
      break;
    }
    case 'inputSideBelow': {
      if (layers < 3) fail('needs at least two hidden layers');
      const lastHidden = layers - 2;
      const last = steps[check.steps - 1];
      if (!last) fail(`ran ${steps.length} of ${check.steps} steps`);
      for (const s of last ? [first, last] : [first]) {
        for (const quantity of ['gradNorm', 'signalNorm'] as const) {
          const ratio = s[quantity][0]! / s[quantity][lastHidden]!;
          if (!(ratio < check.ratioBelow)) {
            fail(
              `step ${s.step}: first/last-hidden ${quantity} is ${fmt(ratio)}, not below ${check.ratioBelow}`,
            );
          }
        }
      }
      break;
    }
    case 'hiddenGradientsDie': {
      const found = steps.some(
        (s) =>
          s.step <= check.withinSteps &&
          s.gradNorm[output]! > check.outputGrowthAbove * first.gradNorm[output]! &&
          s.gradNorm.slice(0, output).every((g, l) => g <= GONE_FACTOR * first.gradNorm[l]!),
      );
      if (!found) {
        fail(
          `no step within ${check.withinSteps} where every hidden gradient is gone and the ` +
            `output's has grown ${check.outputGrowthAbove}x`,
        );
      }
      break;
    }
    case 'clippedGlobalNormAtMost': {
      const worst = Math.max(...steps.map((s) => s.clippedGlobalNorm));
      if (!(worst <= check.threshold * (1 + FLOAT_SLACK))) {
        fail(`a clipped global norm of ${fmt(worst)} exceeds ${check.threshold}`);
      }
      if (!steps.some((s) => s.clipped)) fail('clipping never acted');
      break;
    }
    case 'globalNormAbove': {
      const within = steps.filter((s) => s.step <= check.withinSteps);
      if (!within.some((s) => s.globalNorm > check.threshold)) {
        fail(`the global norm stays at or below ${check.threshold} for ${check.withinSteps} steps`);
      }
      break;
    }
    case 'gradientsScaled': {
      const other = runs.get(check.of);
      if (!other) return [`no run ${check.of.toUpperCase()} to compare with`];
      for (let i = 0; i < check.throughStep; i++) {
        const mine = steps[i];
        const theirs = other.steps[i];
        if (!mine || !theirs) {
          fail(`step ${i + 1} is missing`);
          break;
        }
        const bad = mine.gradNorm.findIndex(
          (g, l) => !(Math.abs(g / (check.factor * theirs.gradNorm[l]!) - 1) <= 1e-3),
        );
        if (bad >= 0) {
          const ratio = mine.gradNorm[bad]! / theirs.gradNorm[bad]!;
          fail(
            `step ${i + 1}: layer ${bad + 1} gradient is ${fmt(ratio)} x ${check.of.toUpperCase()}'s, not ${check.factor}`,
          );
          break;
        }
      }
      break;
    }
    case 'sameLoss': {
      const other = runs.get(check.of);
      if (!other) return [`no run ${check.of.toUpperCase()} to compare with`];
      if (Math.min(steps.length, other.steps.length) < check.steps) {
        fail(`needs ${check.steps} steps of both runs`);
      }
      const bad = steps.slice(0, check.steps).findIndex((s, i) => {
        const theirs = other.steps[i]?.loss ?? NaN;
        return !(Math.abs(s.loss - theirs) <= check.relTol * Math.abs(theirs));
      });
      if (bad >= 0) fail(`step ${bad + 1}: the loss differs from ${check.of.toUpperCase()}'s`);
      break;
    }
    case 'timeSignalRatio': {
      const [lo, hi] = check.range;
      const signal = steps[check.atStep - 1]?.timeSignalNorm;
      if (!signal || signal.length < 2) {
        fail(`step ${check.atStep}: no signal per time step (not a recurrent run, or it stopped)`);
        break;
      }
      const ratio = signal[0]! / signal[signal.length - 1]!;
      if (!(ratio >= lo && ratio <= hi)) {
        fail(
          `step ${check.atStep}: ||dL/dh_1|| / ||dL/dh_T|| is ${fmt(ratio)}, outside [${lo}, ${hi}]`,
        );
      }
      break;
    }
    case 'unitNormAtMost': {
      for (const s of steps.slice(1)) {
        s.weightNorm.forEach((w, l) => {
          const bound = check.maxNorm * Math.sqrt(run.units[l] ?? NaN);
          if (!(w <= bound * (1 + FLOAT_SLACK))) {
            fail(`step ${s.step}: layer ${l + 1} weight norm ${fmt(w)} exceeds ${fmt(bound)}`);
          }
        });
      }
      break;
    }
  }
  return failures;
}

/** ln(high / low) of a run's seed band at a layer; a string saying what is missing otherwise. */
function bandWidth(
  runs: ReadonlyMap<RunLetter, ObservedRun>,
  letter: RunLetter,
  quantity: BandQuantity,
  layer: BandLayer,
): number | string {
  const bands = runs.get(letter)?.seedBands?.[quantity];
  if (!bands || bands.length === 0) return `no seed bands of run ${letter.toUpperCase()}`;
  const band = bands[layer === 'input' ? 0 : bands.length - 1]!;
  const width = Math.log(band.high / band.low);
  return Number.isFinite(width) ? width : `run ${letter.toUpperCase()}'s band is not finite`;
}

/** The seed-band checks (the runs' `seedBands`), kept apart from the checks on steps. */
function checkSeedBand(
  check: Extract<RunCheck, { kind: 'seedBandWider' }>,
  runs: ReadonlyMap<RunLetter, ObservedRun>,
): string[] {
  const letter = check.run ?? 'a';
  const than = check.than ?? letter;
  const mine = bandWidth(runs, letter, check.quantity, check.layer);
  const theirs = bandWidth(runs, than, check.quantity, check.thanLayer);
  if (typeof mine === 'string') return [mine];
  if (typeof theirs === 'string') return [theirs];
  return mine > check.factor * theirs
    ? []
    : [
        `run ${letter.toUpperCase()}'s band at the ${check.layer} layer is ${fmt(mine / theirs)} x ` +
          `run ${than.toUpperCase()}'s at the ${check.thanLayer} layer, not above ${check.factor}`,
      ];
}

/** Every observation checked: the broken ones with their reasons (empty when all hold). */
export function checkObservations(
  observations: readonly Observation[],
  runs: ReadonlyMap<RunLetter, ObservedRun>,
): { text: string; failures: string[] }[] {
  return observations
    .map((o) => ({ text: o.text, failures: o.checks.flatMap((check) => checkRun(check, runs)) }))
    .filter((r) => r.failures.length > 0);
}
