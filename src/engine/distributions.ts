/**
 * Per-layer distributions, measured on the step's batch inside the step's packed metrics (no
 * extra readback): each layer's saturation share on every step, and log-magnitude histograms of
 * the pre-activations z, the activations phi(z), the backpropagated signal dL/dz and the
 * parameter gradients (layout in config/distributionBins.ts) on the steps that ask for them. Only computed when asked for: with
 * the distributions off, a step runs none of this.
 */
import {
  DISTRIBUTION_QUANTITIES,
  SATURATION_DERIVATIVE_SHARE,
  type DistributionQuantity,
} from '../config/distributionBins';
import type { Activation, NetworkConfig } from '../config/schema';
import { applyActivation } from './activations';
import { flatConcat } from './histograms';
import { histogramSection } from './histogramSection';
import { KERNEL_MAX_SEGMENT, segmentCounts } from './segmentCounts';
import { activationInput } from './network';
import { runOptionalKernel } from './optionalKernel';
import * as tf from './tf';

/** Packed after the norms on every step: saturation per layer. */
export function saturationVectorLength(layerCount: number): number {
  return layerCount;
}

/** Packed for a layer whose saturation is not defined (see saturationShares). */
const NOT_DEFINED = -1;

/**
 * A backend may measure saturationShares in one kernel registered under this name (on cpu and
 * wasm one pass of plain JavaScript: src/backend/hostDistributions.ts). Its contract: inputs
 * x0..x{n-1}, float32 [batch, units], one per layer; attr `rule`, 'magnitude' (the share of
 * elements with |u| > attr `threshold`) or 'dead' (the share of columns whose every entry is
 * <= 0; a NaN entry is not <= 0); output float32 [n], the shares. Inputs are at most
 * KERNEL_MAX_SEGMENT elements (a shader loops over a whole input); larger ones take plain ops.
 */
export const SATURATION_SHARES_KERNEL = 'GradscopeSaturationShares';
export type SaturationRule = 'magnitude' | 'dead';

/**
 * |u| beyond which a unit is saturated: tanh'(u) = 1 - tanh(u)^2 < s (its maximum is 1) where
 * |u| > atanh(sqrt(1 - s)); sigmoid'(u) = 1 / (4 cosh(u/2)^2) < s/4 (of its maximum 1/4) where
 * |u| > 2 acosh(1/sqrt(s)). s = SATURATION_DERIVATIVE_SHARE: 2.18 and 4.37.
 */
export const SATURATION_THRESHOLD: Partial<Record<Activation, number>> = {
  tanh: Math.atanh(Math.sqrt(1 - SATURATION_DERIVATIVE_SHARE)),
  sigmoid: 2 * Math.acosh(1 / Math.sqrt(SATURATION_DERIVATIVE_SHARE)),
};

/**
 * Per hidden layer, the share of its (example, unit) pairs on the batch that are saturated:
 * tanh and sigmoid with |phi'(u)| below 5% of its maximum (SATURATION_THRESHOLD). For ReLU the
 * share of dead units, those with u <= 0 on every example of the batch. `inputs` are what each
 * layer's activation is applied to (z, or z layer-normalized), [batch, units]. Other activations
 * have no such measure: NOT_DEFINED. All layers at once, in a few kernels whatever the depth.
 */
export function saturationShares(
  inputs: readonly tf.Tensor[],
  activation: Activation,
): tf.Tensor1D {
  const layers = inputs.length;
  if (layers === 0) return tf.zeros([0]);
  const threshold = SATURATION_THRESHOLD[activation];
  if (threshold === undefined && activation !== 'relu') {
    return tf.fill([layers], NOT_DEFINED) as tf.Tensor1D;
  }
  const rule: SaturationRule = threshold === undefined ? 'dead' : 'magnitude';
  if (inputs.some((u) => u.size > KERNEL_MAX_SEGMENT))
    return sharesWithOps(inputs, rule, threshold ?? 0);
  return runOptionalKernel(
    SATURATION_SHARES_KERNEL,
    inputs,
    { rule, threshold: threshold ?? 0 },
    () => sharesWithOps(inputs, rule, threshold ?? 0),
  );
}

/** saturationShares with plain tfjs ops and segmentCounts. */
function sharesWithOps(
  inputs: readonly tf.Tensor[],
  rule: SaturationRule,
  threshold: number,
): tf.Tensor1D {
  const layers = inputs.length;
  let flags: tf.Tensor1D;
  let sizes: number[];
  if (rule === 'magnitude') {
    flags = tf.cast(tf.greater(tf.abs(flatConcat(inputs)), threshold), 'float32') as tf.Tensor1D;
    sizes = inputs.map((u) => u.size);
  } else {
    // A unit's largest u over the batch; dead where it is <= 0.
    flags = tf.cast(
      tf.lessEqual(flatConcat(inputs.map((u) => tf.max(u, 0))), 0),
      'float32',
    ) as tf.Tensor1D;
    sizes = inputs.map((u) => u.shape[1] ?? 1);
  }
  // Per layer [not saturated, saturated] counts; the second over the layer's size.
  const counts = tf.reshape(segmentCounts(flags, sizes, 2), [layers, 2]);
  const saturated = tf.reshape(tf.slice(counts, [0, 1], [layers, 1]), [layers]);
  return tf.div(saturated, tf.tensor1d(sizes)) as tf.Tensor1D;
}

/**
 * A step's saturation shares, packed: one per layer in forward order, NOT_DEFINED for the linear
 * output layer. `preActivations` are z per layer, [batch, units] (the output layer last).
 */
export function saturationVector(
  preActivations: readonly tf.Tensor[],
  network: NetworkConfig,
): tf.Tensor1D {
  const hidden = preActivations.slice(0, -1).map((z) => activationInput(z, network.normalization));
  if (hidden.length === 0) return tf.fill([1], NOT_DEFINED) as tf.Tensor1D;
  // The output layer's entry padded on: one op, where a concatenation also uploaded the -1.
  return tf.pad(saturationShares(hidden, network.activation), [[0, 1]], NOT_DEFINED);
}

/**
 * A step's histograms, packed (histogramSection.ts): for each quantity of
 * DISTRIBUTION_QUANTITIES its [layers, HISTOGRAM_BINS] counts, or the values to count. `preActivations` and `signals` are z and dL/dz per layer,
 * [batch, units], and `parameterGradients` each layer's gradients (kernel, then bias if any),
 * all in forward order (the output layer last).
 */
export function histogramsVector(
  preActivations: readonly tf.Tensor[],
  signals: readonly tf.Tensor[],
  parameterGradients: readonly (readonly tf.Tensor[])[],
  network: NetworkConfig,
): tf.Tensor1D {
  const last = preActivations.length - 1;
  const activations = preActivations.map((z, l) =>
    l === last ? z : applyActivation(activationInput(z, network.normalization), network.activation),
  );
  const byQuantity: Record<DistributionQuantity, readonly (tf.Tensor | readonly tf.Tensor[])[]> = {
    preActivation: preActivations,
    activation: activations,
    signal: signals,
    parameterGradient: parameterGradients,
  };
  // Every quantity and layer in one histogram call: the kernel count stays flat with depth.
  return histogramSection(DISTRIBUTION_QUANTITIES.flatMap((q) => byQuantity[q]));
}

export function decodeSaturation(
  data: ArrayLike<number>,
  start: number,
  layerCount: number,
): (number | null)[] {
  return Array.from({ length: layerCount }, (_, l) => {
    const v = data[start + l] as number;
    return v === NOT_DEFINED ? null : v;
  });
}
