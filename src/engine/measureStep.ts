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
  /** dL/dz per layer; for a recurrent network dL/dh_t per time step (any count). */
  signals: readonly tf.Tensor[];
  /** 2 with biases (kernel, bias), else 1; 1 for a recurrent network, whose "layers" are its
   * named tensors. */
  tensorsPerLayer: number;
}

export interface MeasuredStep {
  /** What the optimizer applies. */
  clippedGrads: tf.Tensor[];
  /** The step's packed metrics (see metrics.ts). */
  vector: tf.Tensor1D;
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, i) => start + i);
const shift = (segment: number[], by: number) => segment.map((i) => i + by);

/**
 * Measures a step's gradients, clips them, and measures the clipped gradients, the weights and
 * the signals, in two calls to segmentNorms whatever the depth: per-layer norms are segments
 * over the layer's tensors, so they never go through per-tensor norms and reshapes (on WebGL
 * each of those is a shader program; see sumsOfSquares.ts).
 */
export function measureAndClip(
  step: StepTensors,
  clip: ClipConfig,
  mode: NormMode,
  autoThreshold: ((globalNorm: tf.Scalar) => tf.Scalar) | null = null,
): MeasuredStep {
  const { grads, params, signals, tensorsPerLayer } = step;
  const tensorCount = grads.length;
  const layers = tensorCount / tensorsPerLayer;
  const signalCount = signals.length;
  const layerSegments = range(0, layers).map((l) => range(l * tensorsPerLayer, tensorsPerLayer));
  const everything = range(0, tensorCount);
  // Per-tensor norms only where clipping needs them.
  const perTensor = clip.mode === 'tensorNorm' ? everything.map((i) => [i]) : [];

  // [signal norms..., weight norms...]: the segments every step measures after the gradients.
  const signalAndWeightSegments = [
    ...range(0, signalCount).map((s) => [s]),
    ...layerSegments.map((segment) => shift(segment, signalCount)),
  ];

  if (clip.mode === 'none') {
    // Nothing is clipped, so the clipped norms are the raw ones and the clip fields constants.
    // Segments may repeat, so each kernel call gives a run of the layout as it is packed, with
    // no slices: a few ops fewer per step, each with its fixed cost on wasm.
    const afterGrads = (segment: number[]) => shift(segment, tensorCount);
    return {
      clippedGrads: [...grads],
      vector: metricsVector(
        {
          loss: step.loss,
          globalNorms: [segmentNorms(grads, [everything, everything], mode)],
          // changed (0), threshold (NaN: no clipping), direction cosine (1)
          clipFields: [tf.tensor1d([0, NaN, 1])],
          norms: [
            segmentNorms(
              [...grads, ...signals, ...params],
              [...layerSegments, ...layerSegments, ...signalAndWeightSegments.map(afterGrads)],
              mode,
            ),
          ],
        },
        layers,
        signalCount,
      ),
    };
  }

  // [layer norms..., global norm, per-tensor norms...]
  const gradNorms = segmentNorms(grads, [...layerSegments, everything, ...perTensor], mode);
  const gradNorm = tf.slice(gradNorms, 0, layers);
  const globalNormEntry = tf.slice(gradNorms, layers, 1); // [1], as packed

  const globalNorm = tf.reshape(globalNormEntry, []) as tf.Scalar;
  const tensorNorms = perTensor.length > 0 ? tf.slice(gradNorms, layers + 1, tensorCount) : null;
  const threshold = clip.mode === 'auto' && autoThreshold ? autoThreshold(globalNorm) : null;
  const clipped = clipGradients(grads, tensorNorms, globalNorm, clip, threshold);

  // What the optimizer will apply is measured as applied.
  const afterSignals = signalCount + tensorCount;
  const rest = segmentNorms(
    [...signals, ...params, ...clipped.grads],
    [
      ...signalAndWeightSegments,
      ...layerSegments.map((segment) => shift(segment, afterSignals)),
      shift(everything, afterSignals),
    ],
    mode,
  );
  // [signal norms..., weight norms..., clipped layer norms..., clipped global norm]
  const clippedStart = signalCount + layers;
  const clippedGlobalNorm = tf.slice(rest, clippedStart + layers, 1);
  const vector = metricsVector(
    {
      loss: step.loss,
      globalNorms: [globalNormEntry, clippedGlobalNorm],
      clipFields: [
        tf.reshape(clipped.changed, [1]),
        tf.reshape(clipped.threshold, [1]),
        tf.reshape(directionCosine(grads, clipped.grads, globalNorm, clippedGlobalNorm), [1]),
      ],
      norms: [
        gradNorm,
        tf.slice(rest, clippedStart, layers),
        tf.slice(rest, 0, signalCount + layers),
      ],
    },
    layers,
    signalCount,
  );
  return { clippedGrads: clipped.grads, vector };
}

/**
 * A step's metrics as the chunk's readback packs them (metrics.ts), each part one or more 1-D
 * tensors concatenated in order.
 */
interface MetricsParts {
  loss: tf.Tensor;
  /** The global norm, then the clipped global norm: 2 entries. */
  globalNorms: tf.Tensor[];
  /** changed, threshold, direction cosine: 3 entries. */
  clipFields: tf.Tensor[];
  /** Layer norms, clipped layer norms, signal norms, weight norms. */
  norms: tf.Tensor[];
}

/** The one place the metrics layout is written: concatenated in order, its length checked. */
function metricsVector(parts: MetricsParts, layers: number, signalCount: number): tf.Tensor1D {
  const vector = tf.concat([
    tf.reshape(parts.loss, [1]),
    ...parts.globalNorms,
    ...parts.clipFields,
    ...parts.norms,
  ]) as tf.Tensor1D;
  if (vector.shape[0] !== metricsVectorLength(layers, signalCount)) {
    throw new Error('metrics layout mismatch');
  }
  return vector;
}

/** Below this a global norm counts as zero when normalizing (no direction to compare). */
const TINY_NORM = 1e-30;

/**
 * The cosine between the raw gradient and the clipped one, all tensors as one vector:
 * sum_i <g_i / G, c_i / C>, G and C the global norms before and after clipping. Each factor is
 * normalized first, so 16-bit floats do not overflow on the products. Global-norm clipping
 * scales every tensor alike, so its cosine is 1 by construction; per-tensor and by-value
 * clipping turn the direction (Keras clipnorm vs PyTorch clip_grad_norm_). A zero gradient has
 * nothing to turn: 1.
 */
export function directionCosine(
  raw: readonly tf.Tensor[],
  clipped: readonly tf.Tensor[],
  rawNorm: tf.Tensor,
  clippedNorm: tf.Tensor,
): tf.Scalar {
  const rawScale = tf.maximum(tf.reshape(rawNorm, []), TINY_NORM);
  const clippedScale = tf.maximum(tf.reshape(clippedNorm, []), TINY_NORM);
  const dots = raw.map((g, i) =>
    tf.sum(tf.mul(tf.div(g, rawScale), tf.div(clipped[i] as tf.Tensor, clippedScale))),
  );
  const dot = dots.length === 1 ? (dots[0] as tf.Scalar) : (tf.addN(dots) as tf.Scalar);
  return tf.where(tf.greater(tf.reshape(rawNorm, []), 0), dot, tf.scalar(1)) as tf.Scalar;
}
