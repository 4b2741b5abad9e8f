import * as tf from './tf';
import { LEAKY_RELU_ALPHA } from '../config/activationConstants';
import type { Activation } from '../config/schema';

/**
 * Applies an activation by its tfjs name. Each is a differentiable tfjs op (or a composition of
 * them), so autodiff gives the exact derivative; GELU is the exact erf form, not the tanh
 * approximation.
 */
export function applyActivation(x: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'linear':
      return x;
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'relu':
      return tf.relu(x);
    case 'leakyRelu':
      return tf.leakyRelu(x, LEAKY_RELU_ALPHA);
    case 'elu':
      return tf.elu(x);
    case 'selu':
      return tf.selu(x);
    case 'gelu':
      return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))));
    case 'softplus':
      return tf.softplus(x);
    case 'swish':
      return tf.mul(x, tf.sigmoid(x));
  }
}
