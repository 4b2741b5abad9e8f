/**
 * The valid range of every numeric config field, and the rule that brings a number into it:
 * non-numbers and non-finite values take the default, integers are rounded, out-of-range values
 * are clamped. validate.ts applies it to every field; the link codec documents its keys with it.
 */
import { describe, repair, type Repair, type RepairId, type RepairLabel } from './repairs';
import { MODEL_LIMITS } from './modelSchema';
import { LIMITS } from './schema';

/** The valid range of a numeric field. */
export interface NumberRange {
  /** Names the field in repairs. */
  label: RepairLabel;
  min: number;
  max: number;
  integer?: boolean;
  /** The range is [min, max): a value at or above max is replaced by the default. */
  maxExcluded?: boolean;
  /** The range is (min, max]: a value at or below min is replaced by the default. */
  minExcluded?: boolean;
}

const int = (label: RepairLabel, min: number, max: number): NumberRange => ({
  label,
  min,
  max,
  integer: true,
});
/** Decay rates and momenta live in [0, 1): at 1 the running averages never forget. */
const decay = (label: RepairLabel): NumberRange => ({ label, min: 0, max: 1, maxExcluded: true });
const L = LIMITS;
const M = MODEL_LIMITS;

/**
 * The range of every numeric field, by config path (hidden widths share 'network.hidden').
 * A value outside is clamped into it; the link codec documents its keys from this table too.
 */
export const NUMBER_RANGES: Readonly<Record<string, NumberRange>> = {
  'model.timeSteps': int('repair.label.timeSteps', M.MIN_TIME_STEPS, M.MAX_TIME_STEPS),
  'model.units': int('repair.label.units', M.MIN_UNITS, M.MAX_UNITS),
  'model.recurrentInit.gain': {
    label: 'repair.label.recurrentInitGain',
    min: 0,
    max: M.MAX_ABS_RECURRENT_INIT_PARAM,
  },
  'model.recurrentInit.sigma': {
    label: 'repair.label.recurrentInitSigma',
    min: 0,
    max: M.MAX_ABS_RECURRENT_INIT_PARAM,
  },
  'model.forgetBias': {
    label: 'repair.label.forgetBias',
    min: -M.MAX_ABS_FORGET_BIAS,
    max: M.MAX_ABS_FORGET_BIAS,
  },
  'data.samples': int('repair.label.samples', L.MIN_SAMPLES, L.MAX_SAMPLES),
  'data.noise': { label: 'repair.label.noise', min: 0, max: L.MAX_NOISE },
  'data.testFraction': { label: 'repair.label.testFraction', min: 0, max: L.MAX_TEST_FRACTION },
  'data.seed': int('repair.label.dataSeed', 0, L.MAX_SEED),
  'network.hidden': int('repair.label.hiddenLayerWidth', L.MIN_WIDTH, L.MAX_WIDTH),
  'init.scheme.value': {
    label: 'repair.label.constantValue',
    min: -L.MAX_ABS_INIT_PARAM,
    max: L.MAX_ABS_INIT_PARAM,
  },
  'init.scheme.sigma': { label: 'repair.label.normalSigma', min: 0, max: L.MAX_ABS_INIT_PARAM },
  'init.scheme.limit': { label: 'repair.label.uniformLimit', min: 0, max: L.MAX_ABS_INIT_PARAM },
  'init.scheme.gain': { label: 'repair.label.orthogonalGain', min: 0, max: L.MAX_ABS_INIT_PARAM },
  'init.gain': { label: 'repair.label.initGain', min: L.MIN_GAIN, max: L.MAX_GAIN },
  'init.biasInit': {
    label: 'repair.label.biasInit',
    min: -L.MAX_ABS_BIAS_INIT,
    max: L.MAX_ABS_BIAS_INIT,
  },
  'init.seed': int('repair.label.initSeed', 0, L.MAX_SEED),
  'optimizer.learningRate': {
    label: 'repair.label.learningRate',
    min: L.MIN_LEARNING_RATE,
    max: L.MAX_LEARNING_RATE,
  },
  'optimizer.momentum': decay('repair.label.momentum'),
  'optimizer.beta1': decay('repair.label.beta1'),
  'optimizer.beta2': decay('repair.label.beta2'),
  'optimizer.rho': decay('repair.label.rho'),
  'optimizer.epsilon': { label: 'repair.label.epsilon', min: L.MIN_EPSILON, max: L.MAX_EPSILON },
  'regularization.l1': { label: 'repair.label.l1', min: 0, max: L.MAX_REGULARIZATION },
  'regularization.l2': { label: 'repair.label.l2', min: 0, max: L.MAX_REGULARIZATION },
  'gradient.clip.threshold': {
    label: 'repair.label.clipThreshold',
    min: L.MIN_CLIP_THRESHOLD,
    max: L.MAX_CLIP_THRESHOLD,
  },
  'gradient.clip.percentile': {
    label: 'repair.label.clipPercentile',
    min: L.MIN_CLIP_PERCENTILE,
    max: L.MAX_CLIP_PERCENTILE,
    minExcluded: true,
  },
  'gradient.scale': {
    label: 'repair.label.gradientScale',
    min: L.MIN_GRAD_SCALE,
    max: L.MAX_GRAD_SCALE,
  },
  'gradient.maxNorm': { label: 'repair.label.maxNorm', min: L.MIN_MAX_NORM, max: L.MAX_MAX_NORM },
  'gradient.pruneBelow': { label: 'repair.label.pruneBelow', min: 0, max: L.MAX_PRUNE_BELOW },
  'training.batchSize': int('repair.label.batchSize', L.MIN_BATCH, L.MAX_BATCH),
  'training.maxSteps': int('repair.label.maxSteps', L.MIN_STEPS, L.MAX_STEPS),
};

/** The range of a numeric field, by config path. */
export function rangeAt(path: string): NumberRange {
  const range = NUMBER_RANGES[path];
  if (range === undefined) throw new Error(`no range for ${path}`); // a bug here, not bad input
  return range;
}

/** `value` brought into `range`, each change reported under `path`. */
export function checkNumber(
  value: unknown,
  path: string,
  fallback: number,
  repairs: Repair[],
  range = rangeAt(path),
): number {
  const { label, min, max } = range;
  const fix = (id: RepairId, params: Record<string, string | number> = {}) =>
    repairs.push(repair(path, id, { label, fallback: String(fallback), ...params }));
  if (typeof value !== 'number') {
    fix('repair.numberWrongType', { value: describe(value) });
    return fallback;
  }
  // The one clamping rule: anything that is not a number takes the default; a number beyond a
  // limit (however far: 1e999 reads as Infinity) is set to that limit, except where the limit
  // itself is not allowed (momentum and the betas must stay below 1), which takes the default.
  if (Number.isNaN(value)) {
    fix('repair.numberNaN', { value: String(value) });
    return fallback;
  }
  let x = value + 0; // turns -0 into 0, so equal configs encode and compare identically
  if (range.integer && Number.isFinite(x) && !Number.isInteger(x)) {
    const rounded = Math.round(x) + 0;
    fix('repair.numberNotWhole', { value: String(x), rounded: String(rounded) });
    x = rounded;
  }
  if (range.minExcluded && x <= min) {
    fix('repair.numberNotAbove', { value: String(x), min: String(min) });
    return fallback;
  }
  if (x < min) {
    fix('repair.numberBelowMin', { value: String(x), min: String(min) });
    return min;
  }
  if (range.maxExcluded && x >= max) {
    fix('repair.numberNotBelow', { value: String(x), max: String(max) });
    return fallback;
  }
  if (x > max) {
    fix('repair.numberAboveMax', { value: String(x), max: String(max) });
    return max;
  }
  return x;
}
