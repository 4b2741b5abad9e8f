/**
 * Per-layer distributions, measured on the step's batch inside the step's packed metrics (no
 * extra readback): log-magnitude histograms of the pre-activations z, the activations phi(z) and
 * the backpropagated signal dL/dz (layout in config/distributionBins.ts), and each layer's
 * saturation share. Only computed when asked for: with the distributions off, a step runs none
 * of this.
 */
import {
  BINS_PER_DECADE,
  DISTRIBUTION_QUANTITIES,
  HISTOGRAM_BINS,
  HISTOGRAM_MIN_EXPONENT,
  MAGNITUDE_BINS,
  NON_FINITE_BIN,
  SATURATION_DERIVATIVE_SHARE,
  ZERO_BIN,
  type DistributionQuantity,
} from '../config/distributionBins';
import type { Activation, NetworkConfig } from '../config/schema';
import { applyActivation } from './activations';
import { activationInput } from './network';
import * as tf from './tf';

/** Packed after the norms: saturation per layer, then per quantity and layer a histogram. */
export function distributionsVectorLength(layerCount: number): number {
  return layerCount + DISTRIBUTION_QUANTITIES.length * layerCount * HISTOGRAM_BINS;
}

/** Packed for a layer whose saturation is not defined (see saturationShare). */
const NOT_DEFINED = -1;

/** Histogram counts per layer for each of one quantity's per-layer tensors, as [layers, bins]. */
export function histogramCounts(tensors: readonly tf.Tensor[]): tf.Tensor {
  const sizes = tensors.map((t) => t.size);
  const values = tf.concat(tensors.map((t) => tf.reshape(t, [-1])));
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
    tf.logicalNot(tf.isFinite(values)),
    tf.fill(values.shape, NON_FINITE_BIN),
    tf.where(tf.equal(magnitude, 0), tf.fill(values.shape, ZERO_BIN), magnitudeBin),
  );
  const bins = tf.cast(bin, 'int32') as tf.Tensor1D;
  let offset = 0;
  const counts = sizes.map((size) => {
    const layerBins = tf.slice(bins, offset, size);
    offset += size;
    // Column sums of the one-hot rows as a [1, n] x [n, bins] product: a sum over axis 0 is a
    // transpose and a reduction on the cpu backend, 7x slower here than the matMul.
    return tf.reshape(tf.matMul(tf.ones([1, size]), tf.oneHot(layerBins, HISTOGRAM_BINS)), [
      HISTOGRAM_BINS,
    ]);
  });
  return tf.stack(counts);
}

/**
 * The share of a hidden layer's (example, unit) pairs on the batch that are saturated:
 * tanh |phi'(u)| = 1 - tanh(u)^2 below 5% of its maximum 1; sigmoid s(1 - s) below 5% of its
 * maximum 1/4. For ReLU the share of dead units, those with u <= 0 on every example of the batch.
 * u is what the activation is applied to (z, or z layer-normalized). Other activations, and the
 * linear output layer, have no such measure: NOT_DEFINED.
 */
export function saturationShare(u: tf.Tensor, a: tf.Tensor, activation: Activation): tf.Scalar {
  switch (activation) {
    case 'tanh':
      return tf.mean(
        tf.cast(tf.less(tf.sub(1, tf.square(a)), SATURATION_DERIVATIVE_SHARE), 'float32'),
      );
    case 'sigmoid':
      return tf.mean(
        tf.cast(tf.less(tf.mul(a, tf.sub(1, a)), 0.25 * SATURATION_DERIVATIVE_SHARE), 'float32'),
      );
    case 'relu':
      return tf.mean(tf.cast(tf.lessEqual(tf.max(u, 0), 0), 'float32'));
    default:
      return tf.scalar(NOT_DEFINED);
  }
}

/**
 * The distributions of one step, packed: [saturation per layer, then for each quantity of
 * DISTRIBUTION_QUANTITIES its [layers, HISTOGRAM_BINS] counts]. `preActivations` and `signals`
 * are z and dL/dz per layer, [batch, units], in forward order (the output layer last).
 */
export function distributionsVector(
  preActivations: readonly tf.Tensor[],
  signals: readonly tf.Tensor[],
  network: NetworkConfig,
): tf.Tensor1D {
  const last = preActivations.length - 1;
  const inputs = preActivations.map((z, l) =>
    l === last ? z : activationInput(z, network.normalization),
  );
  const activations = inputs.map((u, l) =>
    l === last ? u : applyActivation(u, network.activation),
  );
  const saturation = inputs.map((u, l) =>
    l === last
      ? tf.scalar(NOT_DEFINED)
      : saturationShare(u, activations[l] as tf.Tensor, network.activation),
  );
  const byQuantity: Record<DistributionQuantity, readonly tf.Tensor[]> = {
    preActivation: preActivations,
    activation: activations,
    signal: signals,
  };
  return tf.concat([
    tf.stack(saturation),
    ...DISTRIBUTION_QUANTITIES.map((q) => tf.reshape(histogramCounts(byQuantity[q]), [-1])),
  ]) as tf.Tensor1D;
}

/** Per-step distributions as decoded from the packed vector. */
export interface StepDistributions {
  /** Per layer: the saturated share (see saturationShare), or null where not defined. */
  saturation: (number | null)[];
  /** Per quantity, per layer: HISTOGRAM_BINS counts (config/distributionBins.ts). */
  histograms: Record<DistributionQuantity, number[][]>;
}

export function decodeDistributions(
  data: ArrayLike<number>,
  start: number,
  layerCount: number,
): StepDistributions {
  const saturation = Array.from({ length: layerCount }, (_, l) => {
    const v = data[start + l] as number;
    return v === NOT_DEFINED ? null : v;
  });
  let at = start + layerCount;
  const histogramsOut = {} as Record<DistributionQuantity, number[][]>;
  for (const q of DISTRIBUTION_QUANTITIES) {
    histogramsOut[q] = Array.from({ length: layerCount }, () => {
      const counts = Array.from({ length: HISTOGRAM_BINS }, (_, b) => data[at + b] as number);
      at += HISTOGRAM_BINS;
      return counts;
    });
  }
  return { saturation, histograms: histogramsOut };
}
