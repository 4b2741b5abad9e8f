/**
 * The range of every number a control writes, taken from the validator's table
 * (config/validate.ts NUMBER_RANGES, built from LIMITS) so the controls and the link repair
 * never disagree. Evaluated at import: a missing path fails loudly in the unit tests.
 */
import { LIMITS } from '../../config/schema';
import { NUMBER_RANGES } from '../../config/validate';
import type { ValueRange } from './numberText';

/**
 * Largest value a control writes into a range that excludes its maximum (decay rates and
 * momenta live in [0, 1); at 1 the running averages never forget). Four nines, the most the
 * number box shows.
 */
export const BELOW_ONE = 0.9999;

function rangeOf(path: string): ValueRange {
  const range = NUMBER_RANGES[path];
  if (range === undefined) throw new Error(`no range for ${path}`); // a bug, not bad input
  const max = range.maxExcluded ? Math.min(BELOW_ONE * range.max, range.max) : range.max;
  return { min: range.min, max, integer: range.integer === true };
}

export const RANGES = {
  depth: { min: LIMITS.MIN_HIDDEN_LAYERS, max: LIMITS.MAX_HIDDEN_LAYERS, integer: true },
  width: rangeOf('network.hidden'),
  samples: rangeOf('data.samples'),
  noise: rangeOf('data.noise'),
  testFraction: rangeOf('data.testFraction'),
  dataSeed: rangeOf('data.seed'),
  schemeValue: rangeOf('init.scheme.value'),
  schemeSigma: rangeOf('init.scheme.sigma'),
  schemeLimit: rangeOf('init.scheme.limit'),
  schemeGain: rangeOf('init.scheme.gain'),
  initGain: rangeOf('init.gain'),
  biasInit: rangeOf('init.biasInit'),
  initSeed: rangeOf('init.seed'),
  learningRate: rangeOf('optimizer.learningRate'),
  momentum: rangeOf('optimizer.momentum'),
  beta1: rangeOf('optimizer.beta1'),
  beta2: rangeOf('optimizer.beta2'),
  rho: rangeOf('optimizer.rho'),
  epsilon: rangeOf('optimizer.epsilon'),
  l1: rangeOf('regularization.l1'),
  l2: rangeOf('regularization.l2'),
  clipThreshold: rangeOf('gradient.clip.threshold'),
  // AutoClip's p lies in (0, 100]; the slider offers whole percentiles from 1.
  clipPercentile: { min: 1, max: LIMITS.MAX_CLIP_PERCENTILE, integer: true },
  gradScale: rangeOf('gradient.scale'),
  maxNorm: rangeOf('gradient.maxNorm'),
  pruneBelow: rangeOf('gradient.pruneBelow'),
  batchSize: rangeOf('training.batchSize'),
  maxSteps: rangeOf('training.maxSteps'),
  timeSteps: rangeOf('model.timeSteps'),
  units: rangeOf('model.units'),
  recurrentGain: rangeOf('model.recurrentInit.gain'),
  recurrentSigma: rangeOf('model.recurrentInit.sigma'),
} as const satisfies Record<string, ValueRange>;

/** A seed for the "New seed" buttons: a random whole number in [1, MAX_SEED]. */
export function randomSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * LIMITS.MAX_SEED);
}
