import {
  decodeHistograms,
  decodeSaturation,
  histogramsVectorLength,
  saturationVectorLength,
} from './distributions';
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

/** Scalars first, then four per-layer blocks. */
const SCALARS = ['loss', 'globalNorm', 'clippedGlobalNorm', 'clipped'] as const;
const PER_LAYER = ['gradNorm', 'clippedGradNorm', 'signalNorm', 'weightNorm'] as const;

export function metricsVectorLength(layerCount: number): number {
  return SCALARS.length + PER_LAYER.length * layerCount;
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

/** The packed length of one step, with the distributions after the norms or not. */
export function stepVectorLength(
  layerCount: number,
  parts: { saturation: boolean; histograms: boolean },
): number {
  return (
    metricsVectorLength(layerCount) +
    (parts.saturation ? saturationVectorLength(layerCount) : 0) +
    (parts.histograms ? histogramsVectorLength(layerCount) : 0)
  );
}

/** The packed length of a chunk of `count` steps; `histograms` null: distributions off. */
export function chunkVectorLength(
  layerCount: number,
  count: number,
  histograms: HistogramSteps | null,
): number {
  let length = 0;
  for (let s = 0; s < count; s++) {
    length += stepVectorLength(layerCount, {
      saturation: histograms !== null,
      histograms: hasHistograms(histograms, s, count),
    });
  }
  return length;
}

/**
 * Decodes `count` consecutive step vectors from `data`, numbering them from `firstStep`.
 * `histograms` says which steps carry distributions (null: none, the distributions were off).
 */
export function decodeStepMetrics(
  data: ArrayLike<number>,
  layerCount: number,
  count: number,
  firstStep: number,
  histograms: HistogramSteps | null = null,
): StepMetrics[] {
  const out: StepMetrics[] = [];
  let base = 0;
  for (let s = 0; s < count; s++) {
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
      gradNorm: block(0),
      clippedGradNorm: block(1),
      signalNorm: block(2),
      weightNorm: block(3),
    };
    const parts = {
      saturation: histograms !== null,
      histograms: hasHistograms(histograms, s, count),
    };
    let at = base + metricsVectorLength(layerCount);
    if (parts.saturation) {
      metrics.saturation = decodeSaturation(data, at, layerCount);
      at += saturationVectorLength(layerCount);
    }
    if (parts.histograms) metrics.histograms = decodeHistograms(data, at, layerCount);
    out.push(metrics);
    base += stepVectorLength(layerCount, parts);
  }
  return out;
}
