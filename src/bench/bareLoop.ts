/**
 * The benchmark's ceiling: the same training maths as the engine (same network and initial
 * weights, forward pass, loss, gradient scale, clipping, optimizer, constraints and batch order)
 * with no metrics at all and no readback until the caller asks for the loss. Whatever the engine
 * does beyond this (norms, signal taps, per-chunk readback) is its measurement overhead.
 *
 * The network pieces are the engine's own (forward, dataLoss, createOptimizer...), so a faster
 * forward pass in the engine raises this ceiling too and engine/bare keeps meaning "the cost of
 * the metrics".
 */
import type { ClipConfig, ExperimentConfig } from '../config/schema';
import { createRunBatchSampler, type BatchSampler } from '../data/batchSampler';
import { generateDataset } from '../data/datasets';
import { GLOBAL_NORM_EPSILON } from '../engine/clipGradients';
import { applyWeightConstraints } from '../engine/constraints';
import {
  createNetwork,
  dataLoss,
  disposeNetwork,
  flatParams,
  forward,
  regularizationLoss,
  type Network,
} from '../engine/network';
import { createOptimizer, type Optimizer } from '../engine/optimizers';
import * as tf from '../engine/tf';

/** Clips like engine/clipGradients.ts, without measuring what it changed. */
function clip(grads: tf.Tensor[], config: ClipConfig): tf.Tensor[] {
  switch (config.mode) {
    case 'none':
      return grads;
    case 'value':
      return grads.map((g) => tf.clipByValue(g, -config.threshold, config.threshold));
    case 'tensorNorm': {
      // Each tensor times c / max(||g||, c).
      const c = config.threshold;
      return grads.map((g) => tf.mul(g, tf.div(c, tf.maximum(tf.norm(g), c))));
    }
    case 'auto':
      // AutoClip's threshold needs the run's norm history, which a loop without metrics lacks.
      throw new Error('the bare loop does not benchmark AutoClip');
    case 'globalNorm': {
      // Every tensor times min(1, c / (G + 1e-6)), G the norm of all gradients together.
      const squares = grads.map((g) => tf.sum(tf.square(g)));
      const globalNorm = tf.sqrt(tf.addN(squares));
      const scale = tf.minimum(
        1,
        tf.div(config.threshold, tf.add(globalNorm, GLOBAL_NORM_EPSILON)),
      );
      return grads.map((g) => tf.mul(g, scale));
    }
  }
}

export class BareLoop {
  private readonly config: ExperimentConfig;
  private readonly network: Network;
  private readonly params: tf.Variable[];
  private readonly optimizer: Optimizer;
  private readonly sampler: BatchSampler;
  private readonly trainX: tf.Tensor2D;
  private readonly trainY: tf.Tensor2D;

  constructor(config: ExperimentConfig) {
    this.config = config;
    const d = generateDataset(config.data);
    // The engine's batch order (see data/batchSampler.ts).
    this.sampler = createRunBatchSampler(config, d.trainCount).sampler;
    this.network = createNetwork(config);
    this.params = flatParams(this.network);
    this.optimizer = createOptimizer(config.optimizer, this.params);
    this.trainX = tf.tensor2d(d.trainX, [d.trainCount, d.inputDim]);
    this.trainY = tf.tensor2d(d.trainY, [d.trainCount, 1]);
  }

  /**
   * Trains `steps` steps and reads back only the last step's loss (the single sync point that
   * waits for all queued GPU work).
   */
  async run(steps: number): Promise<number> {
    let loss: tf.Scalar | null = null;
    for (let i = 0; i < steps; i++) {
      loss?.dispose();
      loss = this.step();
    }
    if (!loss) return NaN;
    const value = (await loss.data())[0] as number;
    loss.dispose();
    return value;
  }

  dispose(): void {
    disposeNetwork(this.network);
    this.optimizer.dispose();
    this.trainX.dispose();
    this.trainY.dispose();
  }

  /** One update; returns the step's total loss (not read back). */
  private step(): tf.Scalar {
    const { regularization, gradient } = this.config;
    const batch = this.sampler.next();
    return tf.tidy(() => {
      const indices = tf.tensor1d(batch, 'int32');
      const x = tf.gather(this.trainX, indices);
      const y = tf.gather(this.trainY, indices);
      const kernels = this.network.params.map((p) => p.kernel);
      const biases = this.network.params.map((p) => p.bias);
      const { value, grads } = tf.variableGrads(() => {
        const loss = dataLoss(this.network.loss, forward(this.network, kernels, biases, x), y);
        const reg = regularizationLoss(kernels, regularization.l1, regularization.l2);
        return reg ? (tf.add(loss, reg) as tf.Scalar) : loss;
      }, this.params);
      let ordered = this.params.map((p) => grads[p.name] as tf.Tensor);
      if (gradient.scale !== 1) ordered = ordered.map((g) => tf.mul(g, gradient.scale));
      this.optimizer.apply(this.params, clip(ordered, gradient.clip));
      applyWeightConstraints(this.network, this.config.gradient);
      return value;
    });
  }
}
