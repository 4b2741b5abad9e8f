/**
 * The experiment as plain typed data: everything needed to reproduce a run.
 * Pure TypeScript: no tfjs, no React. The link codec (codec.ts) turns it into a URL hash and
 * back; validate.ts repairs untrusted values into this shape using the limits below.
 */

import { recurrentParameterCount, type ModelConfig } from './modelSchema';

export const CONFIG_VERSION = 1;

export const ACTIVATIONS = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'selu',
  'gelu',
  'softplus',
  'swish',
] as const;
/** Activation names are tfjs's layer activation identifiers. */
export type Activation = (typeof ACTIVATIONS)[number];

export const DATASET_KINDS = ['spiral', 'circles', 'xor', 'blobs', 'sine', 'plane'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];
export type Task = 'classification' | 'regression';

export function taskOf(kind: DatasetKind): Task {
  return kind === 'sine' || kind === 'plane' ? 'regression' : 'classification';
}

/** Input features per sample: sine is y = f(x) on one input, every other set has two. */
export function inputDimOf(kind: DatasetKind): number {
  return kind === 'sine' ? 1 : 2;
}

export const NORMALIZATIONS = ['none', 'layerNorm'] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

export const INIT_KINDS = [
  'zeros',
  'constant',
  'normal',
  'uniform',
  'glorotNormal',
  'glorotUniform',
  'heNormal',
  'heUniform',
  'lecunNormal',
  'lecunUniform',
  'orthogonal',
] as const;
export type InitKind = (typeof INIT_KINDS)[number];

/**
 * Kernel initialization. Variance-scaling "normal" schemes draw from a plain (untruncated)
 * normal with variance scale/fan, as PyTorch's kaiming_normal_/xavier_normal_ do, so the
 * theoretical signal propagation holds exactly (tfjs/Keras truncate instead).
 */
export type InitScheme =
  | { kind: 'zeros' }
  | { kind: 'constant'; value: number }
  | { kind: 'normal'; sigma: number }
  | { kind: 'uniform'; limit: number }
  | { kind: 'glorotNormal' }
  | { kind: 'glorotUniform' }
  | { kind: 'heNormal' }
  | { kind: 'heUniform' }
  | { kind: 'lecunNormal' }
  | { kind: 'lecunUniform' }
  | { kind: 'orthogonal'; gain: number };

export const OPTIMIZER_KINDS = ['sgd', 'momentum', 'adam', 'rmsprop'] as const;
export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

/** Optimizers follow PyTorch's update rules (documented in engine/optimizers.ts). */
export type OptimizerConfig =
  | { kind: 'sgd'; learningRate: number }
  | { kind: 'momentum'; learningRate: number; momentum: number; nesterov: boolean }
  | { kind: 'adam'; learningRate: number; beta1: number; beta2: number; epsilon: number }
  | { kind: 'rmsprop'; learningRate: number; rho: number; momentum: number; epsilon: number };

export const CLIP_MODES = ['none', 'value', 'tensorNorm', 'globalNorm', 'auto'] as const;

/**
 * Older names of clip modes, still read from links, configs and run records. Per-tensor clipping
 * was called `layerNorm` until it was confused with layer normalization (`norm=layerNorm`) and
 * with one norm per layer, while kernel and bias are clipped apart.
 */
export const CLIP_MODE_OLD_NAMES: Readonly<Record<string, ClipMode>> = { layerNorm: 'tensorNorm' };
export type ClipMode = (typeof CLIP_MODES)[number];

/**
 * Gradient clipping, matching the reference frameworks:
 * - value: every element clamped to [-c, c] (PyTorch clip_grad_value_, Keras clipvalue)
 * - tensorNorm: each gradient tensor g (kernel and bias apart) scaled by c / max(||g||, c)
 *   (tf.clip_by_norm, Keras clipnorm), so a layer's clipped norm can reach sqrt(2) x c
 * - globalNorm: all gradients scaled by min(1, c / (G + 1e-6)), G the global norm
 *   (PyTorch clip_grad_norm_)
 * - auto: AutoClip (Seetharaman et al. 2020): global-norm clipping at step k with c the p-th
 *   percentile (linear interpolation, numpy's default) of the pre-clip global norms of steps
 *   1..k inclusive; the threshold follows the run's own history.
 */
export type ClipConfig =
  | { mode: 'none' }
  | { mode: 'value'; threshold: number }
  | { mode: 'tensorNorm'; threshold: number }
  | { mode: 'globalNorm'; threshold: number }
  | { mode: 'auto'; percentile: number };

/** The clip modes with a fixed threshold c. */
export type ThresholdClip = Extract<ClipConfig, { threshold: number }>;

/** The number a clip config carries: c, or AutoClip's percentile p; none for no clipping. */
export function clipParam(clip: ClipConfig): number | undefined {
  switch (clip.mode) {
    case 'none':
      return undefined;
    case 'auto':
      return clip.percentile;
    default:
      return clip.threshold;
  }
}

/** A short value-only label: 'none', 'globalNorm 1', 'auto p=10'. */
export function clipSummary(clip: ClipConfig): string {
  switch (clip.mode) {
    case 'none':
      return 'none';
    case 'auto':
      return `auto p=${clip.percentile}`;
    default:
      return `${clip.mode} ${clip.threshold}`;
  }
}

/** The same clip mode with its number (c or p) set to `x`; no clipping stays as it is. */
export function withClipParam(clip: ClipConfig, x: number): ClipConfig {
  switch (clip.mode) {
    case 'none':
      return clip;
    case 'auto':
      return { mode: 'auto', percentile: x };
    default:
      return { mode: clip.mode, threshold: x };
  }
}

export interface DataConfig {
  kind: DatasetKind;
  /** Total samples generated (train + test). */
  samples: number;
  /** Noise level: standard deviation of Gaussian noise, in the dataset's own units. */
  noise: number;
  /** Share of the samples held out for the test loss, in [0, 0.5]. */
  testFraction: number;
  seed: number;
}

export interface NetworkConfig {
  /** Width of each hidden layer, input side first. The output layer (1 unit) is implied. */
  hidden: number[];
  activation: Activation;
  bias: boolean;
  /** Identity skip connection around each hidden layer whose input and output widths match. */
  residual: boolean;
  /** Parameter-free layer normalization of each hidden pre-activation. */
  normalization: Normalization;
}

export interface InitConfig {
  scheme: InitScheme;
  /** Global multiplier on every initial kernel (the "init scale" of the lessons). */
  gain: number;
  /** Constant every bias starts at. */
  biasInit: number;
  /** Seeds the initial weights and the order in which training batches are drawn. */
  seed: number;
}

export interface RegularizationConfig {
  /** Adds l1 * sum|W| over kernels (not biases) to the differentiated loss. */
  l1: number;
  /** Adds l2 * sum W^2 over kernels (not biases) to the differentiated loss. */
  l2: number;
}

export interface GradientControlConfig {
  clip: ClipConfig;
  /** Every gradient is multiplied by this factor before clipping ("gradient scaling"). */
  scale: number;
  /** Keras-style max-norm on each unit's incoming weights after every update; null = off. */
  maxNorm: number | null;
  /** Kernel weights with |w| below this are set to 0 after every update; 0 = off. */
  pruneBelow: number;
}

export interface TrainingConfig {
  batchSize: number;
  /** Training stops by itself after this many steps. */
  maxSteps: number;
}

export interface ExperimentConfig {
  version: typeof CONFIG_VERSION;
  /**
   * The feed-forward network of `network` (mlp), or a recurrent one on the adding problem
   * (modelSchema.ts); a recurrent model keeps `data`'s sample count, test share and seed.
   */
  model: ModelConfig;
  data: DataConfig;
  network: NetworkConfig;
  init: InitConfig;
  optimizer: OptimizerConfig;
  regularization: RegularizationConfig;
  gradient: GradientControlConfig;
  training: TrainingConfig;
}

/**
 * Hard limits that keep a browser tab alive. Depth and width allow dramatic demos (64 layers)
 * while MAX_PARAMETERS bounds the work per step.
 */
export const LIMITS = {
  MAX_HIDDEN_LAYERS: 64,
  MIN_HIDDEN_LAYERS: 0,
  MIN_WIDTH: 1,
  MAX_WIDTH: 256,
  MAX_PARAMETERS: 1_200_000,
  MIN_SAMPLES: 20,
  MAX_SAMPLES: 5000,
  MAX_NOISE: 2,
  MAX_TEST_FRACTION: 0.5,
  MIN_BATCH: 1,
  MAX_BATCH: 1024,
  MIN_STEPS: 1,
  MAX_STEPS: 1_000_000,
  MIN_LEARNING_RATE: 1e-6,
  MAX_LEARNING_RATE: 100,
  MIN_GAIN: 1e-3,
  MAX_GAIN: 1e3,
  MAX_ABS_INIT_PARAM: 100,
  MAX_ABS_BIAS_INIT: 10,
  MIN_CLIP_THRESHOLD: 1e-4,
  MAX_CLIP_THRESHOLD: 1e4,
  /** AutoClip's percentile p lies in (0, 100]; 0 itself is not allowed. */
  MIN_CLIP_PERCENTILE: 0,
  MAX_CLIP_PERCENTILE: 100,
  MIN_GRAD_SCALE: 1e-4,
  MAX_GRAD_SCALE: 1e4,
  MAX_REGULARIZATION: 10,
  MIN_MAX_NORM: 1e-3,
  MAX_MAX_NORM: 1e3,
  MAX_PRUNE_BELOW: 10,
  MIN_EPSILON: 1e-12,
  MAX_EPSILON: 1,
  MAX_SEED: 2 ** 31 - 1,
  /** Hashes longer than this are treated as junk and replaced by the defaults. */
  MAX_HASH_CHARS: 4096,
} as const;

export const DEFAULT_CONFIG: ExperimentConfig = {
  version: CONFIG_VERSION,
  model: { kind: 'mlp' },
  data: { kind: 'circles', samples: 400, noise: 0.1, testFraction: 0.2, seed: 1 },
  network: {
    hidden: [32, 32, 32, 32, 32, 32, 32, 32],
    activation: 'tanh',
    bias: true,
    residual: false,
    normalization: 'none',
  },
  init: { scheme: { kind: 'glorotNormal' }, gain: 1, biasInit: 0, seed: 1 },
  optimizer: { kind: 'sgd', learningRate: 0.05 },
  regularization: { l1: 0, l2: 0 },
  gradient: { clip: { mode: 'none' }, scale: 1, maxNorm: null, pruneBelow: 0 },
  training: { batchSize: 64, maxSteps: 2000 },
};

/** Defaults for each optimizer kind (PyTorch's), used when the kind changes. */
export function defaultOptimizer(kind: OptimizerKind, learningRate: number): OptimizerConfig {
  switch (kind) {
    case 'sgd':
      return { kind, learningRate };
    case 'momentum':
      return { kind, learningRate, momentum: 0.9, nesterov: false };
    case 'adam':
      return { kind, learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    case 'rmsprop':
      return { kind, learningRate, rho: 0.99, momentum: 0, epsilon: 1e-8 };
  }
}

/** Default parameters for each init scheme, used when the scheme changes. */
export function defaultInitScheme(kind: InitKind): InitScheme {
  switch (kind) {
    case 'constant':
      return { kind, value: 0.1 };
    case 'normal':
      return { kind, sigma: 0.1 };
    case 'uniform':
      return { kind, limit: 0.1 };
    case 'orthogonal':
      return { kind, gain: 1 };
    default:
      return { kind };
  }
}

/** AutoClip's percentile when a link names the mode without one (the paper's recommended 10). */
export const DEFAULT_CLIP_PERCENTILE = 10;

/** Clipping in `mode`; `threshold` is c for the modes with one (AutoClip takes `percentile`). */
export function defaultClip(
  mode: ClipMode,
  threshold = 1,
  percentile = DEFAULT_CLIP_PERCENTILE,
): ClipConfig {
  switch (mode) {
    case 'none':
      return { mode };
    case 'auto':
      return { mode, percentile };
    default:
      return { mode, threshold };
  }
}

/** Layer widths including the implied output layer, input side first. */
export function layerWidths(config: ExperimentConfig): number[] {
  return [...config.network.hidden, 1];
}

/** Trainable parameter count of the network a config describes. */
export function parameterCount(config: ExperimentConfig): number {
  if (config.model.kind === 'rnn')
    return recurrentParameterCount(config.model, config.network.bias);
  let fanIn = inputDimOf(config.data.kind);
  let count = 0;
  for (const width of layerWidths(config)) {
    count += fanIn * width + (config.network.bias ? width : 0);
    fanIn = width;
  }
  return count;
}

/**
 * Training rows of the dataset a config describes: samples - round(samples * testFraction), the
 * split generateDataset makes (data/datasets.ts). The batch size is limited by this same count,
 * so a valid batch always fits. Out-of-range input is clamped as the generator clamps it (whole,
 * non-negative samples; between 0 and all of them held out).
 */
export function trainSampleCount(data: DataConfig): number {
  const samples = Math.max(0, Math.floor(data.samples));
  const testCount = Math.min(samples, Math.max(0, Math.round(samples * data.testFraction)));
  return samples - testCount;
}
