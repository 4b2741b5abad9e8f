import * as tf from './tf';
import { lossKindOf, type LossKind } from '../config/lossKind';
import {
  inputDimOf,
  layerWidths,
  type Activation,
  type ExperimentConfig,
  type NetworkConfig,
} from '../config/schema';
import { deriveSeed } from '../random/prng';
import { applyActivation } from './activations';
import { initKernel, type KernelDrawCache } from './initializers';

/** Epsilon inside the layer-norm square root (PyTorch's LayerNorm default). */
export const LAYER_NORM_EPSILON = 1e-5;

// The loss kind is plain config data (the page's export names it without loading tfjs).
export { lossKindOf, type LossKind };

export interface LayerInfo {
  /** "hidden1" ... "hiddenN", then "output". */
  name: string;
  units: number;
  fanIn: number;
  /** tfjs activation name; the output layer is always "linear" (a regression value or a logit). */
  activation: Activation;
}

/** The trainable parameters of one dense layer: z = x W + b. */
export interface DenseParams {
  kernel: tf.Variable;
  bias: tf.Variable | null;
}

export interface Network {
  layers: LayerInfo[];
  params: DenseParams[];
  loss: LossKind;
  settings: NetworkConfig;
}

export function describeLayers(config: ExperimentConfig): LayerInfo[] {
  const widths = layerWidths(config);
  let fanIn = inputDimOf(config.data.kind);
  return widths.map((units, i) => {
    const isOutput = i === widths.length - 1;
    const info: LayerInfo = {
      name: isOutput ? 'output' : `hidden${i + 1}`,
      units,
      fanIn,
      activation: isOutput ? 'linear' : config.network.activation,
    };
    fanIn = units;
    return info;
  });
}

/**
 * Creates the variables for a config. Each layer's kernel gets its own seed derived from the
 * init seed and the layer index, so changing the depth leaves the earlier layers' draws alone.
 * Variables get tfjs's automatic unique names, so any number of networks can coexist.
 * `draws` (a sweep's) reuses kernel draws across networks; the values are the same without it.
 */
export function createNetwork(config: ExperimentConfig, draws?: KernelDrawCache): Network {
  const layers = describeLayers(config);
  const { scheme, gain, biasInit, seed } = config.init;
  const kernelOf = draws ? draws.kernel.bind(draws) : initKernel;
  const params = layers.map((layer, index) => {
    const values = kernelOf(
      scheme,
      layer.fanIn,
      layer.units,
      gain,
      deriveSeed(seed, 'kernel', index),
    );
    return {
      kernel: variableFrom(tf.tensor2d(values, [layer.fanIn, layer.units])),
      bias: config.network.bias ? variableFrom(tf.fill([layer.units], biasInit)) : null,
    };
  });
  return { layers, params, loss: lossKindOf(config), settings: config.network };
}

/** tf.variable copies its initial value without disposing it, so dispose it here. */
function variableFrom(initial: tf.Tensor): tf.Variable {
  const variable = tf.variable(initial, true);
  initial.dispose();
  return variable;
}

/** The flat list of trainable tensors in forward order: kernel, then bias, per layer. */
export function flatParams(network: Network): tf.Variable[] {
  return network.params.flatMap((p) => (p.bias ? [p.kernel, p.bias] : [p.kernel]));
}

export function disposeNetwork(network: Network): void {
  for (const p of network.params) {
    p.kernel.dispose();
    p.bias?.dispose();
  }
}

/**
 * One dense layer's pre-activation z = h W (+ b), as forward() forms it. The trainer forms it
 * in an op that also catches dL/dz on the way back (SignalTaps.dense, signalTaps.ts).
 */
export type DenseLayer = (
  layer: number,
  h: tf.Tensor,
  kernel: tf.Tensor,
  bias: tf.Tensor | null,
) => tf.Tensor;

export const plainDense: DenseLayer = (_layer, h, kernel, bias) => {
  const m = tf.matMul(h, kernel);
  return bias ? tf.add(m, bias) : m;
};

/** Forward pass; `dense` forms each layer's pre-activation z_l (plainDense unless given). */
export function forward(
  network: Network,
  kernels: readonly tf.Tensor[],
  biases: readonly (tf.Tensor | null)[],
  x: tf.Tensor,
  dense: DenseLayer = plainDense,
): tf.Tensor {
  const { activation, residual, normalization } = network.settings;
  const last = network.layers.length - 1;
  let h = x;
  for (let l = 0; l <= last; l++) {
    const z = dense(l, h, kernels[l] as tf.Tensor, biases[l] ?? null);
    if (l === last) return z;
    const a = applyActivation(activationInput(z, normalization), activation);
    const layer = network.layers[l] as { fanIn: number; units: number };
    h = residual && l > 0 && layer.fanIn === layer.units ? tf.add(a, h) : a;
  }
  throw new Error('network has no layers');
}

/** What a hidden layer's activation is applied to: z, or z layer-normalized (parameter-free). */
export function activationInput(z: tf.Tensor, normalization: NetworkConfig['normalization']) {
  if (normalization !== 'layerNorm') return z;
  const { mean, variance } = tf.moments(z, -1, true);
  return tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, LAYER_NORM_EPSILON)));
}

/**
 * Mean loss over the batch. Sigmoid cross-entropy uses the stable logit form
 * max(z, 0) - z y + log(1 + exp(-|z|)), as tf.nn.sigmoid_cross_entropy_with_logits.
 */
export function dataLoss(kind: LossKind, output: tf.Tensor, target: tf.Tensor): tf.Scalar {
  if (kind === 'mse') return tf.mean(tf.square(tf.sub(output, target)));
  return tf.mean(
    tf.add(
      tf.sub(tf.relu(output), tf.mul(output, target)),
      tf.log1p(tf.exp(tf.neg(tf.abs(output)))),
    ),
  );
}

/** l1 * sum|W| + l2 * sum W^2 over kernels only, or null when both are 0. */
export function regularizationLoss(
  kernels: readonly tf.Tensor[],
  l1: number,
  l2: number,
): tf.Scalar | null {
  if (l1 === 0 && l2 === 0) return null;
  const terms: tf.Scalar[] = [];
  for (const w of kernels) {
    if (l1 !== 0) terms.push(tf.mul(tf.sum(tf.abs(w)), l1));
    if (l2 !== 0) terms.push(tf.mul(tf.sum(tf.square(w)), l2));
  }
  return tf.addN(terms) as tf.Scalar;
}
