import { sumsOfSquares } from './sumsOfSquares';
import * as tf from './tf';

/**
 * How norms are computed on the device.
 * - plain: sqrt(sum(x^2)). Exact and cheapest; fine wherever floats are 32-bit.
 * - scaled: m * sqrt(sum((x/m)^2)) with m = max|x|. Needed on WebGL devices limited to 16-bit
 *   floats, where x^2 overflows as soon as |x| > 256 (65504 is the largest half float).
 */
export type NormMode = 'plain' | 'scaled';

function scaledNorm(x: tf.Tensor, axis?: number): tf.Tensor {
  const m = tf.max(tf.abs(x), axis, true);
  const norm = tf.mul(tf.sqrt(tf.sum(tf.square(tf.divNoNan(x, m)), axis, true)), m);
  return axis === undefined ? tf.reshape(norm, []) : tf.squeeze(norm, [axis]);
}

/** The L2 norm of each tensor, stacked into a 1-D tensor in the same order. */
export function tensorNorms(tensors: readonly tf.Tensor[], mode: NormMode): tf.Tensor1D {
  if (mode === 'scaled') return tf.stack(tensors.map((t) => scaledNorm(t))) as tf.Tensor1D;
  return tf.sqrt(sumsOfSquares(tensors));
}

/** sqrt(sum of squares) along the last axis: combines the norms of parts into the norm of the whole. */
export function combineNorms(norms: tf.Tensor, mode: NormMode): tf.Tensor {
  const axis = norms.rank - 1;
  if (mode === 'scaled') return scaledNorm(norms, axis);
  return tf.sqrt(tf.sum(tf.square(norms), axis));
}

/**
 * Per-layer norms from per-tensor norms, where each layer owns `tensorsPerLayer` consecutive
 * tensors (kernel, then bias when the network has biases).
 */
export function layerNormsFromTensorNorms(
  tensorNormsVector: tf.Tensor1D,
  tensorsPerLayer: number,
  mode: NormMode,
): tf.Tensor1D {
  if (tensorsPerLayer === 1) return tensorNormsVector;
  const layers = tensorNormsVector.shape[0] / tensorsPerLayer;
  return combineNorms(
    tf.reshape(tensorNormsVector, [layers, tensorsPerLayer]),
    mode,
  ) as tf.Tensor1D;
}
