import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import { logSlope } from '../../../src/config/sweepCell';
import { sweepGrid } from '../../../src/config/sweepGrid';
import { measureCells } from '../../../src/engine/sweepCells';
import * as tf from '../../../src/engine/tf';
import { Trainer } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

describe('sweep cells (cpu backend)', () => {
  it('logSlope is the mean over consecutive hidden layers of log(s_l / s_l+1), from a direct step-1 computation', async () => {
    const config = configWith({ network: { hidden: [16, 16, 16, 16, 16] }, init: { gain: 1.7 } });
    const [cell] = await measureCells([config], 1);
    // Direct: the trainer's own step-1 signal norms, then the definition written out.
    const trainer = new Trainer(config);
    const { steps } = await trainer.train(1);
    trainer.dispose();
    const s = steps[0]!.signalNorm;
    const hidden = s.length - 1;
    let sum = 0;
    for (let l = 0; l < hidden - 1; l++) sum += Math.log(s[l]! / s[l + 1]!);
    expect(cell!.logSlope).toBeCloseTo(sum / (hidden - 1), 12);
    expect(cell!.globalNorm).toBe(steps[0]!.globalNorm);
    expect(cell!.stepsSurvived).toBe(1);
    expect(cell!.haltedStep).toBeNull();
  });

  it('a linear orthogonal network has log slope log(gain) at every gain', async () => {
    const base = configWith({
      network: { hidden: [8, 8, 8, 8, 8, 8], activation: 'linear', bias: false },
      init: { scheme: { kind: 'orthogonal', gain: 1 } },
    });
    const grid = sweepGrid(base, { axes: [{ key: 'gain', from: 0.5, to: 2, count: 5 }], steps: 1 });
    const cells = await measureCells(grid.configs, 1);
    for (const [i, gain] of grid.xs.entries()) {
      // float32 norms: log ratios good to ~1e-6.
      expect(cells[i]!.logSlope).toBeCloseTo(Math.log(gain), 5);
    }
  });

  it('keeps no tensor after a sweep: tf.memory().numTensors is flat', async () => {
    const grid = sweepGrid(DEFAULT_CONFIG, {
      axes: [
        { key: 'gain', from: 0.5, to: 8, count: 3 },
        { key: 'depth', from: 2, to: 6, count: 3 },
      ],
      steps: 3,
    });
    await measureCells(grid.configs.slice(0, 1), 3); // warm any lazily created tensors
    const before = tf.memory().numTensors;
    await measureCells(grid.configs, 3);
    await measureCells(grid.configs, 3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a cell that overflows reports the step it halted at and the steps it survived', async () => {
    const config = configWith({
      network: { hidden: [32, 32, 32, 32, 32, 32], activation: 'relu' },
      init: { scheme: { kind: 'heNormal' }, gain: 30 },
      optimizer: { kind: 'sgd', learningRate: 1 },
    });
    const [cell] = await measureCells([config], 20);
    expect(cell!.haltedStep).not.toBeNull();
    expect(cell!.stepsSurvived).toBe(cell!.haltedStep);
    expect(cell!.logSlope).toBeGreaterThan(Math.log(20));
  });

  it('logSlope is null with fewer than two hidden layers or broken norms, -Infinity for a signal that underflowed', () => {
    expect(logSlope([1, 2])).toBeNull();
    expect(logSlope([4, 2, 1])).toBeCloseTo(Math.log(2), 12);
    // A signal that underflowed to 0 toward the input vanished completely.
    expect(logSlope([0, 2, 1])).toBe(-Infinity);
    expect(logSlope([0, 0, 1, 1])).toBe(-Infinity);
    expect(logSlope([0, 0, 0])).toBeNull();
    expect(logSlope([NaN, 2, 1])).toBeNull();
  });
});
