/**
 * Log-magnitude histograms of many tensors in a handful of kernels (layout in
 * config/distributionBins.ts): every element gets a bin from one chain of elementwise ops over
 * all tensors at once, the bin is offset by its tensor's index into a slot of its own, and one
 * counting kernel sums the slots. The kernel count does not grow with the number of layers, where
 * a one-hot matrix and a matMul per tensor cost 60-70% of a step's time on cpu and wasm.
 */
import {
  BINS_PER_DECADE,
  HISTOGRAM_BINS,
  HISTOGRAM_MIN_EXPONENT,
  MAGNITUDE_BINS,
  NON_FINITE_BIN,
  ZERO_BIN,
} from '../config/distributionBins';
import * as tf from './tf';

/**
 * How slot counts are summed. 'bincount' is a single pass on cpu and wasm, but WebGL's Bincount
 * reads its input back to the CPU (a GPU sync, ~15-20 ms on software WebGL); 'segmentSum' stays
 * on the GPU there, while on cpu it runs one mask and sum per slot.
 */
export type SlotCounting = 'bincount' | 'segmentSum';

/** The counting the current backend does cheaply (see SlotCounting). */
export function slotCountingForBackend(): SlotCounting {
  return tf.getBackend() === 'webgl' ? 'segmentSum' : 'bincount';
}

/**
 * Sums `weights` (or 1 per element when null) into `size` slots by the int32 slot index of each
 * element. Counts are sums of 1s in float32: exact up to 2^24 per slot.
 */
export function countSlots(
  slots: tf.Tensor1D,
  weights: tf.Tensor1D | null,
  size: number,
  counting: SlotCounting = slotCountingForBackend(),
): tf.Tensor1D {
  if (counting === 'bincount') {
    return tf.bincount(slots, weights ?? tf.tensor1d([], 'float32'), size);
  }
  return tf.unsortedSegmentSum(weights ?? tf.ones(slots.shape), slots, size);
}

/** For tensors of the given sizes laid end to end: each element's tensor index times `stride`. */
export function segmentOffsets(sizes: readonly number[], stride: number): tf.Tensor1D {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const offsets = new Float32Array(total);
  let at = 0;
  sizes.forEach((size, index) => {
    offsets.fill(index * stride, at, at + size);
    at += size;
  });
  return tf.tensor1d(offsets, 'float32');
}

/** All elements of `tensors`, flattened and laid end to end. */
export function flatConcat(tensors: readonly tf.Tensor[]): tf.Tensor1D {
  const flat = tensors.map((t) => tf.reshape(t, [-1]));
  return (flat.length === 1 ? flat[0] : tf.concat(flat)) as tf.Tensor1D;
}

/** Histogram counts for each of `tensors` (any shapes), as [tensors, HISTOGRAM_BINS]. */
export function histogramCounts(
  tensors: readonly tf.Tensor[],
  counting: SlotCounting = slotCountingForBackend(),
): tf.Tensor2D {
  const values = flatConcat(tensors);
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
  );
  const offsets = segmentOffsets(
    tensors.map((t) => t.size),
    HISTOGRAM_BINS,
  );
  // Bins and offsets are small integers, exact in float32; one cast makes the slot index.
  const slots = tf.cast(tf.add(bin, offsets), 'int32') as tf.Tensor1D;
  const counts = countSlots(slots, null, tensors.length * HISTOGRAM_BINS, counting);
  return tf.reshape(counts, [tensors.length, HISTOGRAM_BINS]);
}
