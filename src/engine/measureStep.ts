import type { ClipConfig } from '../config/schema';
import { clipGradients } from './clipGradients';
import { metricsVectorLength } from './metrics';
import { segmentNorms, type NormMode } from './norms';
import * as tf from './tf';

export interface StepTensors {
  /** The step's data loss (a scalar). */
  loss: tf.Scalar;
  /** Parameter gradients after the gradient scale, layer by layer (kernel, then bias). */
  grads: readonly tf.Tensor[];
  /** The parameters, before the update, in the same order. */
  params: readonly tf.Tensor[];
  /** dL/dz per layer. */
  signals: readonly tf.Tensor[];
  /** 2 with biases (kernel, bias), else 1. */
  tensorsPerLayer: number;
}

export interface MeasuredStep {
  /** What the optimizer applies. */
  clippedGrads: tf.Tensor[];
  /** The step's packed metrics (see metrics.ts). */
  vector: tf.Tensor1D;
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, i) => start + i);

/**
 * Measures a step's gradients, clips them, and measures the clipped gradients, the weights and
 * the signals, in two calls to segmentNorms whatever the depth: per-layer norms are segments
 * over the layer's tensors, so they never go through per-tensor norms and reshapes (on WebGL
 * each of those is a shader program; see sumsOfSquares.ts).
 */
export function measureAndClip(step: StepTensors, clip: ClipConfig, mode: NormMode): MeasuredStep {
  const { grads, params, signals, tensorsPerLayer } = step;
  const layers = signals.length;
  const tensorCount = grads.length;
  const layerSegments = range(0, layers).map((l) => range(l * tensorsPerLayer, tensorsPerLayer));
  const everything = range(0, tensorCount);
  // Per-tensor norms only where clipping needs them.
  const perTensor = clip.mode === 'tensorNorm' ? everything.map((i) => [i]) : [];

  // [layer norms..., global norm, per-tensor norms...]
  const gradNorms = segmentNorms(grads, [...layerSegments, everything, ...perTensor], mode);
  const gradNorm = tf.slice(gradNorms, 0, layers);
  const globalNorm = tf.reshape(tf.slice(gradNorms, layers, 1), []) as tf.Scalar;
  const tensorNorms = perTensor.length > 0 ? tf.slice(gradNorms, layers + 1, tensorCount) : null;
  const clipped = clipGradients(grads, tensorNorms, globalNorm, clip);

  // What the optimizer will apply is measured as applied; without clipping it is the gradient.
  const measureClipped = clip.mode !== 'none';
  const shift = (segment: number[], by: number) => segment.map((i) => i + by);
  const rest = segmentNorms(
    [...signals, ...params, ...(measureClipped ? clipped.grads : [])],
    [
      ...range(0, layers).map((l) => [l]),
      ...layerSegments.map((segment) => shift(segment, layers)),
      ...(measureClipped
        ? [
            ...layerSegments.map((segment) => shift(segment, layers + tensorCount)),
            shift(everything, layers + tensorCount),
          ]
        : []),
    ],
    mode,
  );
  // [signal norms..., weight norms..., (clipped layer norms..., clipped global norm)]
  const signalAndWeightNorms = tf.slice(rest, 0, 2 * layers);
  const clippedGradNorm = measureClipped ? tf.slice(rest, 2 * layers, layers) : gradNorm;
  const clippedGlobalNorm = measureClipped ? tf.slice(rest, 3 * layers, 1) : globalNorm;

  const vector = tf.concat([
    tf.reshape(step.loss, [1]),
    tf.reshape(globalNorm, [1]),
    tf.reshape(clippedGlobalNorm, [1]),
    tf.reshape(clipped.changed, [1]),
    gradNorm,
    clippedGradNorm,
    signalAndWeightNorms,
  ]) as tf.Tensor1D;
  if (vector.shape[0] !== metricsVectorLength(layers)) throw new Error('metrics layout mismatch');
  return { clippedGrads: clipped.grads, vector };
}
