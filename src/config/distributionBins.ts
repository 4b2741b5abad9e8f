/**
 * The layout of the per-layer distributions (engine/distributions.ts): log-magnitude histograms
 * with a fixed number of bins per decade over a fixed range, so one outlier never rescales the
 * view (TensorBoard's 30 linear bins over all-time ranges are what its users complain about),
 * plus a bin for exact zeros and one for non-finite values. Pure data: the page reads it too.
 */

/**
 * The quantities histogrammed per layer, in the order the engine packs them: the
 * pre-activations z, the activations phi(z), the backpropagated signal dL/dz (all on the step's
 * batch), and the entries of the parameter gradients dL/dW and dL/db (kernel and bias together,
 * after the gradient scale factor and before clipping, as the gradient norms).
 */
export const DISTRIBUTION_QUANTITIES = [
  'preActivation',
  'activation',
  'signal',
  'parameterGradient',
] as const;
export type DistributionQuantity = (typeof DISTRIBUTION_QUANTITIES)[number];

export const BINS_PER_DECADE = 2;
/** Magnitudes from 10^MIN to 10^MAX get bins of their own; smaller non-zero ones fall in the
 * lowest, larger finite ones in the highest. */
export const HISTOGRAM_MIN_EXPONENT = -8;
export const HISTOGRAM_MAX_EXPONENT = 4;
export const MAGNITUDE_BINS = (HISTOGRAM_MAX_EXPONENT - HISTOGRAM_MIN_EXPONENT) * BINS_PER_DECADE;
/** Bins per histogram: [exact zero, MAGNITUDE_BINS magnitude bins (small to large), non-finite]. */
export const HISTOGRAM_BINS = MAGNITUDE_BINS + 2;
export const ZERO_BIN = 0;
export const NON_FINITE_BIN = HISTOGRAM_BINS - 1;

/** The bin a value falls in, computed directly (the engine does the same on tensors). */
export function histogramBinOf(value: number): number {
  if (!Number.isFinite(value)) return NON_FINITE_BIN;
  const magnitude = Math.abs(value);
  if (magnitude === 0) return ZERO_BIN;
  const index = Math.floor((Math.log10(magnitude) - HISTOGRAM_MIN_EXPONENT) * BINS_PER_DECADE);
  return 1 + Math.min(MAGNITUDE_BINS - 1, Math.max(0, index));
}

/** The magnitudes magnitude bin `bin` (1 to MAGNITUDE_BINS) covers: [lower, upper). */
export function histogramBinRange(bin: number): [number, number] {
  const lower = HISTOGRAM_MIN_EXPONENT + (bin - 1) / BINS_PER_DECADE;
  return [10 ** lower, 10 ** (lower + 1 / BINS_PER_DECADE)];
}

/**
 * Saturation thresholds (Glorot & Bengio 2010 look at where tanh and sigmoid units sit on their
 * flat tails): a unit saturates on an example when |phi'(z)| < SATURATION_DERIVATIVE_SHARE of
 * phi's largest derivative. For ReLU a unit is dead when z <= 0 on every example of the batch.
 */
export const SATURATION_DERIVATIVE_SHARE = 0.05;
