import type { GradientControlConfig } from '../config/schema';
import type { Network } from './network';
import * as tf from './tf';

/** Keras's backend epsilon, used by its MaxNorm constraint. */
export const MAX_NORM_EPSILON = 1e-7;

/**
 * Keras MaxNorm(c, axis=0): rescales each unit's incoming weight vector (a kernel column) to
 * norm at most c: w * clip(n, 0, c) / (eps + n). Applied after each update, because tfjs
 * optimizers (and ours) bypass layer constraints.
 */
export function maxNormConstraint(kernel: tf.Tensor, maxNorm: number): tf.Tensor {
  const norms = tf.sqrt(tf.sum(tf.square(kernel), 0, true));
  const desired = tf.clipByValue(norms, 0, maxNorm);
  return tf.mul(kernel, tf.div(desired, tf.add(norms, MAX_NORM_EPSILON)));
}

/** Magnitude pruning: weights with |w| < threshold become exactly 0. */
export function pruneSmallWeights(kernel: tf.Tensor, threshold: number): tf.Tensor {
  return tf.mul(kernel, tf.cast(tf.greaterEqual(tf.abs(kernel), threshold), kernel.dtype));
}

/**
 * Max-norm, then pruning, on every kernel after an update (Keras applies constraints after the
 * update too). Call inside tf.tidy.
 */
export function applyWeightConstraints(
  network: Network,
  { maxNorm, pruneBelow }: Pick<GradientControlConfig, 'maxNorm' | 'pruneBelow'>,
): void {
  if (maxNorm === null && pruneBelow <= 0) return;
  for (const { kernel } of network.params) {
    let next: tf.Tensor = kernel;
    if (maxNorm !== null) next = maxNormConstraint(next, maxNorm);
    if (pruneBelow > 0) next = pruneSmallWeights(next, pruneBelow);
    kernel.assign(next);
  }
}
