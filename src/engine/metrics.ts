import { decodeSaturation, saturationVectorLength } from './distributions';
import { readHistogramSection } from './histogramSection';
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
   * scale factor and before clipping. Forward order, output layer last. For a recurrent
   * network, per named tensor (the record's `layers`). */
  gradNorm: number[];
  /** Per layer: the same after clipping. */
  clippedGradNorm: number[];
  /** sqrt of the sum of squared layer norms, before clipping. */
  globalNorm: number;
  clippedGlobalNorm: number;
  /** Per layer: Frobenius norm over the batch of dL/dz, z the layer's pre-activation. Empty for
   * a recurrent network, whose signal is per time step (timeSignalNorm). */
  signalNorm: number[];
  /**
   * Recurrent networks only: per time step t = 1..T (forward order, T last), the Frobenius norm
   * over the batch of dL/dh_t, h_t the hidden state, the loss taken at step T only.
   */
  timeSignalNorm?: number[];
  /**
   * Recurrent networks with the vanilla cell only, on the first step of each chunk: the spectral
   * radius of W_h on the weights before that step's update (recurrent/spectralRadius.ts).
   */
  spectralRadius?: number;
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
  /**
   * Only with the distributions on, on the steps that measure them (HistogramSteps): per
   * quantity and layer, log-magnitude histogram counts.
   */
  histograms?: Record<DistributionQuantity, number[][]>;
}

/**
 * Scalars first, then the per-layer blocks gradNorm, clippedGradNorm, the signal block (one
 * per layer, or one per time step for a recurrent network), weightNorm.
 */
const SCALARS = [
  'loss',
  'globalNorm',
  'clippedGlobalNorm',
  'clipped',
  'clipThreshold',
  'clipCosine',
] as const;
const PER_LAYER_BLOCKS = 3;

export function metricsVectorLength(layerCount: number, signalCount = layerCount): number {
  return SCALARS.length + PER_LAYER_BLOCKS * layerCount + signalCount;
}

/** The step's scalars and blocks at `base`; signals are `signalCount` long. */
function decodeNorms(data: ArrayLike<number>, base: number, layers: number, signalCount: number) {
  const block = (start: number, length: number) =>
    Array.from({ length }, (_, i) => data[base + SCALARS.length + start + i] as number);
  return {
    loss: data[base] as number,
    globalNorm: data[base + 1] as number,
    clippedGlobalNorm: data[base + 2] as number,
    clipped: (data[base + 3] as number) > 0.5,
    // NaN marks "no clipping" in the packed vector.
    clipThreshold: Number.isNaN(data[base + 4]) ? null : (data[base + 4] as number),
    clipCosine: data[base + 5] as number,
    gradNorm: block(0, layers),
    clippedGradNorm: block(layers, layers),
    signals: block(2 * layers, signalCount),
    weightNorm: block(2 * layers + signalCount, layers),
  };
}

/** A step's metrics from its decoded norms, in the order the run record has always written them. */
function stepFields(
  step: number,
  n: ReturnType<typeof decodeNorms>,
  signalNorm: number[],
): StepMetrics {
  return {
    step,
    loss: n.loss,
    globalNorm: n.globalNorm,
    clippedGlobalNorm: n.clippedGlobalNorm,
    clipped: n.clipped,
    clipThreshold: n.clipThreshold,
    clipCosine: n.clipCosine,
    gradNorm: n.gradNorm,
    clippedGradNorm: n.clippedGradNorm,
    signalNorm,
    weightNorm: n.weightNorm,
  };
}

/**
 * Decodes `count` consecutive step vectors of a recurrent network with `tensorCount` named
 * tensors and `timeSteps` signals (no distributions), numbering them from `firstStep`.
 */
export function decodeRecurrentStepMetrics(
  data: ArrayLike<number>,
  tensorCount: number,
  timeSteps: number,
  count: number,
  firstStep: number,
): StepMetrics[] {
  const stride = metricsVectorLength(tensorCount, timeSteps);
  return Array.from({ length: count }, (_, s) => {
    const n = decodeNorms(data, s * stride, tensorCount, timeSteps);
    return { ...stepFields(firstStep + s, n, []), timeSignalNorm: n.signals };
  });
}

/**
 * With the distributions on, every step packs its saturation shares after the norms; the
 * histograms (many more kernels) are packed on every step, or on the chunk's last step only,
 * the one the page draws.
 */
export type HistogramSteps = 'everyStep' | 'lastStep';

/** Whether step `index` of a chunk of `count` steps packs histograms. */
function hasHistograms(histograms: HistogramSteps | null, index: number, count: number): boolean {
  return histograms === 'everyStep' || (histograms === 'lastStep' && index === count - 1);
}

/**
 * The packed length of one step without histograms (their section's length depends on the
 * step: histogramSection.ts), with the saturation after the norms or not.
 */
export function stepVectorLength(layerCount: number, parts: { saturation: boolean }): number {
  return (
    metricsVectorLength(layerCount) + (parts.saturation ? saturationVectorLength(layerCount) : 0)
  );
}

/**
 * Decodes `count` consecutive step vectors from `data`, numbering them from `firstStep`.
 * `histograms` says which steps carry distributions (null: none, the distributions were off).
 * Returns the steps and where their vectors end in `data`.
 */
export function decodeStepMetrics(
  data: ArrayLike<number>,
  layerCount: number,
  count: number,
  firstStep: number,
  histograms: HistogramSteps | null = null,
): { steps: StepMetrics[]; end: number } {
  const steps: StepMetrics[] = [];
  let at = 0;
  for (let s = 0; s < count; s++) {
    const n = decodeNorms(data, at, layerCount, layerCount);
    const metrics = stepFields(firstStep + s, n, n.signals);
    at += metricsVectorLength(layerCount);
    if (histograms !== null) {
      metrics.saturation = decodeSaturation(data, at, layerCount);
      at += saturationVectorLength(layerCount);
    }
    if (hasHistograms(histograms, s, count)) {
      const section = readHistogramSection(data, at, layerCount);
      metrics.histograms = section.histograms;
      at = section.end;
    }
    steps.push(metrics);
  }
  return { steps, end: at };
}
