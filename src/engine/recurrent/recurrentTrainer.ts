/**
 * Trains a recurrent network on the adding problem and measures every step, behind the same
 * RunTrainer interface as the feed-forward Trainer: one backward pass (BPTT by autodiff) gives
 * the parameter gradients and, through signal taps on every hidden state, dL/dh_t for each time
 * step; the same clipping and the same packed readback follow.
 *
 * The loss is the MSE at the last step only, so ||dL/dh_t|| shows how far back the signal
 * reaches (Bengio et al. 1994; Pascanu et al. 2013). Not applied in recurrent mode: max-norm
 * and pruning (their rules are per feed-forward unit), distributions and the prediction map.
 */
import type { RecurrentModel } from '../../config/modelSchema';
import type { ExperimentConfig } from '../../config/schema';
import { generateAddingProblem, type SequenceDataset } from '../../data/addingProblem';
import { createRunBatchSampler } from '../../data/batchSampler';
import { measureAndClip } from '../measureStep';
import { decodeRecurrentStepMetrics, metricsVectorLength } from '../metrics';
import { dataLoss, regularizationLoss, type LayerInfo, type LossKind } from '../network';
import type { NonFiniteEvent } from '../nonFinite';
import type { NormMode } from '../norms';
import { createOptimizer, type Optimizer } from '../optimizers';
import { SignalTaps } from '../signalTaps';
import { StepChunks } from '../stepChunks';
import * as tf from '../tf';
import type { ChunkResult, RunTrainer, TrainOptions } from '../trainer';
import {
  createRecurrentNetwork,
  disposeRecurrentNetwork,
  recurrentForward,
  recurrentKernels,
  type RecurrentNetwork,
} from './recurrentNetwork';

export interface RecurrentTrainerOptions {
  normMode?: NormMode;
  betweenSteps?: () => Promise<void>;
}

/** A weight tensor by name, row-major, as the record's `initial` holds it. */
export interface NamedWeights {
  name: string;
  shape: number[];
  values: number[];
}

/** A batch of sequences: x [batch][T][inputs], y [batch][1]. */
export interface SequenceBatch {
  x: number[][][];
  y: number[][];
}

export class RecurrentTrainer implements RunTrainer {
  readonly layers: LayerInfo[];
  readonly loss: LossKind = 'mse';
  readonly dataset: SequenceDataset;
  readonly model: RecurrentModel;
  private config: ExperimentConfig;
  private readonly network: RecurrentNetwork;
  private readonly optimizer: Optimizer;
  /** Batch order, step count, halting and AutoClip, as the feed-forward Trainer keeps them. */
  private readonly chunks: StepChunks;
  private readonly tensors: {
    trainX: tf.Tensor3D;
    trainY: tf.Tensor2D;
    testX: tf.Tensor3D | null;
    testY: tf.Tensor2D | null;
  };
  private readonly signalTaps: SignalTaps;
  private readonly normMode: NormMode;
  private disposed = false;

  constructor(config: ExperimentConfig, options: RecurrentTrainerOptions = {}) {
    if (config.model.kind !== 'rnn') throw new Error('RecurrentTrainer needs model=rnn');
    this.config = config;
    this.model = config.model;
    this.normMode = options.normMode ?? 'plain';
    const d = generateAddingProblem(config.data, this.model.timeSteps);
    this.dataset = d;
    const { sampler } = createRunBatchSampler(config, d.trainCount);
    this.chunks = new StepChunks(sampler, options.betweenSteps ?? null);
    this.network = createRecurrentNetwork(config, this.model, d.inputDim);
    this.layers = this.network.tensors.map((info) => ({
      name: info.name,
      units: info.shape[info.shape.length - 1] as number,
      fanIn: info.shape.length > 1 ? (info.shape[0] as number) : 1,
      activation:
        info.role === 'output' || info.role === 'outputBias' ? 'linear' : config.network.activation,
    }));
    this.optimizer = createOptimizer(config.optimizer, this.network.params);
    const T = this.model.timeSteps;
    this.tensors = {
      trainX: tf.tensor3d(d.trainX, [d.trainCount, T, d.inputDim]),
      trainY: tf.tensor2d(d.trainY, [d.trainCount, 1]),
      testX: d.testCount > 0 ? tf.tensor3d(d.testX, [d.testCount, T, d.inputDim]) : null,
      testY: d.testCount > 0 ? tf.tensor2d(d.testY, [d.testCount, 1]) : null,
    };
    this.signalTaps = new SignalTaps(T);
  }

  get step(): number {
    return this.chunks.step;
  }

  get halted(): NonFiniteEvent | null {
    return this.chunks.halted;
  }

  get currentConfig(): ExperimentConfig {
    return this.config;
  }

  applyLiveSettings(next: ExperimentConfig): void {
    this.optimizer.setConfig(next.optimizer);
    this.config = next;
  }

  /** As Trainer.train; distributions and the prediction map are not measured here. */
  async train(steps: number, options: TrainOptions = {}): Promise<ChunkResult> {
    this.assertUsable();
    const { halted } = this.chunks;
    if (halted || steps <= 0) return { steps: [], event: halted, testLoss: null };
    const wantTest = options.testLoss === true && this.tensors.testX !== null;
    const packed = await this.chunks.issue(
      steps,
      () => this.trainOneStep(),
      () => (wantTest ? [tf.tidy(() => tf.reshape(this.testLossTensor(), [1]))] : []),
    );
    let data: ArrayLike<number>;
    try {
      data = await packed.data();
    } finally {
      packed.dispose();
    }
    const T = this.model.timeSteps;
    const count = this.layers.length;
    const finished = this.chunks.finish(steps, (firstStep) =>
      decodeRecurrentStepMetrics(data, count, T, steps, firstStep),
    );
    const prediction = options.prediction === true ? null : undefined;
    const testLoss =
      !finished.event && wantTest ? (data[metricsVectorLength(count, T) * steps] as number) : null;
    return { ...finished, testLoss, prediction };
  }

  /** Every weight tensor by name, in the order of `layers`. */
  async readWeights(): Promise<NamedWeights[]> {
    this.assertUsable();
    return Promise.all(
      this.network.params.map(async (p, i) => ({
        name: this.network.tensors[i]!.name,
        shape: [...p.shape],
        values: Array.from(await p.data()),
      })),
    );
  }

  /**
   * The vanilla cell's recurrent kernel W_h (row-major [units, units]) as it stands now; null for
   * LSTM and GRU, whose recurrence is not one matrix.
   */
  async readRecurrentKernel(): Promise<Float32Array | null> {
    this.assertUsable();
    if (this.model.cell !== 'rnn') return null;
    const i = this.network.tensors.findIndex((info) => info.role === 'recurrent');
    return i < 0 ? null : ((await this.network.params[i]!.data()) as Float32Array);
  }

  /** The batch of sequences the next step will train on. */
  peekNextBatch(): SequenceBatch {
    const indices = this.chunks.nextBatchIndices(false);
    const { trainX, trainY, timeSteps, inputDim } = this.dataset;
    const stride = timeSteps * inputDim;
    return {
      x: Array.from(indices, (i) =>
        Array.from({ length: timeSteps }, (_, t) =>
          Array.from(trainX.subarray(i * stride + t * inputDim, i * stride + (t + 1) * inputDim)),
        ),
      ),
      y: Array.from(indices, (i) => [trainY[i] as number]),
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeRecurrentNetwork(this.network);
    this.optimizer.dispose();
    this.chunks.dispose();
    const t = this.tensors;
    for (const tensor of [t.trainX, t.trainY, t.testX, t.testY]) tensor?.dispose();
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('trainer was disposed');
  }

  private testLossTensor(): tf.Scalar {
    const { testX, testY } = this.tensors;
    return dataLoss('mse', recurrentForward(this.network, this.network.params, testX!), testY!);
  }

  /** One full step; returns the step's packed metrics vector (metrics.ts). */
  private trainOneStep(): tf.Tensor {
    const indices = this.chunks.nextBatchIndices(true);
    const { regularization, gradient } = this.config;
    const params = this.network.params;
    return tf.tidy(() => {
      const batchIndices = tf.tensor1d(indices, 'int32');
      const x = tf.gather(this.tensors.trainX, batchIndices) as tf.Tensor3D;
      const y = tf.gather(this.tensors.trainY, batchIndices);

      let measuredLoss: tf.Scalar | null = null;
      const lossOf = (...args: tf.Tensor[]): tf.Scalar => {
        const output = recurrentForward(this.network, args, x, this.signalTaps.tap);
        const loss = dataLoss('mse', output, y);
        measuredLoss = tf.keep(loss);
        const kernels = recurrentKernels(this.network, args);
        const reg = regularizationLoss(kernels, regularization.l1, regularization.l2);
        return reg ? tf.add(loss, reg) : loss;
      };
      let grads = tf.grads(lossOf)(params);
      // Kept past tf.grads's tidy (by the taps, and by lossOf), so disposed here once measured.
      const signals = this.signalTaps.take();
      const loss = measuredLoss as unknown as tf.Scalar;
      if (gradient.scale !== 1) grads = grads.map((g) => tf.mul(g, gradient.scale));
      try {
        const { clip } = gradient;
        const measured = measureAndClip(
          { loss, grads, params, signals, tensorsPerLayer: 1 },
          clip,
          this.normMode,
          this.chunks.autoThreshold(clip),
        );
        this.optimizer.apply(params, measured.clippedGrads);
        return measured.vector;
      } finally {
        tf.dispose([loss, ...signals]);
      }
    });
  }
}
