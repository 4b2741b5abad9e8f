/**
 * A recurrent run from createTrainer (the page's and the CLI's) reports the spectral radius of
 * W_h on the first step of each chunk: g at step 1 for rinit=orthogonal:g (every eigenvalue of
 * g Q has modulus g), nothing for gated cells, and no tensor left behind by the readback.
 */
import { describe, expect, it } from 'vitest';
import type { CellKind } from '../../../src/config/modelSchema';
import { createTrainer } from '../../../src/engine/createTrainer';
import * as tf from '../../../src/engine/tf';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

function recurrentConfig(cell: CellKind, gain: number) {
  return configWith({
    model: {
      kind: 'rnn',
      cell,
      timeSteps: 5,
      units: 8,
      recurrentInit: { kind: 'orthogonal', gain },
      forgetBias: 1,
    },
    data: { samples: 60, seed: 1 },
    training: { batchSize: 8 },
  });
}

describe('the spectral radius of a recurrent run', () => {
  it('is g at step 1 for orthogonal:g, on the first step of every chunk only', async () => {
    const trainer = createTrainer(recurrentConfig('rnn', 1.3));
    const first = await trainer.train(3);
    expect(first.steps[0]?.spectralRadius).toBeCloseTo(1.3, 5);
    expect(first.steps.slice(1).map((s) => s.spectralRadius)).toEqual([undefined, undefined]);
    const second = await trainer.train(2);
    expect(second.steps[0]?.step).toBe(4);
    expect(second.steps[0]?.spectralRadius).toBeGreaterThan(0);
    trainer.dispose();
  });

  it('is absent for LSTM and GRU, whose recurrence is not one matrix', async () => {
    for (const cell of ['lstm', 'gru'] as const) {
      const trainer = createTrainer(recurrentConfig(cell, 1));
      const { steps } = await trainer.train(2);
      expect(steps.every((s) => s.spectralRadius === undefined)).toBe(true);
      trainer.dispose();
    }
  });

  it('leaves the tensor count flat over 300 steps', async () => {
    const before = tf.memory().numTensors;
    const trainer = createTrainer(recurrentConfig('rnn', 0.9));
    const counts: number[] = [];
    for (let i = 0; i < 30; i++) {
      await trainer.train(10);
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts.slice(1)).size).toBe(1);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
