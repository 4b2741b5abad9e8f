/**
 * Seed bands as a file: per run, each seed's step-1 gradient and signal norms per layer, and
 * per layer their median and 10th / 90th percentiles over the seeds (config/seedBands.ts).
 * CSV has one row per (run, seed or statistic, layer): `run,seed,layer,gradNorm,signalNorm`,
 * the statistics' rows with `median`, `p10` or `p90` in the seed column. JSON is
 * `{ "link", "backend", "count", "band", "runs": [...] }`; non-finite numbers are written as
 * "NaN" / "Infinity" like the run records.
 */
import { BAND_QUANTILES, bandLayerNames, haninBeta, layerBands } from '../config/seedBands';
import type { ExperimentConfig } from '../config/schema';
import type { CellProfile } from '../config/sweepCell';
import type { RunLetter } from '../config/variants';

export interface SeedBandRunRecord {
  run: RunLetter;
  /** Hanin's beta of the run's network: the sum over hidden layers of 1 / width. */
  beta: number;
  layers: string[];
  seeds: { seed: number; gradNorm: number[]; signalNorm: number[] }[];
  median: { gradNorm: number[]; signalNorm: number[] };
  p10: { gradNorm: number[]; signalNorm: number[] };
  p90: { gradNorm: number[]; signalNorm: number[] };
}

export interface SeedBandRecord {
  /** The experiment's canonical link, with `&seeds=N`. */
  link: string;
  backend: string;
  /** Seeds per run. */
  count: number;
  /** What the band is: its quantiles, interpolated linearly as numpy's default. */
  band: { low: number; high: number; interpolation: 'linear' };
  /** The step the norms are of. */
  step: 1;
  runs: SeedBandRunRecord[];
}

/** One run's record from its seeds' measures (seed order). */
export function seedBandRunRecord(
  run: RunLetter,
  config: ExperimentConfig,
  seeds: readonly number[],
  cells: readonly CellProfile[],
): SeedBandRunRecord {
  const grad = layerBands(cells.map((c) => c.step1GradNorm));
  const signal = layerBands(cells.map((c) => c.step1SignalNorm));
  const pick = (what: 'median' | 'low' | 'high') => ({
    gradNorm: grad.map((b) => b[what]),
    signalNorm: signal.map((b) => b[what]),
  });
  return {
    run,
    beta: haninBeta(config.network.hidden),
    layers: bandLayerNames(config.network.hidden),
    seeds: cells.map((c, i) => ({
      seed: seeds[i] as number,
      gradNorm: c.step1GradNorm,
      signalNorm: c.step1SignalNorm,
    })),
    median: pick('median'),
    p10: pick('low'),
    p90: pick('high'),
  };
}

export function seedBandRecordHeader(
  link: string,
  backend: string,
  count: number,
  runs: SeedBandRunRecord[],
): SeedBandRecord {
  return {
    link,
    backend,
    count,
    band: { low: BAND_QUANTILES[0], high: BAND_QUANTILES[1], interpolation: 'linear' },
    step: 1,
    runs,
  };
}

export function seedBandRecordToCsv(record: SeedBandRecord): string {
  const lines = ['run,seed,layer,gradNorm,signalNorm'];
  for (const run of record.runs) {
    const rows = (label: string, values: { gradNorm: number[]; signalNorm: number[] }) => {
      for (const [l, name] of run.layers.entries()) {
        lines.push(
          [run.run, label, name, String(values.gradNorm[l]), String(values.signalNorm[l])].join(
            ',',
          ),
        );
      }
    };
    for (const seed of run.seeds) rows(String(seed.seed), seed);
    rows('median', run.median);
    rows('p10', run.p10);
    rows('p90', run.p90);
  }
  return lines.join('\n') + '\n';
}

function encodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

export function seedBandRecordToJson(record: SeedBandRecord): string {
  return JSON.stringify(record, encodeNonFinite, 2) + '\n';
}
