import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmBackend } from '../../../src/backend/wasmBackend';
import { saturationShares } from '../../../src/engine/distributions';
import { histogramCounts } from '../../../src/engine/histograms';
import { sumsOfSquares } from '../../../src/engine/sumsOfSquares';
import * as tf from '../../../src/engine/tf';
import { createPrng } from '../../../src/random/prng';
import { setupCpuBackend } from '../../support/tfCpu';

/**
 * The host kernels read a wasm tensor in place in the wasm heap (hostValues.ts), a cpu tensor
 * from its own array. Both must give the same numbers bit for bit, or a run could explode at
 * another step on wasm than on cpu and in the CLI; the cpu results are checked against float64
 * references in tests/unit/engine.
 */
setupCpuBackend();

beforeAll(async () => {
  await registerWasmBackend();
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Tensors like a step's: several shapes, values over many decades, a zero, a huge value. */
function inputs(): { shape: number[]; values: number[] }[] {
  const random = createPrng(11);
  const shapes = [[64, 32], [32], [32, 32], [1], [2, 32], [64, 1]];
  return shapes.map((shape, i) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = Array.from({ length: size }, () => random.normal() * 10 ** (random.int(12) - 6));
    if (i === 0) values[3] = 0;
    if (i === 2) values[5] = 3e19; // its square overflows float32
    return { shape, values };
  });
}

async function onBackend(backend: 'cpu' | 'wasm') {
  expect(await tf.setBackend(backend)).toBe(true);
  const tensorsBefore = tf.memory().numTensors;
  const results = tf.tidy(() => {
    const tensors = inputs().map(({ shape, values }) => tf.tensor(values, shape, 'float32'));
    const finite = tensors.filter((_, i) => i !== 2);
    const layers = tensors.filter((t) => t.rank === 2);
    const segments = [[0, 1], [2], [3, 4, 5], [0, 0, 1], []];
    return [
      sumsOfSquares(finite),
      sumsOfSquares(tensors, { segments, root: true }),
      histogramCounts([tensors[0]!, [tensors[2]!, tensors[1]!], tensors[5]!]),
      saturationShares(layers, 'tanh'),
      saturationShares(layers, 'relu'),
    ];
  });
  const values = await Promise.all(results.map(async (t) => Array.from(await t.data())));
  tf.dispose(results);
  expect(tf.memory().numTensors).toBe(tensorsBefore);
  return values;
}

describe('the host kernels on wasm', () => {
  it('give bit for bit what they give on cpu: sums of squares, norms, histograms, saturation', async () => {
    try {
      const cpu = await onBackend('cpu');
      const wasm = await onBackend('wasm');
      expect(wasm).toEqual(cpu);
      // The overflowing square made its segment's norm infinite, on both.
      expect(cpu[1]![1]).toBe(Infinity);
    } finally {
      await tf.setBackend('cpu');
    }
  });
});
