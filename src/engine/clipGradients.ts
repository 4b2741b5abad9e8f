import * as tf from './tf';
import type { ClipConfig } from '../config/schema';
import { tensorNorms, type NormMode } from './norms';

/** Added to the global norm before dividing, as PyTorch's clip_grad_norm_ does. */
export const GLOBAL_NORM_EPSILON = 1e-6;

export interface ClippedGradients {
  grads: tf.Tensor[];
  /** The L2 norm of each clipped gradient tensor. */
  tensorNorms: tf.Tensor1D;
  /** 1 if clipping changed any gradient, else 0. */
  changed: tf.Scalar;
}

/**
 * Clips gradients. `norms` are the per-tensor norms of `grads` and `globalNorm` their combined
 * norm: both are measured anyway, so clipping by norm reuses them instead of recomputing.
 * - value: clamp every element to [-c, c] (PyTorch clip_grad_value_, Keras clipvalue).
 * - layerNorm: each tensor g times c / max(||g||, c) (tf.clip_by_norm, Keras clipnorm).
 * - globalNorm: every tensor times min(1, c / (G + 1e-6)) (PyTorch clip_grad_norm_).
 * A non-finite G yields non-finite gradients; the trainer reports that as an explosion event.
 */
export function clipGradients(
  grads: readonly tf.Tensor[],
  norms: tf.Tensor1D,
  globalNorm: tf.Scalar,
  clip: ClipConfig,
  mode: NormMode,
): ClippedGradients {
  switch (clip.mode) {
    case 'none':
      return { grads: [...grads], tensorNorms: norms, changed: tf.scalar(0) };
    case 'value': {
      const c = clip.threshold;
      const maxAbs = tf.max(tf.stack(grads.map((g) => tf.max(tf.abs(g)))));
      const clipped = grads.map((g) => tf.clipByValue(g, -c, c));
      return {
        grads: clipped,
        tensorNorms: tensorNorms(clipped, mode),
        changed: tf.cast(tf.greater(maxAbs, c), 'float32') as tf.Scalar,
      };
    }
    case 'layerNorm': {
      const c = clip.threshold;
      const scales = tf.div(c, tf.maximum(norms, c)) as tf.Tensor1D;
      const perTensor = tf.unstack(scales);
      return {
        grads: grads.map((g, i) => tf.mul(g, perTensor[i] as tf.Tensor)),
        tensorNorms: tf.mul(norms, scales) as tf.Tensor1D,
        changed: tf.cast(tf.any(tf.greater(norms, c)), 'float32') as tf.Scalar,
      };
    }
    case 'globalNorm': {
      const c = clip.threshold;
      const scale = tf.minimum(1, tf.div(c, tf.add(globalNorm, GLOBAL_NORM_EPSILON))) as tf.Scalar;
      return {
        grads: grads.map((g) => tf.mul(g, scale)),
        tensorNorms: tf.mul(norms, scale) as tf.Tensor1D,
        changed: tf.cast(tf.less(scale, 1), 'float32') as tf.Scalar,
      };
    }
  }
}
