/**
 * The valid range of every numeric config field, and the rule that brings a number into it:
 * non-numbers and non-finite values take the default, integers are rounded, out-of-range values
 * are clamped. validate.ts applies it to every field; the link codec documents its keys with it.
 */
import { describe, type Repair } from './repairs';
import { MODEL_LIMITS } from './modelSchema';
import { LIMITS } from './schema';

/** The valid range of a numeric field. */
export interface NumberRange {
  /** Names the field in repair reasons. */
  label: string;
  min: number;
  max: number;
  integer?: boolean;
  /** The range is [min, max): a value at or above max is replaced by the default. */
  maxExcluded?: boolean;
  /** The range is (min, max]: a value at or below min is replaced by the default. */
  minExcluded?: boolean;
}

const int = (label: string, min: number, max: number): NumberRange => ({
  label,
  min,
  max,
  integer: true,
});
/** Decay rates and momenta live in [0, 1): at 1 the running averages never forget. */
const decay = (label: string): NumberRange => ({ label, min: 0, max: 1, maxExcluded: true });
const L = LIMITS;
const M = MODEL_LIMITS;

/**
 * The range of every numeric field, by config path (hidden widths share 'network.hidden').
 * A value outside is clamped into it; the link codec documents its keys from this table too.
 */
export const NUMBER_RANGES: Readonly<Record<string, NumberRange>> = {
  'model.timeSteps': int('sequence length T', M.MIN_TIME_STEPS, M.MAX_TIME_STEPS),
  'model.units': int('hidden units', M.MIN_UNITS, M.MAX_UNITS),
  'model.recurrentInit.gain': {
    label: 'recurrent init gain',
    min: 0,
    max: M.MAX_ABS_RECURRENT_INIT_PARAM,
  },
  'model.recurrentInit.sigma': {
    label: 'recurrent init sigma',
    min: 0,
    max: M.MAX_ABS_RECURRENT_INIT_PARAM,
  },
  'model.forgetBias': {
    label: 'LSTM forget-gate bias',
    min: -M.MAX_ABS_FORGET_BIAS,
    max: M.MAX_ABS_FORGET_BIAS,
  },
  'data.samples': int('sample count', L.MIN_SAMPLES, L.MAX_SAMPLES),
  'data.noise': { label: 'noise', min: 0, max: L.MAX_NOISE },
  'data.testFraction': { label: 'test fraction', min: 0, max: L.MAX_TEST_FRACTION },
  'data.seed': int('data seed', 0, L.MAX_SEED),
  'network.hidden': int('hidden layer width', L.MIN_WIDTH, L.MAX_WIDTH),
  'init.scheme.value': {
    label: 'constant init value',
    min: -L.MAX_ABS_INIT_PARAM,
    max: L.MAX_ABS_INIT_PARAM,
  },
  'init.scheme.sigma': { label: 'normal init sigma', min: 0, max: L.MAX_ABS_INIT_PARAM },
  'init.scheme.limit': { label: 'uniform init limit', min: 0, max: L.MAX_ABS_INIT_PARAM },
  'init.scheme.gain': { label: 'orthogonal init gain', min: 0, max: L.MAX_ABS_INIT_PARAM },
  'init.gain': { label: 'init gain', min: L.MIN_GAIN, max: L.MAX_GAIN },
  'init.biasInit': { label: 'bias init', min: -L.MAX_ABS_BIAS_INIT, max: L.MAX_ABS_BIAS_INIT },
  'init.seed': int('init seed', 0, L.MAX_SEED),
  'optimizer.learningRate': {
    label: 'learning rate',
    min: L.MIN_LEARNING_RATE,
    max: L.MAX_LEARNING_RATE,
  },
  'optimizer.momentum': decay('momentum'),
  'optimizer.beta1': decay('Adam beta1'),
  'optimizer.beta2': decay('Adam beta2'),
  'optimizer.rho': decay('RMSProp rho'),
  'optimizer.epsilon': { label: 'epsilon', min: L.MIN_EPSILON, max: L.MAX_EPSILON },
  'regularization.l1': { label: 'L1 strength', min: 0, max: L.MAX_REGULARIZATION },
  'regularization.l2': { label: 'L2 strength', min: 0, max: L.MAX_REGULARIZATION },
  'gradient.clip.threshold': {
    label: 'clip threshold',
    min: L.MIN_CLIP_THRESHOLD,
    max: L.MAX_CLIP_THRESHOLD,
  },
  'gradient.clip.percentile': {
    label: 'AutoClip percentile',
    min: L.MIN_CLIP_PERCENTILE,
    max: L.MAX_CLIP_PERCENTILE,
    minExcluded: true,
  },
  'gradient.scale': { label: 'gradient scale', min: L.MIN_GRAD_SCALE, max: L.MAX_GRAD_SCALE },
  'gradient.maxNorm': { label: 'max-norm', min: L.MIN_MAX_NORM, max: L.MAX_MAX_NORM },
  'gradient.pruneBelow': { label: 'prune threshold', min: 0, max: L.MAX_PRUNE_BELOW },
  'training.batchSize': int('batch size', L.MIN_BATCH, L.MAX_BATCH),
  'training.maxSteps': int('max steps', L.MIN_STEPS, L.MAX_STEPS),
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
  const fix = (reason: string) => repairs.push({ path, reason });
  if (typeof value !== 'number') {
    fix(`${label} is ${describe(value)}, not a number; set to the default ${fallback}`);
    return fallback;
  }
  // The one clamping rule: anything that is not a number takes the default; a number beyond a
  // limit (however far: 1e999 reads as Infinity) is set to that limit, except where the limit
  // itself is not allowed (momentum and the betas must stay below 1), which takes the default.
  if (Number.isNaN(value)) {
    fix(`${label} ${value} is not a number; set to the default ${fallback}`);
    return fallback;
  }
  let x = value + 0; // turns -0 into 0, so equal configs encode and compare identically
  if (range.integer && Number.isFinite(x) && !Number.isInteger(x)) {
    const rounded = Math.round(x) + 0;
    fix(`${label} ${x} is not a whole number; rounded to ${rounded}`);
    x = rounded;
  }
  if (range.minExcluded && x <= min) {
    fix(
      `${label} ${x} must be above ${min}; set to the default ${fallback}, as ${min} itself is not allowed`,
    );
    return fallback;
  }
  if (x < min) {
    fix(`${label} ${x} is below the minimum ${min}; set to ${min}`);
    return min;
  }
  if (range.maxExcluded && x >= max) {
    fix(
      `${label} ${x} must be below ${max}; set to the default ${fallback}, as ${max} itself is not allowed`,
    );
    return fallback;
  }
  if (x > max) {
    fix(`${label} ${x} is above the maximum ${max}; set to ${max}`);
    return max;
  }
  return x;
}
