import * as tf from '../../../src/engine/tf';
import { describe, expect, it } from 'vitest';
import { axisValue, PREDICTION_MAP_CELLS } from '../../../src/engine/prediction';
import { Trainer, type LayerWeights } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

/** The network's output at one input, in plain JavaScript (tanh hidden layers, linear output). */
function outputAt(weights: LayerWeights[], input: number[]): number {
  let h = input;
  weights.forEach((layer, l) => {
    const units = layer.kernel[0]!.length;
    const z = Array.from({ length: units }, (_, j) =>
      h.reduce((sum, v, i) => sum + v * layer.kernel[i]![j]!, layer.bias?.[j] ?? 0),
    );
    h = l === weights.length - 1 ? z : z.map(Math.tanh);
  });
  return h[0]!;
}

const CLASSIFY = configWith({ network: { hidden: [8, 8] }, training: { batchSize: 16 } });
const REGRESS = configWith({
  data: { kind: 'sine' },
  network: { hidden: [8, 8] },
  training: { batchSize: 16 },
});

describe('prediction over the input space', () => {
  it('gives P(class 1) on a 2-D grid after the chunk, equal to a direct forward pass', async () => {
    const trainer = new Trainer(CLASSIFY);
    const chunk = await trainer.train(7, { prediction: true });
    const prediction = chunk.prediction!;
    expect(prediction.kind).toBe('map');
    if (prediction.kind !== 'map') return;
    expect(prediction.step).toBe(7);
    expect(prediction.task).toBe('classification');
    expect(prediction.values).toHaveLength(PREDICTION_MAP_CELLS * PREDICTION_MAP_CELLS);
    const weights = await trainer.readWeights();
    for (const [row, col] of [
      [0, 0],
      [5, 17],
      [31, 31],
    ] as const) {
      const input = [axisValue(prediction.x, col), axisValue(prediction.y, row)];
      const expected = 1 / (1 + Math.exp(-outputAt(weights, input)));
      expect(prediction.values[row * prediction.x.count + col]).toBeCloseTo(expected, 5);
    }
    // The grid covers every training point.
    const { trainX } = trainer.dataset;
    for (let i = 0; i < trainX.length; i += 2) {
      expect(trainX[i]).toBeGreaterThan(prediction.x.min);
      expect(trainX[i + 1]).toBeLessThan(prediction.y.max);
    }
    trainer.dispose();
  });

  it('gives the fitted curve for 1-D regression', async () => {
    const trainer = new Trainer(REGRESS);
    const chunk = await trainer.train(3, { prediction: true, testLoss: true });
    const prediction = chunk.prediction!;
    expect(prediction.kind).toBe('curve');
    expect(chunk.testLoss).not.toBeNull();
    const weights = await trainer.readWeights();
    const x = axisValue(prediction.x, 40);
    expect(prediction.values[40]).toBeCloseTo(outputAt(weights, [x]), 5);
    trainer.dispose();
  });

  it('changes nothing else: the same metrics and test loss with or without it', async () => {
    const plain = new Trainer(CLASSIFY);
    const withMap = new Trainer(CLASSIFY);
    const a = await plain.train(5, { testLoss: true });
    const b = await withMap.train(5, { testLoss: true, prediction: true });
    expect(a.prediction).toBeNull();
    expect(b.steps).toEqual(a.steps);
    expect(b.testLoss).toBe(a.testLoss);
    plain.dispose();
    withMap.dispose();
  });

  it('keeps the tensor count flat and frees its grid on dispose', async () => {
    const before = tf.memory().numTensors;
    const trainer = new Trainer(CLASSIFY);
    await trainer.train(2, { prediction: true });
    const warm = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await trainer.train(2, { prediction: i % 2 === 0 });
    expect(tf.memory().numTensors).toBe(warm);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
