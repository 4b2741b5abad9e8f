import {
  BINS_PER_DECADE,
  DISTRIBUTION_QUANTITIES,
  HISTOGRAM_BINS,
  HISTOGRAM_MAX_EXPONENT,
  HISTOGRAM_MIN_EXPONENT,
  SATURATION_DERIVATIVE_SHARE,
  type DistributionQuantity,
} from '../config/distributionBins';
import {
  CLIP_MODE_OLD_NAMES,
  type ClipConfig,
  type ClipMode,
  type ExperimentConfig,
} from '../config/schema';
import type { RunLetter } from '../config/variants';
import type { StepMetrics } from '../engine/metrics';
import type { LayerInfo, LossKind } from '../engine/network';
import type { NonFiniteEvent } from '../engine/nonFinite';
import type { NamedWeights, SequenceBatch } from '../engine/recurrent/recurrentTrainer';
import type { Batch, LayerWeights } from '../engine/trainer';

export const RUN_RECORD_VERSION = 1;

/**
 * With --dump: the weights before step 1 and step 1's batch. Feed-forward: per layer, kernel
 * [fanIn][units] and bias. Recurrent: every named tensor (the record's `layers`), row-major with
 * its shape, and the batch's sequences x [batch][T][2] (value, marker) with targets y [batch][1].
 */
export type InitialState = FeedForwardInitial | RecurrentInitial;
export interface FeedForwardInitial {
  weights: LayerWeights[];
  batch: Batch;
}
export interface RecurrentInitial {
  weights: NamedWeights[];
  batch: SequenceBatch;
}

export { TEST_LOSS_EVERY_STEPS } from './testLossCadence';

/**
 * A self-describing record of a run: the config and its canonical link, the settings that
 * define what was differentiated, and every step's measurements. With `initial`, anyone can
 * recompute step 1's gradients independently.
 */
export interface RunRecord {
  version: typeof RUN_RECORD_VERSION;
  /** The experiment's canonical link, with its variants (`&b.clip=...`). */
  link: string;
  /** Which run of that link this is: 'a' the base, 'b'-'d' a variant. */
  variant: RunLetter;
  /** The config this run trained (for a variant: the base with its overrides). */
  config: ExperimentConfig;
  backend: string;
  loss: LossKind;
  l1: number;
  l2: number;
  gradScale: number;
  /**
   * The clip setting: threshold c (null without clipping, and for AutoClip, whose threshold
   * each step gives as `clipThreshold`), and AutoClip's percentile p (only for mode auto).
   */
  clip: { mode: ClipConfig['mode']; threshold: number | null; percentile?: number };
  /**
   * Per layer, input side first; for a recurrent run (config.model.kind 'rnn') per named tensor
   * (W_x, W_h, b_h, ... per gate for LSTM and GRU, then W_y, b_y), which is what each step's
   * gradNorm, clippedGradNorm and weightNorm are listed by. Recurrent steps also carry
   * timeSignalNorm, ||dL/dh_t||_F over the batch for t = 1..T, and an empty signalNorm.
   */
  layers: { name: string; units: number; activation: string }[];
  steps: StepMetrics[];
  events: NonFiniteEvent[];
  /**
   * The mean loss over the held-out test set, on the weights after update `step`, every
   * TEST_LOSS_EVERY_STEPS steps as the page's loss chart draws it (absent without a test set).
   */
  testLoss?: { step: number; loss: number }[];
  initial?: InitialState;
  /** With distributions recorded (CLI --distributions): what each step's figures mean. */
  distributions?: DistributionsLayout;
  /**
   * Which steps `steps` holds, in a record exported from the page, whose history is bounded.
   * Absent (the CLI's records): every step from 1 to the last one trained.
   */
  coverage?: StepCoverage;
}

/** What part of a run a page export holds, and what changed during it. */
export interface StepCoverage {
  /** Steps the run had trained, as far as the page had drawn them when it exported. */
  trained: number;
  /** Entries in `steps`. */
  included: number;
  /** Whether `steps` holds every step from 1 to `trained`, in order. */
  everyStep: boolean;
  /** From this step on every step is included (null: none is). */
  everyStepFrom: number | null;
  /** How the steps were chosen, in words. */
  note: string;
  /**
   * Settings changed while the run trained (clip threshold, learning rate, ...), at the step
   * they took effect; `config` and `link` hold the settings after the last change.
   */
  changes: { step: number; label: string }[];
}

/** How to read each step's `saturation` and `histograms`. */
export interface DistributionsLayout {
  quantities: readonly DistributionQuantity[];
  /** Bins per histogram: [exact zero, magnitude bins small to large, non-finite]. */
  bins: number;
  binsPerDecade: number;
  /** Magnitude bin k (1-based) holds |v| in [10^(min + (k-1)/binsPerDecade), next edge);
   * smaller non-zero values fall in the first, larger finite ones in the last. */
  minExponent: number;
  maxExponent: number;
  saturation: string;
}

export const DISTRIBUTIONS_LAYOUT: DistributionsLayout = {
  quantities: DISTRIBUTION_QUANTITIES,
  bins: HISTOGRAM_BINS,
  binsPerDecade: BINS_PER_DECADE,
  minExponent: HISTOGRAM_MIN_EXPONENT,
  maxExponent: HISTOGRAM_MAX_EXPONENT,
  saturation:
    `per layer, the share of the batch's (example, unit) pairs with |phi'(z)| below ` +
    `${SATURATION_DERIVATIVE_SHARE} of its maximum (tanh, sigmoid), or for relu the share of ` +
    'units with z <= 0 on every example; null where not defined (other activations, output)',
};

export interface RunRecordParts {
  link: string;
  variant: RunLetter;
  config: ExperimentConfig;
  backend: string;
  loss: LossKind;
  layers: readonly LayerInfo[];
  steps: StepMetrics[];
  events: NonFiniteEvent[];
  testLoss?: { step: number; loss: number }[];
  initial?: InitialState;
  distributions?: boolean;
  coverage?: StepCoverage;
}

export function buildRunRecord(parts: RunRecordParts): RunRecord {
  const { config } = parts;
  const clip = config.gradient.clip;
  const record: RunRecord = {
    version: RUN_RECORD_VERSION,
    link: parts.link,
    variant: parts.variant,
    config,
    backend: parts.backend,
    loss: parts.loss,
    l1: config.regularization.l1,
    l2: config.regularization.l2,
    gradScale: config.gradient.scale,
    clip:
      clip.mode === 'auto'
        ? { mode: clip.mode, threshold: null, percentile: clip.percentile }
        : { mode: clip.mode, threshold: clip.mode === 'none' ? null : clip.threshold },
    layers: parts.layers.map(({ name, units, activation }) => ({ name, units, activation })),
    steps: parts.steps,
    events: parts.events,
  };
  if (parts.testLoss && parts.testLoss.length > 0) record.testLoss = parts.testLoss;
  if (parts.initial) record.initial = parts.initial;
  if (parts.distributions) record.distributions = DISTRIBUTIONS_LAYOUT;
  if (parts.coverage) record.coverage = parts.coverage;
  return record;
}

/** JSON has no NaN or Infinity: write them as the strings "NaN", "Infinity", "-Infinity". */
function encodeNonFinite(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

export function runRecordToJson(record: RunRecord): string {
  return JSON.stringify(record, encodeNonFinite) + '\n';
}

/** The reverse of encodeNonFinite. */
function decodeNonFinite(_key: string, value: unknown): unknown {
  return value === 'NaN' || value === 'Infinity' || value === '-Infinity' ? Number(value) : value;
}

/**
 * Records written before per-tensor clipping was renamed carry the mode `layerNorm` (in `clip`
 * and in `config.gradient.clip`); they read back as today's name (CLIP_MODE_OLD_NAMES).
 */
function renameOldClipModes(record: RunRecord): RunRecord {
  const rename = (clip: { mode: string } | undefined) => {
    if (clip && Object.hasOwn(CLIP_MODE_OLD_NAMES, clip.mode)) {
      clip.mode = CLIP_MODE_OLD_NAMES[clip.mode] as ClipMode;
    }
  };
  rename(record.clip as { mode: string } | undefined);
  rename(record.config?.gradient?.clip as { mode: string } | undefined);
  return record;
}

/** Reads a record back, turning the non-finite strings into numbers again. */
export function parseRunRecordJson(text: string): RunRecord {
  return renameOldClipModes(JSON.parse(text, decodeNonFinite) as RunRecord);
}

/** Several runs of one experiment (--variant all), A first. */
export interface RunRecordSet {
  runs: RunRecord[];
}

export function runRecordsToJson(records: readonly RunRecord[]): string {
  const set: RunRecordSet = { runs: [...records] };
  return JSON.stringify(set, encodeNonFinite) + '\n';
}

/** Reads a set of records back, as parseRunRecordJson reads one. */
export function parseRunRecordSetJson(text: string): RunRecordSet {
  const set = JSON.parse(text, decodeNonFinite) as RunRecordSet;
  set.runs.forEach(renameOldClipModes);
  return set;
}
