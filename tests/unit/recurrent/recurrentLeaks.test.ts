/**
 * The recurrent engine holds a fixed number of tensors however long it trains: over 1,000 LSTM
 * steps (Adam, global-norm clipping, test loss every chunk), and over GRU and vanilla runs with
 * the other clip modes; disposing frees everything it made.
 */
import { describe, expect, it } from 'vitest';
import type { CellKind } from '../../../src/config/modelSchema';
import type { ClipConfig, OptimizerConfig } from '../../../src/config/schema';
import { RecurrentTrainer } from '../../../src/engine/recurrent/recurrentTrainer';
import * as tf from '../../../src/engine/tf';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

async function tensorCounts(cell: CellKind, steps: number, clip: ClipConfig, opt: OptimizerConfig) {
  const before = tf.memory().numTensors;
  const trainer = new RecurrentTrainer(
    configWith({
      model: {
        kind: 'rnn',
        cell,
        timeSteps: 4,
        units: 6,
        recurrentInit: { kind: 'orthogonal', gain: 1 },
        forgetBias: 1,
      },
      data: { samples: 60, seed: 1 },
      optimizer: opt,
      gradient: { clip, scale: 2 },
      regularization: { l1: 0, l2: 1e-4 },
      training: { batchSize: 8 },
    }),
  );
  const counts: number[] = [];
  const chunk = 50;
  for (let done = 0; done < steps; done += chunk) {
    const result = await trainer.train(chunk, { testLoss: true, prediction: true });
    expect(result.event).toBeNull();
    expect(result.testLoss).not.toBeNull();
    counts.push(tf.memory().numTensors);
  }
  trainer.dispose();
  return { counts, leftAfterDispose: tf.memory().numTensors - before };
}

describe('recurrent tensors', () => {
  it('stay flat over 1,000 LSTM steps and are all freed by dispose', async () => {
    const adam = { kind: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    const { counts, leftAfterDispose } = await tensorCounts(
      'lstm',
      1000,
      { mode: 'globalNorm', threshold: 1 },
      adam as OptimizerConfig,
    );
    expect(counts).toHaveLength(20);
    expect(new Set(counts).size).toBe(1);
    expect(leftAfterDispose).toBe(0);
  }, 120_000);

  for (const [cell, clip] of [
    ['gru', { mode: 'tensorNorm', threshold: 0.5 }],
    ['rnn', { mode: 'value', threshold: 0.01 }],
  ] as const) {
    it(`stay flat over a ${cell.toUpperCase()} run clipped by ${clip.mode}`, async () => {
      const momentum = { kind: 'momentum', learningRate: 0.01, momentum: 0.9, nesterov: false };
      const { counts, leftAfterDispose } = await tensorCounts(
        cell,
        200,
        clip,
        momentum as OptimizerConfig,
      );
      expect(new Set(counts).size).toBe(1);
      expect(leftAfterDispose).toBe(0);
    }, 60_000);
  }
});
