import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBatchSampler, type BatchSampler } from '../../../src/data/batchSampler';

/** The indices of `batches` batches, concatenated. */
function drawIndices(sampler: BatchSampler, batches: number): number[] {
  const indices: number[] = [];
  for (let b = 0; b < batches; b++) indices.push(...sampler.next());
  return indices;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

const samplerArgs = fc.record({
  trainCount: fc.integer({ min: 1, max: 60 }),
  batchSize: fc.integer({ min: 1, max: 80 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

describe('createBatchSampler', () => {
  it('covers every train index exactly once per epoch, whatever the batch size', () => {
    fc.assert(
      fc.property(samplerArgs, ({ trainCount, batchSize, seed }) => {
        const sampler = createBatchSampler(trainCount, batchSize, seed);
        const epochs = 4;
        const size = Math.min(batchSize, trainCount);
        const indices = drawIndices(sampler, Math.ceil((epochs * trainCount) / size));
        for (let e = 0; e < epochs; e++) {
          const epoch = indices.slice(e * trainCount, (e + 1) * trainCount);
          expect(sorted(epoch)).toEqual(range(trainCount));
        }
      }),
    );
  });

  it('never repeats an index within a batch, even across an epoch boundary', () => {
    fc.assert(
      fc.property(samplerArgs, ({ trainCount, batchSize, seed }) => {
        const sampler = createBatchSampler(trainCount, batchSize, seed);
        for (let b = 0; b < 20; b++) {
          const batch = sampler.next();
          expect(new Set(batch).size).toBe(batch.length);
        }
      }),
    );
  });

  it('returns full batches of int32 indices into the train set', () => {
    const sampler = createBatchSampler(10, 4, 1);
    for (let b = 0; b < 12; b++) {
      const batch = sampler.next();
      expect(batch).toBeInstanceOf(Int32Array);
      expect(batch.length).toBe(4);
      for (const index of batch) expect(index >= 0 && index < 10).toBe(true);
    }
  });

  it('clamps the batch size to the train count: a larger batch is the whole set', () => {
    const sampler = createBatchSampler(5, 100, 1);
    for (let b = 0; b < 3; b++) expect(sorted([...sampler.next()])).toEqual(range(5));
  });

  it('clamps a batch size below 1 up to 1, and gives empty batches for an empty train set', () => {
    expect(createBatchSampler(5, 0, 1).next().length).toBe(1);
    expect(createBatchSampler(0, 8, 1).next().length).toBe(0);
  });

  it('counts completed epochs as soon as the last index of an epoch is drawn', () => {
    const sampler = createBatchSampler(12, 4, 3);
    const epochs: number[] = [sampler.epoch];
    for (let b = 0; b < 6; b++) {
      sampler.next();
      epochs.push(sampler.epoch);
    }
    expect(epochs).toEqual([0, 0, 0, 1, 1, 1, 2]);
  });

  it('is deterministic in its arguments', () => {
    fc.assert(
      fc.property(samplerArgs, ({ trainCount, batchSize, seed }) => {
        const a = drawIndices(createBatchSampler(trainCount, batchSize, seed), 10);
        const b = drawIndices(createBatchSampler(trainCount, batchSize, seed), 10);
        expect(a).toEqual(b);
      }),
    );
  });

  it('draws a different order for a different seed, seed 0 included', () => {
    const orders = [0, 1, 2].map((seed) => drawIndices(createBatchSampler(100, 10, seed), 10));
    expect(orders[0]).not.toEqual(orders[1]);
    expect(orders[1]).not.toEqual(orders[2]);
    expect(orders[0]).not.toEqual(orders[2]);
  });

  it('reshuffles at each epoch: consecutive epochs come in different orders, none sorted', () => {
    const indices = drawIndices(createBatchSampler(50, 10, 4), 15);
    const epochs = [0, 1, 2].map((e) => indices.slice(e * 50, (e + 1) * 50));
    expect(epochs[0]).not.toEqual(epochs[1]);
    expect(epochs[1]).not.toEqual(epochs[2]);
    for (const epoch of epochs) expect(epoch).not.toEqual(range(50));
  });

  it('puts each index first in an epoch about equally often', () => {
    const trainCount = 4;
    const epochs = 20_000;
    const counts = new Array<number>(trainCount).fill(0);
    const sampler = createBatchSampler(trainCount, trainCount, 8);
    for (let e = 0; e < epochs; e++) counts[sampler.next()[0]!]!++;
    // Expected 5000 each, standard deviation ~61.
    for (const count of counts) expect(Math.abs(count - epochs / trainCount)).toBeLessThan(320);
  });
});
