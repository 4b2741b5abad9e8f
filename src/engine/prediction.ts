/**
 * What the network predicts over its input space, for the page's decision map (2-D inputs) or
 * fitted curve (1-D inputs). The grid is fixed per trainer and evaluated inside a chunk's
 * single readback, after the chunk's last update (no extra GPU sync).
 */
import type { Dataset } from '../data/datasets';
import type { LossKind } from './network';
import * as tf from './tf';

/** Cells per side of the 2-D map: 32 x 32 = 1,024 inputs, one forward pass. */
export const PREDICTION_MAP_CELLS = 32;
/** Points along the 1-D curve. */
export const PREDICTION_CURVE_POINTS = 96;
/** Share of the data's range added on every side, so the map shows where the data ends. */
const PREDICTION_MARGIN = 0.1;

/** An axis of the grid: `count` evenly spaced inputs from `min` to `max` (cell centres). */
export interface PredictionAxis {
  min: number;
  max: number;
  count: number;
}

/**
 * The network's output on the grid after step `step`. For classification `values` are the
 * probabilities of class 1 (sigmoid of the logit); for regression the predicted value.
 * A 2-D map is row-major: values[row * x.count + col], row 0 at y.min.
 */
export type Prediction =
  | {
      kind: 'map';
      step: number;
      task: 'classification' | 'regression';
      x: PredictionAxis;
      y: PredictionAxis;
      values: number[];
    }
  | { kind: 'curve'; step: number; x: PredictionAxis; values: number[] };

/** The grid a trainer evaluates, and the inputs that make it (row-major [count, inputDim]). */
export interface PredictionGrid {
  axes: PredictionAxis[];
  inputs: Float32Array;
  inputCount: number;
}

function axisOf(values: Float32Array, dim: number, stride: number, count: number): PredictionAxis {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = dim; i < values.length; i += stride) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) {
    lo = -1;
    hi = 1;
  }
  const pad = (hi - lo) * PREDICTION_MARGIN;
  return { min: lo - pad, max: hi + pad, count };
}

/** Input value of cell `i` on an axis (cell centres, so the map's edges are min and max). */
export function axisValue(axis: PredictionAxis, i: number): number {
  return axis.min + ((i + 0.5) / axis.count) * (axis.max - axis.min);
}

/** A grid spanning the training inputs plus a margin. */
export function predictionGrid(dataset: Dataset): PredictionGrid {
  const dim = dataset.inputDim;
  if (dim === 1) {
    const x = axisOf(dataset.trainX, 0, 1, PREDICTION_CURVE_POINTS);
    const inputs = Float32Array.from({ length: x.count }, (_, i) => axisValue(x, i));
    return { axes: [x], inputs, inputCount: x.count };
  }
  const x = axisOf(dataset.trainX, 0, dim, PREDICTION_MAP_CELLS);
  const y = axisOf(dataset.trainX, 1, dim, PREDICTION_MAP_CELLS);
  const inputs = new Float32Array(x.count * y.count * 2);
  for (let row = 0; row < y.count; row++) {
    for (let col = 0; col < x.count; col++) {
      const i = row * x.count + col;
      inputs[2 * i] = axisValue(x, col);
      inputs[2 * i + 1] = axisValue(y, row);
    }
  }
  return { axes: [x, y], inputs, inputCount: x.count * y.count };
}

/** The network's outputs on the grid as a 1-D tensor, probabilities for classification. */
export function predictionTensor(output: tf.Tensor, loss: LossKind): tf.Tensor1D {
  const flat = tf.reshape(output, [-1]) as tf.Tensor1D;
  return loss === 'sigmoidCrossEntropy' ? tf.sigmoid(flat) : flat;
}

/** Reads a prediction back out of the chunk's packed data. */
export function decodePrediction(
  grid: PredictionGrid,
  loss: LossKind,
  data: ArrayLike<number>,
  offset: number,
  step: number,
): Prediction {
  const values = Array.from({ length: grid.inputCount }, (_, i) => data[offset + i] as number);
  const [x, y] = grid.axes as [PredictionAxis, PredictionAxis | undefined];
  if (!y) return { kind: 'curve', step, x, values };
  const task = loss === 'mse' ? 'regression' : 'classification';
  return { kind: 'map', step, task, x, y, values };
}
