import { decodeDistributions, distributionsVectorLength } from './distributions';
import type { DistributionQuantity } from '../config/distributionBins';

/**
 * Per-step measurements and their packing into one flat float vector, so that many steps come
 * back from the device in a single readback (each GPU readback costs ~15-20 ms).
 * All numbers are measured on the weights before the step's update; see ../../README.md.
 */
export interface StepMetrics {
  /** 1-based step number. */
  step: number;
  /** Mean data loss over the batch the step trained on (regularization excluded). */
  loss: number;
  /** Per layer: L2 norm of all its parameter gradients (kernel and bias), after the gradient
   * scale factor and before clipping. Forward order, output layer last. */
  gradNorm: number[];
  /** Per layer: the same after clipping. */
  clippedGradNorm: number[];
  /** sqrt of the sum of squared layer norms, before clipping. */
  globalNorm: number;
  clippedGlobalNorm: number;
  /** Per layer: Frobenius norm over the batch of dL/dz, z the layer's pre-activation. */
  signalNorm: number[];
  /** Per layer: L2 norm of all its parameters. */
  weightNorm: number[];
  /** Whether clipping changed any gradient in this step. */
  clipped: boolean;
  /**
   * The threshold clipping used in this step: c, or for AutoClip the percentile of the pre-clip
   * global norms of steps 1..step; null without clipping.
   */
  clipThreshold: number | null;
  /**
   * The cosine between the raw and the clipped gradient (all tensors as one vector): 1 for
   * global-norm clipping and AutoClip by construction, below 1 where per-tensor or by-value
   * clipping turned the direction; 1 without clipping.
   */
  clipCosine: number;
  /**
   * Only with the distributions on: per layer, the share of the batch's (example, unit) pairs
   * that are saturated (tanh, sigmoid), or of dead units (ReLU); null where not defined.
   */
  saturation?: (number | null)[];
  /** Only with the distributions on: per quantity and layer, log-magnitude histogram counts. */
  histograms?: Record<DistributionQuantity, number[][]>;
}

/** Scalars first, then four per-layer blocks. */
const SCALARS = [
  'loss',
  'globalNorm',
  'clippedGlobalNorm',
  'clipped',
  'clipThreshold',
  'clipCosine',
] as const;
const PER_LAYER = ['gradNorm', 'clippedGradNorm', 'signalNorm', 'weightNorm'] as const;

export function metricsVectorLength(layerCount: number): number {
  return SCALARS.length + PER_LAYER.length * layerCount;
}

/** A step's packed length, with the distributions (distributions.ts) after the norms or not. */
export function stepVectorLength(layerCount: number, distributions: boolean): number {
  return (
    metricsVectorLength(layerCount) + (distributions ? distributionsVectorLength(layerCount) : 0)
  );
}

/** Decodes `count` consecutive step vectors from `data`, numbering them from `firstStep`. */
export function decodeStepMetrics(
  data: ArrayLike<number>,
  layerCount: number,
  count: number,
  firstStep: number,
  distributions = false,
): StepMetrics[] {
  const stride = stepVectorLength(layerCount, distributions);
  const out: StepMetrics[] = [];
  for (let s = 0; s < count; s++) {
    const base = s * stride;
    const block = (b: number) => {
      const start = base + SCALARS.length + b * layerCount;
      return Array.from({ length: layerCount }, (_, l) => data[start + l] as number);
    };
    const metrics: StepMetrics = {
      step: firstStep + s,
      loss: data[base] as number,
      globalNorm: data[base + 1] as number,
      clippedGlobalNorm: data[base + 2] as number,
      clipped: (data[base + 3] as number) > 0.5,
      // NaN marks "no clipping" in the packed vector.
      clipThreshold: Number.isNaN(data[base + 4]) ? null : (data[base + 4] as number),
      clipCosine: data[base + 5] as number,
      gradNorm: block(0),
      clippedGradNorm: block(1),
      signalNorm: block(2),
      weightNorm: block(3),
    };
    if (distributions) {
      const decoded = decodeDistributions(data, base + metricsVectorLength(layerCount), layerCount);
      metrics.saturation = decoded.saturation;
      metrics.histograms = decoded.histograms;
    }
    out.push(metrics);
  }
  return out;
}
