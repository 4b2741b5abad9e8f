import type { ClipConfig, ExperimentConfig } from '../config/schema';
import type { StepMetrics } from '../engine/metrics';
import type { LayerInfo, LossKind } from '../engine/network';
import type { NonFiniteEvent } from '../engine/nonFinite';
import type { Batch, LayerWeights } from '../engine/trainer';

export const RUN_RECORD_VERSION = 1;

/**
 * A self-describing record of a run: the config and its canonical link, the settings that
 * define what was differentiated, and every step's measurements. With `initial`, anyone can
 * recompute step 1's gradients independently.
 */
export interface RunRecord {
  version: typeof RUN_RECORD_VERSION;
  link: string;
  config: ExperimentConfig;
  backend: string;
  loss: LossKind;
  l1: number;
  l2: number;
  gradScale: number;
  clip: { mode: ClipConfig['mode']; threshold: number | null };
  layers: { name: string; units: number; activation: string }[];
  steps: StepMetrics[];
  events: NonFiniteEvent[];
  initial?: { weights: LayerWeights[]; batch: Batch };
}

export interface RunRecordParts {
  link: string;
  config: ExperimentConfig;
  backend: string;
  loss: LossKind;
  layers: readonly LayerInfo[];
  steps: StepMetrics[];
  events: NonFiniteEvent[];
  initial?: { weights: LayerWeights[]; batch: Batch };
}

export function buildRunRecord(parts: RunRecordParts): RunRecord {
  const { config } = parts;
  const clip = config.gradient.clip;
  const record: RunRecord = {
    version: RUN_RECORD_VERSION,
    link: parts.link,
    config,
    backend: parts.backend,
    loss: parts.loss,
    l1: config.regularization.l1,
    l2: config.regularization.l2,
    gradScale: config.gradient.scale,
    clip: { mode: clip.mode, threshold: clip.mode === 'none' ? null : clip.threshold },
    layers: parts.layers.map(({ name, units, activation }) => ({ name, units, activation })),
    steps: parts.steps,
    events: parts.events,
  };
  if (parts.initial) record.initial = parts.initial;
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

/** Reads a record back, turning the non-finite strings into numbers again. */
export function parseRunRecordJson(text: string): RunRecord {
  return JSON.parse(text, (_key, value: unknown) =>
    value === 'NaN' || value === 'Infinity' || value === '-Infinity' ? Number(value) : value,
  ) as RunRecord;
}

/**
 * One row per step, one column per scalar and per layer quantity. The first line is a comment
 * holding the link (pandas: read_csv(..., comment='#')).
 */
export function runRecordToCsv(record: RunRecord): string {
  const names = record.layers.map((l) => l.name);
  const perLayer = ['gradNorm', 'clippedGradNorm', 'signalNorm', 'weightNorm'] as const;
  const header = [
    'step',
    'loss',
    'globalNorm',
    'clippedGlobalNorm',
    'clipped',
    ...perLayer.flatMap((q) => names.map((n) => `${q}_${n}`)),
  ];
  const lines = [
    `# gradscope run record v${record.version} backend=${record.backend} link=${record.link}`,
  ];
  lines.push(header.join(','));
  for (const s of record.steps) {
    const row = [
      s.step,
      s.loss,
      s.globalNorm,
      s.clippedGlobalNorm,
      s.clipped ? 1 : 0,
      ...perLayer.flatMap((q) => s[q]),
    ];
    lines.push(row.map(String).join(','));
  }
  for (const e of record.events) {
    lines.push(`# event step=${e.step} kind=${e.kind} layer=${e.layer ?? ''} what=${e.what}`);
  }
  return lines.join('\n') + '\n';
}
