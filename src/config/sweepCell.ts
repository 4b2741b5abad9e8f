/**
 * What a sweep measures in one cell, as plain data (the worker sends it to the page), and the
 * pure arithmetic behind it: the step-1 signal-norm log slope and the regime it names.
 */

/** One cell's numbers, from K steps trained from the cell's initial weights. */
export interface CellMeasure {
  /**
   * Step 1: the mean over consecutive hidden layers of log(||dL/dz_l|| / ||dL/dz_l+1||), layer
   * l nearer the input. Positive: the signal grows toward the input (explodes); negative: it
   * shrinks (vanishes); -Infinity when it underflowed to 0. Null with fewer than two hidden
   * layers or non-finite norms.
   */
  logSlope: number | null;
  /** Step 1's global gradient norm, before clipping (non-finite as NaN or Infinity). */
  globalNorm: number;
  /** The loss of the last step trained (measured before its update); NaN if none was finite. */
  loss: number;
  /** Steps trained up to and including a non-finite one (K when none halted). */
  stepsSurvived: number;
  /** The step whose numbers first turned non-finite, or null. */
  haltedStep: number | null;
  /** Share of the steps trained in which clipping changed a gradient (0 without clipping). */
  clippedShare: number;
  /** Mean over the steps trained of post-clip / pre-clip global norm (1 when nothing clipped). */
  meanClipFactor: number;
}

/**
 * A cell's measure with step 1's per-layer norms (forward order, output layer last), which the
 * seed bands draw. NaN where a step-1 value was not finite as a number (never measured).
 */
export interface CellProfile extends CellMeasure {
  /** Step 1's gradient norm per layer, before clipping. */
  step1GradNorm: number[];
  /** Step 1's signal norm ||dL/dz_l|| per layer. */
  step1SignalNorm: number[];
}

/** Log slopes within this of zero count as stable: under 5% change of the norm per layer. */
export const STABLE_LOG_SLOPE = Math.log(1.05);

export type Regime = 'vanishing' | 'stable' | 'exploding' | 'overflow' | 'unknown';

/**
 * The step-1 log slope of a network's signal norms (forward order, output layer last): the
 * mean of log(s_l / s_l+1) over consecutive hidden layers. A signal that underflowed to 0 on
 * its way toward the input vanished completely: -Infinity. Null where it is undefined (fewer
 * than two hidden layers, 0/0, non-finite norms).
 */
export function logSlope(signalNorms: readonly number[]): number | null {
  const hidden = signalNorms.length - 1;
  if (hidden < 2) return null;
  const first = signalNorms[0] as number;
  const last = signalNorms[hidden - 1] as number;
  if (!Number.isFinite(first) || !Number.isFinite(last)) return null;
  // The mean of the consecutive log ratios telescopes to the end points' log ratio.
  const slope = Math.log(first / last) / (hidden - 1);
  return Number.isNaN(slope) ? null : slope;
}

/** The regime a cell's step 1 shows. */
export function regimeOf(cell: CellMeasure): Regime {
  if (!Number.isFinite(cell.globalNorm) || cell.haltedStep === 1) return 'overflow';
  if (cell.logSlope === null) return 'unknown';
  if (cell.logSlope > STABLE_LOG_SLOPE) return 'exploding';
  if (cell.logSlope < -STABLE_LOG_SLOPE) return 'vanishing';
  return 'stable';
}
