/**
 * The order in which training rows are drawn into batches: sampling without replacement within
 * an epoch from a seeded shuffle, reshuffled at every epoch boundary (as PyTorch's
 * DataLoader(shuffle=True)), except that no batch is ever short: a batch that runs past the end
 * of an epoch is completed from the next one. Pure TypeScript, deterministic in its arguments.
 */

import type { ExperimentConfig } from '../config/schema';
import { createPrng, deriveSeed, shuffleInPlace } from '../random/prng';

export interface BatchSampler {
  /** The next batch: distinct row indices into the train set, batchSize of them (as clamped). */
  next(): Int32Array;
  /** Completed epochs: how many times every train row has been drawn. */
  readonly epoch: number;
}

/**
 * Reorders a fresh epoch so that its first `needed` indices avoid `held` (the rows already in the
 * batch being completed); the postponed rows keep their shuffled order after them. Possible
 * because the batch size never exceeds the row count.
 */
function postponeHeld(order: number[], held: ReadonlySet<number>, needed: number): number[] {
  const head: number[] = [];
  const tail: number[] = [];
  for (const index of order) (head.length < needed && !held.has(index) ? head : tail).push(index);
  return head.concat(tail);
}

/**
 * A sampler over trainCount rows. batchSize is clamped to [1, trainCount] (0 when there are no
 * rows). The seed is re-derived here, so passing the same seed as the weight initializer does
 * not correlate the two.
 */
export function createBatchSampler(
  trainCount: number,
  batchSize: number,
  seed: number,
): BatchSampler {
  const rowCount = Math.max(0, Math.floor(trainCount));
  const size = Math.min(rowCount, Math.max(1, Math.floor(batchSize)));
  const prng = createPrng(deriveSeed(seed, 'batchSampler'));
  let order = shuffleInPlace(
    Array.from({ length: rowCount }, (_, i) => i),
    prng,
  );
  let position = 0;
  let epoch = 0;

  return {
    get epoch() {
      return epoch;
    },
    next() {
      const batch = new Int32Array(size);
      let filled = 0;
      while (filled < size) {
        batch[filled++] = order[position++] as number;
        if (position === rowCount) {
          epoch++;
          position = 0;
          const held = new Set(batch.subarray(0, filled));
          order = postponeHeld(shuffleInPlace(order, prng), held, size - filled);
        }
      }
      return batch;
    },
  };
}

/**
 * A run's batches: its batch size (at most the training set) and an order seeded from the run's
 * seed. The engine and the benchmark's bare loop both draw from this, so they train on the same
 * batches.
 */
export function createRunBatchSampler(
  config: Pick<ExperimentConfig, 'training' | 'init'>,
  trainCount: number,
): { sampler: BatchSampler; batchSize: number } {
  const batchSize = Math.min(config.training.batchSize, trainCount);
  const sampler = createBatchSampler(
    trainCount,
    batchSize,
    deriveSeed(config.init.seed, 'batches'),
  );
  return { sampler, batchSize };
}
