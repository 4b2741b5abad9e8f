import * as tf from './tf';
import type { ClipConfig } from '../config/schema';

/** Added to the global norm before dividing, as PyTorch's clip_grad_norm_ does. */
export const GLOBAL_NORM_EPSILON = 1e-6;

export interface ClippedGradients {
  grads: tf.Tensor[];
  /** 1 if clipping changed any gradient, else 0. */
  changed: tf.Scalar;
  /** The threshold this step used (c, or AutoClip's percentile of the norms); NaN unclipped. */
  threshold: tf.Scalar;
}

/**
 * Clips gradients. `norms` are the per-tensor norms of `grads` (needed by tensorNorm only) and
 * `globalNorm` their combined norm: both are measured anyway, so clipping by norm reuses them
 * instead of recomputing.
 * - value: clamp every element to [-c, c] (PyTorch clip_grad_value_, Keras clipvalue).
 * - tensorNorm: each tensor g times c / max(||g||, c) (tf.clip_by_norm, Keras clipnorm).
 * - globalNorm: every tensor times min(1, c / (G + 1e-6)) (PyTorch clip_grad_norm_).
 * - auto: global-norm clipping at `autoThreshold` (AutoClip's percentile, autoClip.ts).
 * A non-finite G yields non-finite gradients; the trainer reports that as an explosion event.
 */
export function clipGradients(
  grads: readonly tf.Tensor[],
  norms: tf.Tensor1D | null,
  globalNorm: tf.Scalar,
  clip: ClipConfig,
  autoThreshold: tf.Scalar | null = null,
): ClippedGradients {
  switch (clip.mode) {
    case 'none':
      return { grads: [...grads], changed: tf.scalar(0), threshold: tf.scalar(NaN) };
    case 'value': {
      const c = clip.threshold;
      const maxAbs = tf.max(tf.stack(grads.map((g) => tf.max(tf.abs(g)))));
      return {
        grads: grads.map((g) => tf.clipByValue(g, -c, c)),
        changed: tf.cast(tf.greater(maxAbs, c), 'float32') as tf.Scalar,
        threshold: tf.scalar(c),
      };
    }
    case 'tensorNorm': {
      if (!norms) throw new Error('clipping by per-tensor norm needs the per-tensor norms');
      const c = clip.threshold;
      const scales = tf.div(c, tf.maximum(norms, c)) as tf.Tensor1D;
      const perTensor = tf.unstack(scales);
      return {
        grads: grads.map((g, i) => tf.mul(g, perTensor[i] as tf.Tensor)),
        changed: tf.cast(tf.any(tf.greater(norms, c)), 'float32') as tf.Scalar,
        threshold: tf.scalar(c),
      };
    }
    case 'globalNorm':
      return clipGlobalNorm(grads, globalNorm, tf.scalar(clip.threshold));
    case 'auto':
      if (!autoThreshold) throw new Error('AutoClip needs the threshold of its percentile');
      return clipGlobalNorm(grads, globalNorm, autoThreshold);
  }
}

/** Every tensor times min(1, c / (G + 1e-6)) (PyTorch clip_grad_norm_). */
function clipGlobalNorm(
  grads: readonly tf.Tensor[],
  globalNorm: tf.Scalar,
  c: tf.Scalar,
): ClippedGradients {
  const scale = tf.minimum(1, tf.div(c, tf.add(globalNorm, GLOBAL_NORM_EPSILON))) as tf.Scalar;
  return {
    grads: grads.map((g) => tf.mul(g, scale)),
    changed: tf.cast(tf.less(scale, 1), 'float32') as tf.Scalar,
    threshold: c,
  };
}
