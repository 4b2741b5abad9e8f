import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import { Trainer } from '../../../src/engine/trainer';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('the default experiment', () => {
  it('visibly learns: its loss at least halves within 500 steps, with no non-finite value', async () => {
    const trainer = new Trainer(DEFAULT_CONFIG);
    const losses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const chunk = await trainer.train(100);
      expect(chunk.event).toBeNull();
      losses.push(...chunk.steps.map((s) => s.loss));
    }
    trainer.dispose();
    // Means over the first and last ten steps, so one lucky batch cannot pass it.
    expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 10)) / 2);
  });
});
