import * as tf from './tf';
import type { ExperimentConfig } from '../config/schema';
import { createRunBatchSampler } from '../data/batchSampler';
import { generateDataset, type Dataset } from '../data/datasets';
import { applyWeightConstraints } from './constraints';
import { histogramsVector, saturationVector } from './distributions';
import { measureAndClip, type MeasuredStep } from './measureStep';
import { decodeStepMetrics, type HistogramSteps, type StepMetrics } from './metrics';
import {
  createNetwork,
  dataLoss,
  disposeNetwork,
  flatParams,
  forward,
  regularizationLoss,
  type LayerInfo,
  type LossKind,
  type Network,
} from './network';
import type { KernelDrawCache } from './initializers';
import type { NonFiniteEvent } from './nonFinite';
import { SignalTaps } from './signalTaps';
import type { NormMode } from './norms';
import { createOptimizer, type Optimizer } from './optimizers';
import { StepChunks } from './stepChunks';
import {
  decodePrediction,
  predictionGrid,
  predictionTensor,
  type Prediction,
  type PredictionGrid,
} from './prediction';

export interface TrainerOptions {
  /** 'scaled' on devices whose floats are 16-bit; see norms.ts. */
  normMode?: NormMode;
  /** A dataset already generated from config.data (saves regenerating it). */
  dataset?: Dataset;
  /**
   * Awaited between the steps of a chunk. On the page's main thread this is a yield to the
   * event loop: issuing one step's ops holds the thread for a while, and a whole chunk issued at
   * once holds up frames (measured here: frame p95 50-67 ms in one go, 16.7 ms yielding per
   * step, at the same steps/s).
   */
  betweenSteps?: () => Promise<void>;
  /** A sweep's kernel draws, shared by its cells (initializers.ts); same weights without it. */
  kernelDraws?: KernelDrawCache;
}

export interface ChunkResult {
  /** One entry per step trained, up to and including a step with a non-finite value. */
  steps: StepMetrics[];
  /** Set when this chunk (or an earlier one) hit a non-finite value; training is then halted. */
  event: NonFiniteEvent | null;
  /** Test loss on the weights after the chunk's last update, when asked for and available. */
  testLoss: number | null;
  /** The network's output over its input space after the chunk's last update, when asked for. */
  prediction?: Prediction | null;
}

export interface TrainOptions {
  /** Also evaluate the test loss after the chunk's last step (when there is a test set). */
  testLoss?: boolean;
  /** Also evaluate the network on the prediction grid after the chunk's last step. */
  prediction?: boolean;
  /**
   * Also measure the distributions (distributions.ts) in the same readback: every step's
   * saturation shares, and histograms on the chunk's last step (the one a view draws) or, with
   * `histogramsEveryStep`, on every step. Off, the steps run exactly as without it.
   */
  distributions?: boolean;
  /** With `distributions`: histograms on every step of the chunk, not only its last. */
  histogramsEveryStep?: boolean;
  /**
   * Measure the chunk's last step but skip its update: for a caller that reads the chunk's
   * numbers and then disposes the trainer (a sweep cell), the update changes no number it
   * reads (every metric of a step is measured before its update). The trainer then refuses
   * to train further, since its weights are one update behind its step count.
   */
  skipLastUpdate?: boolean;
}

/**
 * What the session needs of a trainer. Trainer implements it on the thread it runs on; the
 * page's worker client (src/host) implements it by messages to a Trainer in a Web Worker.
 */
export interface RunTrainer {
  readonly layers: LayerInfo[];
  /** Steps trained so far. */
  readonly step: number;
  /** The non-finite event that stopped training, or null while training can go on. */
  readonly halted: NonFiniteEvent | null;
  train(steps: number, options?: TrainOptions): Promise<ChunkResult>;
  /**
   * Takes settings that apply to the run in progress (config/liveSettings.ts). The session
   * decides which changes are live; anything else gets a new trainer.
   */
  applyLiveSettings(next: ExperimentConfig): void;
  dispose(): void;
}

/** A chunk issued by Trainer.issueChunk, its metrics not yet read back. */
export interface IssuedChunk {
  /** The chunk's metrics packed in one vector (metrics.ts), then test loss and prediction. */
  readonly packed: tf.Tensor;
  readonly steps: number;
  readonly histograms: HistogramSteps | null;
  readonly wantTest: boolean;
  readonly wantPrediction: boolean;
}

export interface LayerWeights {
  kernel: number[][];
  bias: number[] | null;
}

export interface Batch {
  x: number[][];
  y: number[][];
}

/**
 * Trains one network from a config and measures every step. Knows nothing of the page: the
 * browser store and the Node CLI both drive it through train(), which batches the readback of
 * many steps into one.
 */
export class Trainer implements RunTrainer {
  readonly layers: LayerInfo[];
  readonly loss: LossKind;
  readonly dataset: Dataset;
  private config: ExperimentConfig;
  private readonly network: Network;
  private readonly params: tf.Variable[];
  private readonly optimizer: Optimizer;
  /** Batch order, step count, halting and AutoClip, as the recurrent trainer keeps them. */
  private readonly chunks: StepChunks;
  private readonly tensors: {
    trainX: tf.Tensor2D;
    trainY: tf.Tensor2D;
    testX: tf.Tensor2D | null;
    testY: tf.Tensor2D | null;
  };
  private readonly signalTaps: SignalTaps;
  private readonly grid: PredictionGrid;
  /** The grid's inputs as a tensor, made on the first prediction asked for. */
  private gridInputs: tf.Tensor2D | null = null;
  private readonly normMode: NormMode;
  private disposed = false;
  /** Set once a chunk skipped its last update (TrainOptions.skipLastUpdate). */
  private updateSkipped = false;

  constructor(config: ExperimentConfig, options: TrainerOptions = {}) {
    this.config = config;
    this.normMode = options.normMode ?? 'plain';
    this.dataset = options.dataset ?? generateDataset(config.data);
    const d = this.dataset;
    const { sampler } = createRunBatchSampler(config, d.trainCount);
    this.chunks = new StepChunks(sampler, options.betweenSteps ?? null);
    this.network = createNetwork(config, options.kernelDraws);
    this.layers = this.network.layers;
    this.loss = this.network.loss;
    this.params = flatParams(this.network);
    this.optimizer = createOptimizer(config.optimizer, this.params);
    this.tensors = {
      trainX: tf.tensor2d(d.trainX, [d.trainCount, d.inputDim]),
      trainY: tf.tensor2d(d.trainY, [d.trainCount, 1]),
      testX: d.testCount > 0 ? tf.tensor2d(d.testX, [d.testCount, d.inputDim]) : null,
      testY: d.testCount > 0 ? tf.tensor2d(d.testY, [d.testCount, 1]) : null,
    };
    this.signalTaps = new SignalTaps(this.layers.length);
    this.grid = predictionGrid(d);
  }

  /** Steps trained so far. */
  get step(): number {
    return this.chunks.step;
  }

  /** The non-finite event that stopped training, or null while training can go on. */
  get halted(): NonFiniteEvent | null {
    return this.chunks.halted;
  }

  get currentConfig(): ExperimentConfig {
    return this.config;
  }

  /**
   * Applies settings that don't need a restart (the session decides, with needsRestart in
   * config/liveSettings.ts): clipping, optimizer parameters, gradient scale, regularization.
   */
  applyLiveSettings(next: ExperimentConfig): void {
    this.optimizer.setConfig(next.optimizer);
    this.config = next;
  }

  /**
   * Trains up to `steps` steps and reads all their metrics back at once. Stops at the first
   * step with a non-finite value; the trainer then refuses further updates (a new Trainer is
   * the reset). Steps after that one in the same chunk ran on broken weights and are dropped.
   */
  async train(steps: number, options: TrainOptions = {}): Promise<ChunkResult> {
    const chunk = await this.issueChunk(steps, options);
    if (!chunk) return { steps: [], event: this.chunks.halted, testLoss: null };
    let data: ArrayLike<number>;
    try {
      data = await chunk.packed.data();
    } finally {
      chunk.packed.dispose();
    }
    return this.finishChunk(chunk, data);
  }

  /**
   * train()'s first half: issues the chunk's steps and returns their packed metrics still on
   * the backend (null when there is nothing to train), so that a caller can read several
   * trainers' chunks back at once (a sweep's cells). Pass the values read to finishChunk before
   * issuing another chunk; the caller disposes `packed`.
   */
  async issueChunk(steps: number, options: TrainOptions = {}): Promise<IssuedChunk | null> {
    this.assertUsable();
    if (this.updateSkipped) throw new Error('trainer skipped an update and cannot train on');
    if (this.chunks.halted || steps <= 0) return null;
    const histograms: HistogramSteps | null =
      options.distributions !== true
        ? null
        : options.histogramsEveryStep === true
          ? 'everyStep'
          : 'lastStep';
    const wantTest = options.testLoss === true && this.tensors.testX !== null;
    const wantPrediction = options.prediction === true;
    const packed = await this.chunks.issue(
      steps,
      (i) => {
        const withHistograms =
          histograms === 'everyStep' || (histograms === 'lastStep' && i === steps - 1);
        const update = !(options.skipLastUpdate === true && i === steps - 1);
        return this.trainOneStep(histograms !== null, withHistograms, update);
      },
      () => [
        ...(wantTest ? [tf.tidy(() => tf.reshape(this.testLossTensor(), [1]))] : []),
        ...(wantPrediction ? [this.predictionVector()] : []),
      ],
    );
    if (options.skipLastUpdate === true) this.updateSkipped = true;
    return { packed, steps, histograms, wantTest, wantPrediction };
  }

  /** train()'s second half: decodes an issued chunk's values, read back from its `packed`. */
  finishChunk(chunk: IssuedChunk, data: ArrayLike<number>): ChunkResult {
    const { steps, histograms, wantTest, wantPrediction } = chunk;
    // Where the step metrics end in `data`: the test loss and the prediction follow.
    let tail = 0;
    const finished = this.chunks.finish(steps, (firstStep) => {
      const decoded = decodeStepMetrics(data, this.layers.length, steps, firstStep, histograms);
      tail = decoded.end;
      return decoded.steps;
    });
    const prediction = wantPrediction
      ? decodePrediction(this.grid, this.loss, data, tail + (wantTest ? 1 : 0), this.chunks.step)
      : null;
    const testLoss = !finished.event && wantTest ? (data[tail] as number) : null;
    return { ...finished, testLoss, prediction };
  }

  /** The current weights, layer by layer (forward order). */
  async readWeights(): Promise<LayerWeights[]> {
    this.assertUsable();
    return Promise.all(
      this.network.params.map(async (p) => ({
        kernel: (await p.kernel.array()) as number[][],
        bias: p.bias ? ((await p.bias.array()) as number[]) : null,
      })),
    );
  }

  /** The batch the next step will train on. */
  peekNextBatch(): Batch {
    const indices = this.chunks.nextBatchIndices(false);
    const d = this.dataset;
    const rows = (data: Float32Array, width: number) =>
      Array.from(indices, (i) => Array.from(data.subarray(i * width, (i + 1) * width)));
    return { x: rows(d.trainX, d.inputDim), y: rows(d.trainY, 1) };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeNetwork(this.network);
    this.optimizer.dispose();
    this.chunks.dispose();
    const t = this.tensors;
    for (const tensor of [t.trainX, t.trainY, t.testX, t.testY, this.gridInputs]) tensor?.dispose();
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('trainer was disposed');
  }

  private testLossTensor(): tf.Scalar {
    const { testX, testY } = this.tensors;
    const kernels = this.network.params.map((p) => p.kernel);
    const biases = this.network.params.map((p) => p.bias);
    return dataLoss(this.loss, forward(this.network, kernels, biases, testX!), testY!);
  }

  /** The network's outputs on the prediction grid, on the current weights. */
  private predictionVector(): tf.Tensor1D {
    const { inputs, inputCount, axes } = this.grid;
    this.gridInputs ??= tf.tensor2d(inputs, [inputCount, axes.length]);
    const gridInputs = this.gridInputs;
    return tf.tidy(() => {
      const kernels = this.network.params.map((p) => p.kernel);
      const biases = this.network.params.map((p) => p.bias);
      return predictionTensor(forward(this.network, kernels, biases, gridInputs), this.loss);
    });
  }

  /**
   * One full step; returns the step's packed metrics vector (see metrics.ts), with the step's
   * saturation and histograms after it when asked for. Without `update` the step is measured
   * only (its gradients are disposed with the tidy).
   */
  private trainOneStep(saturation: boolean, histograms: boolean, update = true): tf.Tensor {
    const indices = this.chunks.nextBatchIndices(true);
    const { regularization, gradient } = this.config;
    const mode = this.normMode;
    const layerCount = this.layers.length;
    const hasBias = this.config.network.bias;
    const tensorsPerLayer = hasBias ? 2 : 1;

    this.signalTaps.keepForward = saturation || histograms;
    return tf.tidy(() => {
      const batchIndices = tf.tensor1d(indices, 'int32');
      const x = tf.gather(this.tensors.trainX, batchIndices);
      const y = tf.gather(this.tensors.trainY, batchIndices);

      // Differentiate the total loss with respect to every parameter in one backward pass, which
      // the signal taps watch on its way through each pre-activation. The data loss is kept out
      // of the gradient scope to be reported.
      let measuredLoss: tf.Scalar | null = null;
      const lossOf = (...args: tf.Tensor[]): tf.Scalar => {
        const kernels: tf.Tensor[] = [];
        const biases: (tf.Tensor | null)[] = [];
        for (let l = 0; l < layerCount; l++) {
          kernels.push(args[l * tensorsPerLayer] as tf.Tensor);
          biases.push(hasBias ? (args[l * tensorsPerLayer + 1] as tf.Tensor) : null);
        }
        const output = forward(this.network, kernels, biases, x, this.signalTaps.dense);
        const loss = dataLoss(this.loss, output, y);
        measuredLoss = tf.keep(loss);
        const reg = regularizationLoss(kernels, regularization.l1, regularization.l2);
        return reg ? tf.add(loss, reg) : loss;
      };
      let grads = tf.grads(lossOf)(this.params);
      // Kept past tf.grads's tidy (by the taps, and by lossOf), so disposed here once measured.
      const signals = this.signalTaps.take();
      const loss = measuredLoss as unknown as tf.Scalar;
      if (gradient.scale !== 1) grads = grads.map((g) => tf.mul(g, gradient.scale));

      const preActivations = this.signalTaps.keepForward ? this.signalTaps.takeForward() : [];
      let measured: MeasuredStep;
      let vector: tf.Tensor;
      try {
        const { clip } = gradient;
        measured = measureAndClip(
          { loss, grads, params: this.params, signals, tensorsPerLayer },
          clip,
          mode,
          this.chunks.autoThreshold(clip),
        );
        const settings = this.network.settings;
        const parts = [measured.vector];
        if (saturation) parts.push(saturationVector(preActivations, settings));
        if (histograms) {
          const perLayer = this.layers.map((_, l) =>
            grads.slice(l * tensorsPerLayer, (l + 1) * tensorsPerLayer),
          );
          parts.push(histogramsVector(preActivations, signals, perLayer, settings));
        }
        vector = parts.length === 1 ? measured.vector : tf.concat(parts);
      } finally {
        tf.dispose([loss, ...signals, ...preActivations]);
      }
      if (update) {
        this.optimizer.apply(this.params, measured.clippedGrads);
        applyWeightConstraints(this.network, this.config.gradient);
      }
      return vector;
    });
  }
}
