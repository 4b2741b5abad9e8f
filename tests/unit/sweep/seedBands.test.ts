import { describe, expect, it } from 'vitest';
import { haninBeta, logSpread, seedConfigs } from '../../../src/config/seedBands';
import { measureCells } from '../../../src/engine/sweepCells';
import * as tf from '../../../src/engine/tf';
import { Trainer } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const DEPTH = 16;
/** Seeds per band: the sample variance of 48 draws is good to about ±20% (sqrt(2/47)). */
const SEEDS = 48;

/** A ReLU net with He-normal init and no biases, DEPTH hidden layers of `width`. */
function reluNet(width: number) {
  return configWith({
    network: {
      hidden: Array.from({ length: DEPTH }, () => width),
      activation: 'relu',
      bias: false,
    },
    init: { scheme: { kind: 'heNormal' } },
    training: { batchSize: 16 },
  });
}

/** Across the seeds, the variance of log ||dL/dz_1||^2 (the first hidden layer's signal). */
async function logSquaredSignalVariance(width: number): Promise<number> {
  const cells = await measureCells(seedConfigs(reluNet(width), SEEDS), 1);
  // log ||g||^2 = 2 log ||g||: its variance is 4 times that of log ||g||.
  return 4 * logSpread(cells.map((c) => c.step1SignalNorm[0] as number)) ** 2;
}

describe('seed bands (cpu backend)', () => {
  it("each seed's step-1 profile is that seed's own run: the trainer's step-1 gradient and signal norms", async () => {
    const base = reluNet(8);
    const configs = seedConfigs(base, 3);
    const cells = await measureCells(configs, 1);
    for (const [i, config] of configs.entries()) {
      const trainer = new Trainer(config);
      const { steps } = await trainer.train(1);
      trainer.dispose();
      expect(cells[i]!.step1GradNorm).toEqual(steps[0]!.gradNorm);
      expect(cells[i]!.step1SignalNorm).toEqual(steps[0]!.signalNorm);
    }
    // Different seeds, different weights: the profiles differ.
    expect(cells[0]!.step1SignalNorm[0]).not.toBe(cells[1]!.step1SignalNorm[0]);
  });

  // Hanin (2018), Theorem 1: for a ReLU net with He init the fluctuation of log ||dL/dz||^2
  // across initializations grows with beta = sum_l 1/n_l. For large widths log ||.||^2 is close to
  // normal with variance about 5 beta (Hanin & Nica 2019: per layer, 4/n from the chi-square of
  // about n/2 active units and 1/n from how many are active).
  it('the spread of log ||dL/dz_1||^2 across seeds grows with beta = sum 1/width: width 8 is far wider than width 64', async () => {
    const narrow = await logSquaredSignalVariance(8);
    const wide = await logSquaredSignalVariance(64);
    const betaNarrow = haninBeta(reluNet(8).network.hidden);
    const betaWide = haninBeta(reluNet(64).network.hidden);
    expect(betaNarrow / betaWide).toBe(8);
    // Theory: 8 times the variance. Tolerance: above 3 (the ratio of two 48-seed sample
    // variances is good to about a factor 1.35 either way, so 3 is over 3 of its deviations).
    expect(narrow / wide).toBeGreaterThan(3);
    // Each within a factor 2.5 of 5 beta (finite width and the batch's loss derivative move it).
    for (const [measured, beta] of [
      [narrow, betaNarrow],
      [wide, betaWide],
    ] as const) {
      expect(measured).toBeGreaterThan((5 * beta) / 2.5);
      expect(measured).toBeLessThan(5 * beta * 2.5);
    }
  }, 120_000);

  it('keeps no tensor: tf.memory().numTensors is flat over repeated bands', async () => {
    const configs = seedConfigs(reluNet(8), 4);
    await measureCells(configs, 1);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await measureCells(configs, 1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
