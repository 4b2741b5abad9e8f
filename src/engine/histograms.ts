/**
 * Log-magnitude histograms of many tensors in a handful of kernels (layout in
 * config/distributionBins.ts): every element gets its bin from one chain of elementwise ops over
 * all tensors at once, and one counting kernel counts the bins of each tensor
 * (segmentCounts.ts). The kernel count does not grow with the number of layers, where a one-hot
 * matrix and a matMul per tensor cost 60-70% of a step's time on cpu and wasm.
 *
 * A backend may do it all in one kernel registered under HISTOGRAM_COUNTS_KERNEL (on cpu and
 * wasm one pass of plain JavaScript over the tensors: src/backend/hostDistributions.ts). Its
 * contract: inputs x0..x{n-1}, float32 of any shape; attr `groupSizes`, how many consecutive
 * inputs each group holds (summing to n); output float32 [groups * HISTOGRAM_BINS], entry
 * g * HISTOGRAM_BINS + b the number of elements of group g in bin b (histogramBinOf).
 */
import {
  BINS_PER_DECADE,
  HISTOGRAM_BINS,
  HISTOGRAM_MIN_EXPONENT,
  MAGNITUDE_BINS,
  NON_FINITE_BIN,
  ZERO_BIN,
} from '../config/distributionBins';
import { runOptionalKernel } from './optionalKernel';
import { segmentCounts } from './segmentCounts';
import * as tf from './tf';

export const HISTOGRAM_COUNTS_KERNEL = 'GradscopeHistogramCounts';

/**
 * A backend may lay many tensors end to end in one kernel registered under this name (WebGL,
 * where plain ops reshape and unpack each packed tensor in programs of their own:
 * src/backend/webglFlatConcat.ts). Its contract: inputs x0..x{n-1}, float32 of rank 1 or 2;
 * output float32 [sum of sizes], each input's elements in row-major order, one after another.
 */
export const FLAT_CONCAT_KERNEL = 'GradscopeFlatConcat';

/** All elements of `tensors`, flattened and laid end to end. */
export function flatConcat(tensors: readonly tf.Tensor[]): tf.Tensor1D {
  const plain = () => {
    const flat = tensors.map((t) => tf.reshape(t, [-1]));
    return (flat.length === 1 ? flat[0] : tf.concat(flat)) as tf.Tensor1D;
  };
  const fits = tensors.every((t) => t.dtype === 'float32' && (t.rank === 1 || t.rank === 2));
  if (tensors.length < 2 || !fits) return plain();
  return runOptionalKernel(FLAT_CONCAT_KERNEL, tensors, {}, plain);
}

/**
 * Histogram counts for each group (a tensor, or several counted together, such as a layer's
 * kernel and bias), as [groups, HISTOGRAM_BINS].
 */
export function histogramCounts(
  groups: readonly (tf.Tensor | readonly tf.Tensor[])[],
): tf.Tensor2D {
  const members = groups.map((group) => (group instanceof tf.Tensor ? [group] : group));
  const counts = runOptionalKernel(
    HISTOGRAM_COUNTS_KERNEL,
    members.flat(),
    { groupSizes: members.map((group) => group.length) },
    () => countWithOps(members),
  );
  return tf.reshape(counts, [groups.length, HISTOGRAM_BINS]);
}

/** histogramCounts with plain tfjs ops and segmentCounts, flat [groups * HISTOGRAM_BINS]. */
function countWithOps(members: readonly (readonly tf.Tensor[])[]): tf.Tensor1D {
  const values = flatConcat(members.flat());
  const magnitude = tf.abs(values);
  // floor((log10|v| - MIN) * BINS_PER_DECADE), clamped to the magnitude bins, shifted past the
  // zero bin; then exact zeros and non-finite values get bins of their own.
  const scaled = tf.floor(
    tf.sub(
      tf.mul(tf.log(magnitude), BINS_PER_DECADE / Math.LN10),
      HISTOGRAM_MIN_EXPONENT * BINS_PER_DECADE,
    ),
  );
  const magnitudeBin = tf.add(tf.clipByValue(scaled, 0, MAGNITUDE_BINS - 1), 1);
  const bin = tf.where(
    tf.isFinite(values),
    tf.where(tf.equal(magnitude, 0), tf.fill(values.shape, ZERO_BIN), magnitudeBin),
    tf.fill(values.shape, NON_FINITE_BIN),
  ) as tf.Tensor1D;
  const sizes = members.map((group) => group.reduce((sum, t) => sum + t.size, 0));
  return segmentCounts(bin, sizes, HISTOGRAM_BINS);
}
