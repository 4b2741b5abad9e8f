/**
 * Measures the cells of a sweep: each cell's config trains K steps in a fresh Trainer (so from
 * its own seeded initial weights, on its own seeded batches). The cells of one call are read
 * back together and disposed at its end, so a sweep holds one request's cells at a time
 * (session/sweepRun.ts sends at most 32) whatever its size.
 *
 * What makes it fast without changing a number: the cells share their dataset and their
 * kernel draws (only the gain's multiply is per cell), the last step's update, which no cell
 * number reads, is skipped (for a step-1 map: no optimizer update at all), and one readback
 * serves all the cells of a call.
 */
import type { ExperimentConfig } from '../config/schema';
import { logSlope, type CellProfile } from '../config/sweepCell';
import { generateDataset, type Dataset } from '../data/datasets';
import { KernelDrawCache } from './initializers';
import type { StepMetrics } from './metrics';
import * as tf from './tf';
import { Trainer, type IssuedChunk, type TrainerOptions } from './trainer';

/** What one cell's steps say, summed up (K = steps.length, the last possibly non-finite). */
export function summarizeCell(
  steps: readonly StepMetrics[],
  haltedStep: number | null,
): CellProfile {
  const first = steps[0];
  const last = steps[steps.length - 1];
  let clipped = 0;
  let factorSum = 0;
  let factorCount = 0;
  for (const m of steps) {
    if (m.clipped) clipped++;
    const factor = m.clippedGlobalNorm / m.globalNorm;
    if (Number.isFinite(factor)) {
      factorSum += factor;
      factorCount++;
    }
  }
  return {
    logSlope: first ? logSlope(first.signalNorm) : null,
    globalNorm: first ? first.globalNorm : NaN,
    loss: last ? last.loss : NaN,
    stepsSurvived: steps.length,
    haltedStep,
    clippedShare: steps.length > 0 ? clipped / steps.length : 0,
    meanClipFactor: factorCount > 0 ? factorSum / factorCount : 1,
    step1GradNorm: first ? [...first.gradNorm] : [],
    step1SignalNorm: first ? [...first.signalNorm] : [],
  };
}

/**
 * Datasets by their config, so cells that share the data generate it once; and the sweep's
 * kernel draws (initializers.ts), which its cells share the same way.
 */
export class SweepCache {
  private readonly byKey = new Map<string, Dataset>();
  readonly kernelDraws = new KernelDrawCache();

  dataset(config: ExperimentConfig): Dataset {
    const key = JSON.stringify(config.data);
    let found = this.byKey.get(key);
    if (!found) {
      found = generateDataset(config.data);
      // One sweep uses one dataset; keep the latest few only.
      if (this.byKey.size >= 4) this.byKey.clear();
      this.byKey.set(key, found);
    }
    return found;
  }
}

/**
 * Trains `steps` steps of each config in turn and sums each up, reading all the cells' metrics
 * back at once (on WebGL each readback is a GPU sync); no tensor outlives the call.
 */
export async function measureCells(
  configs: readonly ExperimentConfig[],
  steps: number,
  options: Pick<TrainerOptions, 'normMode' | 'betweenSteps'> & { cache?: SweepCache } = {},
): Promise<CellProfile[]> {
  const cache = options.cache ?? new SweepCache();
  const trainers: Trainer[] = [];
  const chunks: (IssuedChunk | null)[] = [];
  try {
    for (const config of configs) {
      // On the page's own thread a call may take seconds: let frames and input in between
      // cells as between steps (the cells' numbers do not depend on it).
      if (trainers.length > 0 && options.betweenSteps) await options.betweenSteps();
      const trainer = new Trainer(config, {
        normMode: options.normMode,
        dataset: cache.dataset(config),
        kernelDraws: cache.kernelDraws,
        betweenSteps: options.betweenSteps,
      });
      trainers.push(trainer);
      chunks.push(await trainer.issueChunk(steps, { skipLastUpdate: true }));
    }
    const issued = chunks.filter((c): c is IssuedChunk => c !== null);
    const packed = issued.length > 0 ? tf.concat(issued.map((c) => c.packed)) : null;
    let data: ArrayLike<number> = [];
    if (packed) {
      try {
        data = await packed.data();
      } finally {
        packed.dispose();
      }
    }
    let offset = 0;
    return trainers.map((trainer, i) => {
      const chunk = chunks[i];
      if (!chunk) return summarizeCell([], trainer.halted?.step ?? null);
      const size = chunk.packed.size;
      const values = Array.prototype.slice.call(data, offset, offset + size) as number[];
      offset += size;
      const result = trainer.finishChunk(chunk, values);
      return summarizeCell(result.steps, result.event?.step ?? null);
    });
  } finally {
    for (const chunk of chunks) chunk?.packed.dispose();
    for (const trainer of trainers) trainer.dispose();
  }
}
