import { decodeConfig, encodeConfig } from '../../../src/config/codec';
import type { Lesson, LessonExpectation } from '../../../src/config/lessons';
import type { ExperimentConfig } from '../../../src/config/schema';
import { recordRun } from '../../../src/record/recordRun';
import type { RunRecord } from '../../../src/record/runRecord';

/**
 * The lesson checks: each states the claim of a LessonExpectation in terms of a run record.
 * The bounds come from the expectation (derived from theory in lessons.ts), never from a run.
 */

/** A gradient explosion: the first layer's gradient grows past this factor of its step-1 value. */
export const EXPLOSION_FACTOR = 1e6;

/** float32 slack for bounds that hold exactly in real arithmetic (clipping, max-norm). */
const FLOAT_SLACK = 1e-5;

/** Other runs some checks compare against. */
export interface CheckContext {
  /** The same link without its remedy, run for `withoutRemedyDivergesWithin` steps. */
  withoutRemedy?: RunRecord;
  /** For gradient scaling: the run without the remedy at the equivalent learning rate. */
  equivalent?: RunRecord;
}

export interface CheckResult {
  /** Empty when the claim holds; otherwise one line per broken part of the claim. */
  failures: string[];
  /** The measured quantities the bounds apply to, for reports. */
  measured: Record<string, number>;
}

/** Steps to run a lesson's link for, so that its claim can be checked. */
export function stepsFor(expectation: LessonExpectation): number {
  switch (expectation.kind) {
    case 'explodes':
    case 'diverges':
      return expectation.withinSteps;
    default:
      return expectation.steps;
  }
}

/** A lesson's link as a config; throws if it needed any repair. */
export function lessonConfig(lesson: Lesson): ExperimentConfig {
  const { config, repairs } = decodeConfig(lesson.link);
  if (repairs.length > 0) {
    throw new Error(`${lesson.id}: link needs repairs: ${repairs.map((r) => r.reason).join('; ')}`);
  }
  return config;
}

/** The same experiment without gradient controls or regularization: what a remedy rescues. */
export function withoutRemedy(config: ExperimentConfig): ExperimentConfig {
  const bare = structuredClone(config);
  bare.gradient = { clip: { mode: 'none' }, scale: 1, maxNorm: null, pruneBelow: 0 };
  bare.regularization = { l1: 0, l2: 0 };
  return bare;
}

const runs = new Map<string, Promise<RunRecord>>();

/** Runs a config headless on the current backend, once per (config, steps). */
export function runOnce(config: ExperimentConfig, steps: number): Promise<RunRecord> {
  const key = `${encodeConfig(config)}|${steps}`;
  let run = runs.get(key);
  if (!run) {
    run = recordRun(config, { steps });
    runs.set(key, run);
  }
  return run;
}

/** Runs a lesson's link for its steps, plus the comparison runs its check needs. */
export async function runLesson(
  lesson: Lesson,
): Promise<{ record: RunRecord; context: CheckContext }> {
  const config = lessonConfig(lesson);
  const e = lesson.expectation;
  const record = await runOnce(config, stepsFor(e));
  const context: CheckContext = {};
  if (e.kind === 'rescued') {
    const bare = withoutRemedy(config);
    context.withoutRemedy = await runOnce(bare, e.withoutRemedyDivergesWithin);
    if (e.invariant.kind === 'gradientsScaledBy') {
      const equivalent = structuredClone(bare);
      equivalent.optimizer.learningRate = e.invariant.equivalentLr;
      context.equivalent = await runOnce(equivalent, e.steps);
    }
  }
  return { record, context };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Mean loss over the first and the last 10% of the steps (at least one step each). */
function lossEnds(record: RunRecord): { first: number; last: number } {
  const losses = record.steps.map((s) => s.loss);
  const k = Math.max(1, Math.floor(losses.length / 10));
  return { first: mean(losses.slice(0, k)), last: mean(losses.slice(-k)) };
}

/** Every layer's step-1 signal norm divided by the output layer's. */
function signalProfile(record: RunRecord): number[] {
  const signals = record.steps[0]?.signalNorm ?? [];
  const output = signals.at(-1) ?? NaN;
  return signals.map((s) => s / output);
}

/**
 * Checks a lesson's claim against a run record (and, for remedies, the comparison runs).
 * Every failure names the broken part of the claim and the numbers involved.
 */
export function checkExpectation(
  record: RunRecord,
  expectation: LessonExpectation,
  context: CheckContext = {},
): CheckResult {
  const failures: string[] = [];
  const measured: Record<string, number> = {};
  const fail = (message: string) => failures.push(message);
  const steps = record.steps;
  const first = steps[0];
  if (!first) return { failures: ['the run has no steps'], measured };
  const layerCount = first.gradNorm.length;
  const firstEvent = record.events[0];

  const requireFinite = (wanted: number) => {
    if (firstEvent) fail(`non-finite ${firstEvent.what} at step ${firstEvent.step}`);
    if (steps.length < wanted) fail(`ran ${steps.length} of ${wanted} steps`);
  };
  const requireLossFalls = () => {
    const { first: start, last: end } = lossEnds(record);
    measured.lossFirst10 = start;
    measured.lossLast10 = end;
    if (!steps.every((s) => Number.isFinite(s.loss))) fail('a loss is not finite');
    if (!(end < start)) fail(`loss does not fall: first 10% ${start}, last 10% ${end}`);
  };
  const requireBand = ([lo, hi]: [number, number]) => {
    const profile = signalProfile(record);
    measured.signalRatioMin = Math.min(...profile);
    measured.signalRatioMax = Math.max(...profile);
    profile.forEach((ratio, l) => {
      if (!(ratio >= lo && ratio <= hi)) {
        fail(`step 1: layer ${l} signal is ${ratio} x the output layer's, outside [${lo}, ${hi}]`);
      }
    });
  };

  switch (expectation.kind) {
    case 'explodes': {
      const { withinSteps, signalGrowthAbove } = expectation;
      const growth = first.signalNorm[0]! / first.signalNorm[layerCount - 1]!;
      measured.signalGrowth = growth;
      if (!(growth > signalGrowthAbove)) {
        fail(
          `step 1: first-layer signal is only ${growth} x the output's (need > ${signalGrowthAbove})`,
        );
      }
      const eventStep = firstEvent && firstEvent.step <= withinSteps ? firstEvent.step : null;
      const blownStep = steps.find(
        (s) => s.step <= withinSteps && s.gradNorm[0]! > EXPLOSION_FACTOR * first.gradNorm[0]!,
      )?.step;
      measured.explosionStep = eventStep ?? blownStep ?? NaN;
      if (eventStep === null && blownStep === undefined) {
        fail(
          `no non-finite value and no ${EXPLOSION_FACTOR}x gradient growth in ${withinSteps} steps`,
        );
      }
      break;
    }
    case 'vanishes': {
      const { steps: wanted, ratioBelow } = expectation;
      requireFinite(wanted);
      if (layerCount < 3) fail('needs at least two hidden layers');
      const lastHidden = layerCount - 2;
      const last = steps.at(-1)!;
      for (const [when, s] of [
        ['first', first],
        ['last', last],
      ] as const) {
        for (const quantity of ['gradNorm', 'signalNorm'] as const) {
          const ratio = s[quantity][0]! / s[quantity][lastHidden]!;
          measured[`${quantity}Ratio_${when}`] = ratio;
          if (!(ratio < ratioBelow)) {
            fail(
              `step ${s.step}: first/last-hidden ${quantity} is ${ratio}, not below ${ratioBelow}`,
            );
          }
        }
      }
      break;
    }
    case 'stable': {
      requireFinite(expectation.steps);
      requireBand(expectation.band);
      requireLossFalls();
      break;
    }
    case 'diverges': {
      requireBand(expectation.startBand);
      measured.divergenceStep = firstEvent?.step ?? NaN;
      if (!firstEvent || firstEvent.step > expectation.withinSteps) {
        fail(`no non-finite value within ${expectation.withinSteps} steps`);
      }
      break;
    }
    case 'rescued': {
      requireFinite(expectation.steps);
      requireLossFalls();
      const bare = context.withoutRemedy;
      if (!bare) {
        fail('needs the run without the remedy');
      } else {
        const event = bare.events[0];
        measured.withoutRemedyDivergenceStep = event?.step ?? NaN;
        if (!event || event.step > expectation.withoutRemedyDivergesWithin) {
          fail(
            `without the remedy the run does not diverge within ${expectation.withoutRemedyDivergesWithin} steps`,
          );
        }
      }
      const config = record.config;
      const invariant = expectation.invariant;
      switch (invariant.kind) {
        case 'globalNormAtMost': {
          const { clip } = config.gradient;
          if (clip.mode !== 'globalNorm' || clip.threshold !== invariant.threshold) {
            fail(`the link does not clip by global norm at ${invariant.threshold}`);
          }
          const maxClipped = Math.max(...steps.map((s) => s.clippedGlobalNorm));
          measured.maxClippedGlobalNorm = maxClipped;
          measured.clippedShare = steps.filter((s) => s.clipped).length / steps.length;
          if (!(maxClipped <= invariant.threshold * (1 + FLOAT_SLACK))) {
            fail(`a clipped global norm of ${maxClipped} exceeds ${invariant.threshold}`);
          }
          if (!steps.some((s) => s.clipped)) fail('clipping never acted');
          break;
        }
        case 'gradientsScaledBy': {
          const { factor, equivalentLr } = invariant;
          if (config.gradient.scale !== factor)
            fail(`the link does not scale gradients by ${factor}`);
          const sgdLr = config.optimizer.kind === 'sgd' ? config.optimizer.learningRate : NaN;
          if (!(Math.abs(sgdLr * factor - equivalentLr) <= 1e-12)) {
            fail(`lr ${equivalentLr} is not the SGD learning rate times ${factor}`);
          }
          const base = bare?.steps[0];
          if (base) {
            const ratios = first.gradNorm.map((g, l) => g / base.gradNorm[l]!);
            measured.step1ScaleMin = Math.min(...ratios);
            measured.step1ScaleMax = Math.max(...ratios);
            ratios.forEach((r, l) => {
              if (!(Math.abs(r / factor - 1) <= FLOAT_SLACK)) {
                fail(`step 1: layer ${l} gradient is ${r} x the unscaled one, not ${factor}`);
              }
            });
          }
          const equivalent = context.equivalent;
          if (!equivalent || equivalent.steps.length !== steps.length) {
            fail(`needs the run at lr ${equivalentLr} for ${steps.length} steps`);
          } else {
            const diffs = steps.map((s, i) => {
              const other = equivalent.steps[i]!.loss;
              return Math.abs(s.loss - other) / Math.abs(other);
            });
            measured.maxRelLossDiffToEquivalentLr = Math.max(...diffs);
            const bad = diffs.findIndex((d) => !(d <= 1e-4));
            if (bad >= 0) fail(`step ${bad + 1}: loss differs from the lr ${equivalentLr} run`);
          }
          break;
        }
        case 'unitNormAtMost': {
          const { maxNorm } = invariant;
          if (config.gradient.maxNorm !== maxNorm) fail(`the link does not cap at ${maxNorm}`);
          // With biases, a layer's weight norm includes them and the cap bounds only the kernel.
          if (config.network.bias) fail('the weight-norm bound needs biases off (bias=0)');
          let worst = 0;
          for (const s of steps.slice(1)) {
            s.weightNorm.forEach((w, l) => {
              const bound = maxNorm * Math.sqrt(record.layers[l]!.units);
              worst = Math.max(worst, w / bound);
              if (!(w <= bound * (1 + FLOAT_SLACK))) {
                fail(`step ${s.step}: layer ${l} weight norm ${w} exceeds ${bound}`);
              }
            });
          }
          measured.maxWeightNormOverBound = worst;
          break;
        }
      }
      break;
    }
  }
  return { failures, measured };
}
