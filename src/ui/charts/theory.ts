/**
 * Signal-propagation theory at initialization (Glorot & Bengio 2010, He et al. 2015): the
 * backpropagated signal delta_l = dL/dz_l of a dense layer l is
 *   delta_l = f'(z_l) * (W_{l+1} delta_{l+1}),   W_{l+1} of shape [fanIn, fanOut] = [n_l, n_{l+1}],
 * and with independent zero-mean weights E||W delta||^2 = n_l Var(w) ||delta||^2, so the norm
 * changes per layer toward the input by
 *   ratio = sqrt(n_l * Var(w_{l+1}) * chi_l),   chi = E[f'(z)^2].
 * He + ReLU gives 1 (flat), LeCun + ReLU 2^-1/2 (vanishing). Pure maths: no React, no tfjs.
 */
import { LEAKY_RELU_ALPHA } from '../../config/activationConstants';
import type { Activation, InitConfig, InitScheme, NetworkConfig } from '../../config/schema';

/** What the theory needs to know about one dense layer (a subset of the engine's LayerInfo). */
export interface TheoryLayer {
  units: number;
  fanIn: number;
  activation: Activation;
}

export interface ActivationGain {
  /** E[f'(z)^2] over the pre-activations. */
  chi: number;
  /** False when chi only holds for small pre-activations (the linear regime near 0). */
  exact: boolean;
}

/**
 * chi = E[f'(z)^2] for zero-mean symmetric z: ReLU 1/2 (half the units pass), leaky ReLU
 * (1 + alpha^2)/2, linear 1. tanh and sigmoid use their slope at 0 (1 and 1/4), which holds only
 * while pre-activations stay small. Other activations have no simple closed form here: null.
 */
export function activationGain(activation: Activation): ActivationGain | null {
  switch (activation) {
    case 'linear':
      return { chi: 1, exact: true };
    case 'relu':
      return { chi: 1 / 2, exact: true };
    case 'leakyRelu':
      return { chi: (1 + LEAKY_RELU_ALPHA ** 2) / 2, exact: true };
    case 'tanh':
      return { chi: 1, exact: false };
    case 'sigmoid':
      return { chi: 1 / 16, exact: false };
    default:
      return null;
  }
}

/**
 * Var(w) of a kernel drawn by `scheme` (as engine/initializers.ts draws it), times gain^2.
 * Constant kernels are not random, so the theory does not apply: null.
 */
export function initWeightVariance(
  scheme: InitScheme,
  fanIn: number,
  fanOut: number,
  gain: number,
): number | null {
  const g2 = gain * gain;
  switch (scheme.kind) {
    case 'zeros':
      return 0;
    case 'constant':
      return null;
    case 'normal':
      return scheme.sigma ** 2 * g2;
    case 'uniform':
      // U(-a, a) has variance a^2 / 3.
      return (scheme.limit ** 2 / 3) * g2;
    case 'glorotNormal':
    case 'glorotUniform':
      return (2 / (fanIn + fanOut)) * g2;
    case 'heNormal':
    case 'heUniform':
      return (2 / fanIn) * g2;
    case 'lecunNormal':
    case 'lecunUniform':
      return (1 / fanIn) * g2;
    case 'orthogonal':
      // Orthonormal columns (fanIn >= fanOut) or rows: each entry has variance 1/max(fanIn,
      // fanOut), i.e. gain^2/fanIn for square layers, where the norm is preserved exactly.
      return (scheme.gain ** 2 / Math.max(fanIn, fanOut)) * g2;
  }
}

/** Expected signal-norm ratio ||delta_l|| / ||delta_{l+1}|| = sqrt(width * Var(w) * chi). */
export function signalRatio(width: number, weightVariance: number, chi: number): number {
  return Math.sqrt(width * weightVariance * chi);
}

export interface SignalPrediction {
  /** Predicted signal norm per layer, forward order; the output layer's is the anchor itself. */
  norms: number[];
  /** True when an activation's chi or a non-zero bias makes the prediction approximate. */
  approximate: boolean;
}

export type TheoryNetwork = Pick<NetworkConfig, 'residual' | 'normalization'>;

/**
 * Predicted backpropagated signal norm per layer at initialization, anchored at the output
 * layer's measured signal norm and multiplied by `signalRatio` per layer toward the input.
 * Null where the theory does not apply: skip connections, layer normalization, constant init,
 * activations without a chi, or a non-positive/non-finite anchor.
 */
export function predictSignalNorms(
  layers: readonly TheoryLayer[],
  init: Pick<InitConfig, 'scheme' | 'gain' | 'biasInit'>,
  network: TheoryNetwork,
  outputSignalNorm: number,
): SignalPrediction | null {
  if (layers.length === 0 || network.residual || network.normalization !== 'none') return null;
  if (!(Number.isFinite(outputSignalNorm) && outputSignalNorm > 0)) return null;
  const norms: number[] = new Array<number>(layers.length).fill(0);
  norms[layers.length - 1] = outputSignalNorm;
  let approximate = false;
  for (let l = layers.length - 2; l >= 0; l--) {
    const layer = layers[l] as TheoryLayer;
    const next = layers[l + 1] as TheoryLayer;
    const gain = activationGain(layer.activation);
    const variance = initWeightVariance(init.scheme, next.fanIn, next.units, init.gain);
    if (!gain || variance === null) return null;
    // A bias shifts the pre-activations off zero, which changes the share of active units.
    if (!gain.exact || (init.biasInit !== 0 && layer.activation !== 'linear')) approximate = true;
    norms[l] = (norms[l + 1] as number) * signalRatio(next.fanIn, variance, gain.chi);
  }
  return { norms, approximate };
}
