/**
 * Seed bands: the current setup run with N seeds, each layer's step-1 norm summed up across
 * the seeds as a median and a band, so a student sees which differences are the setup's and
 * which are the seed's. The link key `seeds=N` opens that view. Pure: no tfjs, no React.
 *
 * Why the band matters (Hanin 2018, "Which neural net architectures give rise to exploding and
 * vanishing gradients?"): for a ReLU net with He init, the log of the squared gradient norm
 * fluctuates from one initialization to the next with a variance that grows with
 * beta = sum over hidden layers of 1/n_l. A deep narrow net's band is wide, a wide one's narrow.
 * The link key is config/seedsKey.ts (kept apart: the page's first chunk reads links).
 */
import { LIMITS, type ExperimentConfig } from './schema';

/** The band drawn around the median: the 10th to the 90th percentile of the seeds. */
export const BAND_QUANTILES = [0.1, 0.9] as const;

/**
 * The seeds of a band of `count` runs: the setup's own seed s, then s + 1, ..., s + count - 1,
 * wrapping past the largest seed to 0 (so the setup on screen is always the band's first run).
 */
export function bandSeeds(seed: number, count: number): number[] {
  const span = LIMITS.MAX_SEED + 1;
  return Array.from({ length: count }, (_, i) => (seed + i) % span);
}

/** The setup once per seed of its band: only `init.seed` (weights and batch order) changes. */
export function seedConfigs(base: ExperimentConfig, count: number): ExperimentConfig[] {
  return bandSeeds(base.init.seed, count).map((seed) => ({
    ...base,
    init: { ...base.init, seed },
  }));
}

/**
 * The q-quantile (0..1) of the values by linear interpolation between order statistics, as
 * numpy.quantile's default ("linear", Hyndman & Fan type 7). NaN is left out (a seed whose
 * number is undefined); NaN when nothing is left.
 */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  const lo = sorted[below] as number;
  const hi = sorted[above] as number;
  // Equal neighbours (Infinity among them) need no interpolation, which would give NaN.
  return lo === hi ? lo : lo + (hi - lo) * (at - below);
}

/** The step-1 quantities a seed band shows: parameter gradients or the signal dL/dz. */
export type BandQuantity = 'gradNorm' | 'signalNorm';

/** One layer's number across the seeds. */
export interface LayerBand {
  median: number;
  /** BAND_QUANTILES[0] quantile. */
  low: number;
  /** BAND_QUANTILES[1] quantile. */
  high: number;
}

/**
 * Per layer, the median and the band of the seeds' numbers. `perSeed[s][l]` is seed s's number
 * at layer l (forward order); seeds with fewer layers than the first do not occur (one setup).
 */
export function layerBands(perSeed: readonly (readonly number[])[]): LayerBand[] {
  const layers = perSeed[0]?.length ?? 0;
  return Array.from({ length: layers }, (_, l) => {
    const values = perSeed.map((seed) => seed[l] as number);
    return {
      median: quantile(values, 0.5),
      low: quantile(values, BAND_QUANTILES[0]),
      high: quantile(values, BAND_QUANTILES[1]),
    };
  });
}

/**
 * Hanin's beta: the sum over hidden layers of 1 / width. The variance of log ||dL/dz||^2 across
 * initializations of a ReLU net with He init grows with it (Hanin 2018, Theorem 1).
 */
export function haninBeta(hiddenWidths: readonly number[]): number {
  return hiddenWidths.reduce((sum, n) => sum + 1 / n, 0);
}

/** The standard deviation of the natural log of the finite, positive values (sample, n - 1). */
export function logSpread(values: readonly number[]): number {
  const logs = values.filter((v) => Number.isFinite(v) && v > 0).map(Math.log);
  if (logs.length < 2) return NaN;
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const variance = logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1);
  return Math.sqrt(variance);
}

/**
 * The layers' names in forward order, as the engine names a feed-forward network's layers
 * (engine/network.ts: hidden1, hidden2, ..., output) and the run records write them.
 */
export function bandLayerNames(hiddenWidths: readonly number[]): string[] {
  return [...hiddenWidths.map((_, i) => `hidden${i + 1}`), 'output'];
}
