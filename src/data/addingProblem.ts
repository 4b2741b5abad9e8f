/**
 * The adding problem (Hochreiter & Schmidhuber 1997), as Le, Jaitly & Hinton 2015 set it: a
 * sequence of T steps, each with two inputs, a value drawn uniformly from [0, 1) and a marker
 * that is 1 at exactly two steps, one in the first half and one in the second half, and 0
 * elsewhere. The target is the sum of the two marked values, read at the last step only, so the
 * loss's gradient must travel back up to T - 1 steps to reach the first marked value.
 * Predicting the mean sum (1) scores an MSE of 1/6: anything below that has learnt something.
 *
 * Seeded and split like the other datasets (datasets.ts): the sample count, test share and seed
 * of the data config, every sequence drawn from one stream, the split from another.
 * Pure TypeScript: no tfjs, no DOM.
 */
import { ADDING_PROBLEM_INPUTS } from '../config/modelSchema';
import { trainSampleCount, type DataConfig } from '../config/schema';
import { createPrng, deriveSeed, shuffleInPlace } from '../random/prng';

export interface SequenceDataset {
  timeSteps: number;
  /** Inputs per time step: the value and the marker. */
  inputDim: number;
  /** Training sequences, row-major [trainCount, timeSteps, inputDim]. */
  trainX: Float32Array;
  /** Training targets [trainCount, 1]: the sum of each sequence's two marked values. */
  trainY: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
  trainCount: number;
  testCount: number;
}

/** The MSE of always predicting the mean target: Var(u1 + u2) = 2 / 12 for u ~ U[0, 1). */
export const ADDING_PROBLEM_BASELINE_MSE = 1 / 6;

/** Writes one sequence at `offset` of `x` and returns its target. */
function drawSequence(x: Float32Array, offset: number, timeSteps: number, next: () => number) {
  const half = Math.floor(timeSteps / 2);
  const first = Math.floor(next() * half);
  const second = half + Math.floor(next() * (timeSteps - half));
  let sum = 0;
  for (let t = 0; t < timeSteps; t++) {
    const value = next();
    const marked = t === first || t === second;
    x[offset + t * ADDING_PROBLEM_INPUTS] = value;
    x[offset + t * ADDING_PROBLEM_INPUTS + 1] = marked ? 1 : 0;
    // The target sums the values as stored (float32), so it is exact for what the net sees.
    if (marked) sum += x[offset + t * ADDING_PROBLEM_INPUTS] as number;
  }
  return sum;
}

export function generateAddingProblem(data: DataConfig, timeSteps: number): SequenceDataset {
  const samples = Math.max(0, Math.floor(data.samples));
  const trainCount = trainSampleCount(data);
  const testCount = samples - trainCount;
  const stride = timeSteps * ADDING_PROBLEM_INPUTS;
  const x = new Float32Array(samples * stride);
  const y = new Float32Array(samples);
  const sequences = createPrng(deriveSeed(data.seed, 'addingProblem', 'sequences'));
  for (let i = 0; i < samples; i++) y[i] = drawSequence(x, i * stride, timeSteps, sequences.next);

  const order = shuffleInPlace(
    Array.from({ length: samples }, (_, i) => i),
    createPrng(deriveSeed(data.seed, 'addingProblem', 'split')),
  );
  const take = (indices: number[]) => {
    const xs = new Float32Array(indices.length * stride);
    const ys = new Float32Array(indices.length);
    indices.forEach((from, to) => {
      xs.set(x.subarray(from * stride, (from + 1) * stride), to * stride);
      ys[to] = y[from] as number;
    });
    return { xs, ys };
  };
  const train = take(order.slice(0, trainCount));
  const test = take(order.slice(trainCount));
  return {
    timeSteps,
    inputDim: ADDING_PROBLEM_INPUTS,
    trainX: train.xs,
    trainY: train.ys,
    testX: test.xs,
    testY: test.ys,
    trainCount,
    testCount,
  };
}
