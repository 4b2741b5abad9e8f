import * as tf from '../../../src/engine/tf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerHostDistributions } from '../../../src/backend/hostDistributions';
import {
  BINS_PER_DECADE,
  HISTOGRAM_BINS,
  HISTOGRAM_MIN_EXPONENT,
  MAGNITUDE_BINS,
  NON_FINITE_BIN,
  ZERO_BIN,
  histogramBinOf,
} from '../../../src/config/distributionBins';
import { SATURATION_SHARES_KERNEL, saturationShares } from '../../../src/engine/distributions';
import { HISTOGRAM_COUNTS_KERNEL, histogramCounts } from '../../../src/engine/histograms';
import { metricsVectorLength, stepVectorLength } from '../../../src/engine/metrics';
import { Trainer } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const SMALL = configWith({ network: { hidden: [6, 5] }, training: { batchSize: 8 } });

/** Counts per bin of plain numbers, by the direct definition. */
function directCounts(values: number[]): number[] {
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const v of values) counts[histogramBinOf(v)]!++;
  return counts;
}

/**
 * The histograms and saturation shares through the kernels the cpu and wasm backends register
 * (src/backend/hostDistributions.ts) and through plain tfjs ops, the path of any backend
 * without them (WebGL counts with its own kernel: tests/browser/webglKernels.test.ts).
 */
describe.each([
  ['the host kernels', true],
  ['plain ops', false],
])('distributions through %s', (_, withKernels) => {
  const KERNELS = [HISTOGRAM_COUNTS_KERNEL, SATURATION_SHARES_KERNEL];
  beforeAll(() => {
    if (!withKernels) for (const name of KERNELS) tf.unregisterKernel(name, 'cpu');
  });
  afterAll(() => registerHostDistributions('cpu'));

  it('uses the path it is meant to test', () => {
    for (const name of KERNELS) expect(tf.getKernel(name, 'cpu') !== undefined).toBe(withKernels);
  });

  describe('log-magnitude histograms', () => {
    it('count exactly what a direct computation counts, zeros and non-finite values included', () => {
      const a = [
        0,
        -0,
        1e-12,
        3e-8,
        -0.002,
        0.5,
        0.99,
        1,
        -1,
        7,
        123,
        9e9,
        NaN,
        Infinity,
        -Infinity,
      ];
      const b = [0.1, 0.11, 0.3, 0.32, 2e5, 0];
      const c = [-5e-5];
      const counts = tf.tidy(() =>
        histogramCounts([
          tf.tensor2d(a, [3, 5]),
          tf.tensor1d(b),
          tf.tensor2d(c, [1, 1]),
        ]).arraySync(),
      ) as number[][];
      expect(counts).toEqual([directCounts(a), directCounts(b), directCounts(c)]);
      expect(counts[0]![ZERO_BIN]).toBe(2);
      expect(counts[0]![NON_FINITE_BIN]).toBe(3);
      // Below 1e-8 falls in the lowest magnitude bin, above 1e4 in the highest.
      expect(counts[0]![1]).toBe(2);
      expect(counts[0]![HISTOGRAM_BINS - 2]).toBe(1);
    });

    it('put values spread over every decade in their bins, whatever their sign', () => {
      // Values in the middle of each magnitude bin (float32 logs can tip values right on an edge
      // to the neighbouring bin), bin b holding (b % 5) + 1 of them.
      const values: number[] = [];
      for (let b = 1; b <= MAGNITUDE_BINS; b++) {
        const centre = 10 ** (HISTOGRAM_MIN_EXPONENT + (b - 0.5) / BINS_PER_DECADE);
        for (let k = 0; k <= b % 5; k++) values.push(k % 2 === 0 ? centre : -centre);
      }
      const counts = tf.tidy(() =>
        histogramCounts([tf.tensor1d(values)]).arraySync(),
      ) as number[][];
      expect(counts[0]).toEqual(directCounts(values));
      for (let b = 1; b <= MAGNITUDE_BINS; b++) expect(counts[0]![b]).toBe((b % 5) + 1);
    });
  });

  describe('saturation share', () => {
    it('tanh: the share of (example, unit) pairs with 1 - tanh(u)^2 below 0.05', () => {
      const share = tf.tidy(() => {
        const u = tf.tensor2d([0, 3, -3, 0.1], [2, 2]);
        return saturationShares([u], 'tanh').arraySync();
      });
      expect(share).toEqual([0.5]);
    });

    it('sigmoid: the share with s(1 - s) below 5% of 1/4', () => {
      const share = tf.tidy(() => {
        const u = tf.tensor2d([5, 0, -6, 1, 4, -4.5], [3, 2]);
        return saturationShares([u], 'sigmoid').arraySync();
      });
      // s(1 - s) < 0.0125 where |u| > 4.37: 5, -6 and -4.5.
      expect(share).toEqual([0.5]);
    });

    it('ReLU: the share of dead units, u <= 0 on every example of the batch', () => {
      const share = tf.tidy(() => {
        const u = tf.tensor2d([-1, 2, 0, -3, -1, 0], [2, 3]);
        return saturationShares([u], 'relu').arraySync();
      });
      expect(share![0]).toBeCloseTo(2 / 3, 6);
    });

    it('is not defined (-1, read as null) for other activations', () => {
      const share = tf.tidy(() => {
        const u = tf.tensor2d([1, 2], [1, 2]);
        return saturationShares([u, u], 'elu').arraySync();
      });
      expect(share).toEqual([-1, -1]);
    });

    it.each(['tanh', 'sigmoid'] as const)(
      '%s: matches the derivative criterion on a grid of u, several layers of any width at once',
      (activation) => {
        const derivativeShare = (u: number) => {
          if (activation === 'tanh') return 1 - Math.tanh(u) ** 2;
          const s = 1 / (1 + Math.exp(-u));
          return (s * (1 - s)) / 0.25;
        };
        // Layer l holds 40 x width points evenly over [-8, 8]: the grid crosses both thresholds
        // (|u| = 2.18 for tanh, 4.37 for sigmoid) with no point within 3e-3 of either.
        const layers = [3, 5, 7].map((width) =>
          Array.from({ length: 40 * width }, (_, k) => -8 + (16 * (k + 0.5)) / (40 * width)),
        );
        const shares = tf.tidy(() =>
          saturationShares(
            layers.map((u, l) => tf.tensor2d(u, [40, [3, 5, 7][l]!])),
            activation,
          ).arraySync(),
        );
        layers.forEach((u, l) => {
          const direct = u.filter((v) => derivativeShare(v) < 0.05).length / u.length;
          expect(shares[l]).toBeCloseTo(direct, 6);
        });
      },
    );
  });

  it('ReLU: a unit with a NaN on some example is not dead', () => {
    const share = tf.tidy(() => {
      const u = tf.tensor2d([-1, NaN, -2, -3, -1, 0], [2, 3]);
      return saturationShares([u], 'relu').arraySync();
    });
    expect(share![0]).toBeCloseTo(2 / 3, 6);
  });
});

describe('distributions in the trainer', () => {
  it('with them off, a step packs exactly the norms and runs no histogram kernel', async () => {
    expect(stepVectorLength(3, { saturation: false })).toBe(metricsVectorLength(3));
    const trainer = new Trainer(SMALL);
    const profile = await tf.profile(async () => {
      const chunk = await trainer.train(2);
      for (const step of chunk.steps) {
        expect(step).not.toHaveProperty('saturation');
        expect(step).not.toHaveProperty('histograms');
      }
    });
    const kernels = profile.kernelNames;
    for (const name of [
      'Bincount',
      'IsFinite',
      'Floor',
      'Log',
      'Greater',
      HISTOGRAM_COUNTS_KERNEL,
      SATURATION_SHARES_KERNEL,
    ])
      expect(kernels).not.toContain(name);
    trainer.dispose();
  });

  it('measure without changing the run: the same norms and losses with them on', async () => {
    const plain = new Trainer(SMALL);
    const measured = new Trainer(SMALL);
    const a = await plain.train(5);
    const b = await measured.train(5, { distributions: true });
    expect(b.steps.map(({ saturation: _s, histograms: _h, ...rest }) => rest)).toEqual(a.steps);
    plain.dispose();
    measured.dispose();
  });

  it('histogram the batch: z, tanh(z), dL/dz and dL/dW from the weights and batch before the step', async () => {
    const trainer = new Trainer(SMALL);
    expect(trainer.loss).toBe('sigmoidCrossEntropy');
    const weights = await trainer.readWeights();
    const batch = trainer.peekNextBatch();
    const [step] = (await trainer.train(1, { distributions: true })).steps;
    // The forward and backward pass computed directly in float64 from the same weights and
    // batch: z = h W + b, a = tanh(z) (the output linear); the mean sigmoid cross-entropy gives
    // dL/dz = (sigmoid(z) - y) / B at the output, and going back dL/dW = h^T dL/dz,
    // dL/db = sum over the batch of dL/dz, dL/dh = dL/dz W^T, dL/dz = dL/dh (1 - a^2).
    const last = weights.length - 1;
    const inputs: number[][][] = [];
    const zs: number[][][] = [];
    const as: number[][][] = [];
    let h = batch.x;
    weights.forEach((layer, l) => {
      inputs.push(h);
      const z = h.map((row) =>
        layer.kernel[0]!.map((_, j) =>
          row.reduce((sum, v, i) => sum + v * layer.kernel[i]![j]!, layer.bias?.[j] ?? 0),
        ),
      );
      const a = l === last ? z : z.map((row) => row.map(Math.tanh));
      zs.push(z);
      as.push(a);
      h = a;
    });
    const signals: number[][][] = new Array(weights.length);
    const parameterGradients: number[][] = new Array(weights.length);
    const size = batch.x.length;
    let delta = zs[last]!.map((row, r) =>
      row.map((z) => (1 / (1 + Math.exp(-z)) - batch.y[r]![0]!) / size),
    );
    for (let l = last; l >= 0; l--) {
      signals[l] = delta;
      const { kernel, bias } = weights[l]!;
      const input = inputs[l]!;
      const dW = kernel.map((row, i) =>
        row.map((_, j) => input.reduce((sum, x, r) => sum + x[i]! * delta[r]![j]!, 0)),
      );
      const db = bias ? bias.map((_, j) => delta.reduce((sum, d) => sum + d[j]!, 0)) : [];
      parameterGradients[l] = [...dW.flat(), ...db];
      if (l > 0) {
        const below = as[l - 1]!;
        delta = delta.map((d, r) =>
          kernel.map(
            (row, i) => row.reduce((sum, w, j) => sum + w * d[j]!, 0) * (1 - below[r]![i]! ** 2),
          ),
        );
      }
    }
    const histograms = step!.histograms!;
    // float32 against float64: a value right on a bin edge may fall either side of it.
    const diff = (counts: number[], direct: number[]) =>
      counts.reduce((sum, c, b) => sum + Math.abs(c - direct[b]!), 0);
    weights.forEach((_, l) => {
      expect(diff(histograms.preActivation[l]!, directCounts(zs[l]!.flat()))).toBeLessThanOrEqual(
        2,
      );
      expect(diff(histograms.activation[l]!, directCounts(as[l]!.flat()))).toBeLessThanOrEqual(2);
      expect(diff(histograms.signal[l]!, directCounts(signals[l]!.flat()))).toBeLessThanOrEqual(2);
      const gradients = parameterGradients[l]!;
      expect(histograms.parameterGradient[l]!.reduce((x, y) => x + y, 0)).toBe(gradients.length);
      expect(diff(histograms.parameterGradient[l]!, directCounts(gradients))).toBeLessThanOrEqual(
        2,
      );
    });
    // tanh hidden layers have a saturation share; the linear output layer has none.
    expect(step!.saturation!.at(-1)).toBeNull();
    for (const share of step!.saturation!.slice(0, -1)) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    trainer.dispose();
  });

  it("measure saturation on every step and histograms on the chunk's last, or every step", async () => {
    const lastOnly = new Trainer(SMALL);
    const everyStep = new Trainer(SMALL);
    const a = (await lastOnly.train(4, { distributions: true })).steps;
    const b = (await everyStep.train(4, { distributions: true, histogramsEveryStep: true })).steps;
    expect(a.map((s) => s.histograms !== undefined)).toEqual([false, false, false, true]);
    expect(b.every((s) => s.histograms !== undefined)).toBe(true);
    // The same run either way: the same saturation every step, the same last histograms.
    expect(a.map((s) => s.saturation)).toEqual(b.map((s) => s.saturation));
    expect(a[3]!.histograms).toEqual(b[3]!.histograms);
    expect(a.map((s) => s.loss)).toEqual(b.map((s) => s.loss));
    lastOnly.dispose();
    everyStep.dispose();
  });

  it('bin the values read back on the host where the backend has no histogram kernel: the same counts', async () => {
    const counted = new Trainer(SMALL);
    const options = {
      distributions: true,
      histogramsEveryStep: true,
      testLoss: true,
      prediction: true,
    };
    const a = await counted.train(3, options);
    counted.dispose();
    tf.unregisterKernel(HISTOGRAM_COUNTS_KERNEL, 'cpu');
    try {
      const binned = new Trainer(SMALL);
      const profile = await tf.profile(async () => {
        const b = await binned.train(3, options);
        expect(b.steps.map((s) => s.histograms)).toEqual(a.steps.map((s) => s.histograms));
        expect(b.steps.map((s) => s.loss)).toEqual(a.steps.map((s) => s.loss));
        // What comes after the steps in the readback is still found.
        expect(b.testLoss).toBe(a.testLoss);
        expect(b.prediction).toEqual(a.prediction);
      });
      // Nothing was counted on the backend.
      for (const name of ['Bincount', 'Log', 'Floor'])
        expect(profile.kernelNames).not.toContain(name);
      const warm = tf.memory().numTensors;
      await binned.train(3, { distributions: true });
      expect(tf.memory().numTensors).toBe(warm);
      binned.dispose();
    } finally {
      registerHostDistributions('cpu');
    }
  });

  it('keep the tensor count flat', async () => {
    const trainer = new Trainer(SMALL);
    await trainer.train(3, { distributions: true, prediction: true });
    const warm = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) await trainer.train(3, { distributions: i % 2 === 0 });
    expect(tf.memory().numTensors).toBe(warm);
    trainer.dispose();
  });
});
