import { sumsOfSquares } from './sumsOfSquares';
import * as tf from './tf';

/**
 * How norms are computed on the device.
 * - plain: sqrt(sum(x^2)). Exact and cheapest; fine wherever floats are 32-bit.
 * - scaled: m * sqrt(sum((x/m)^2)) with m = max|x|. Needed on WebGL devices limited to 16-bit
 *   floats, where x^2 overflows as soon as |x| > 256 (65504 is the largest half float).
 */
export type NormMode = 'plain' | 'scaled';

function scaledNorm(x: tf.Tensor): tf.Scalar {
  const m = tf.max(tf.abs(x));
  return tf.mul(tf.sqrt(tf.sum(tf.square(tf.divNoNan(x, m)))), m);
}

/**
 * The L2 norm of each segment, a list of indices into `tensors`, taken over all the elements of
 * its tensors (a layer's kernel and bias, or every gradient for the global norm).
 */
export function segmentNorms(
  tensors: readonly tf.Tensor[],
  segments: readonly (readonly number[])[],
  mode: NormMode,
): tf.Tensor1D {
  if (mode === 'plain') return sumsOfSquares(tensors, { segments, root: true });
  // The norm of a union is the norm of its parts' norms.
  const norms = tensors.map((t) => scaledNorm(t));
  return tf.stack(
    segments.map((segment) =>
      segment.length === 0 ? tf.scalar(0) : scaledNorm(tf.stack(segment.map((i) => norms[i]!))),
    ),
  ) as tf.Tensor1D;
}
