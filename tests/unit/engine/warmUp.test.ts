import { describe, expect, it } from 'vitest';
import * as tf from '../../../src/engine/tf';
import { Trainer } from '../../../src/engine/trainer';
import { WarmUpCache, warmUpBackend } from '../../../src/engine/warmUp';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const CONFIG = configWith({ network: { hidden: [8, 8] }, training: { batchSize: 16 } });

async function firstSteps(config = CONFIG) {
  const trainer = new Trainer(config);
  try {
    return (await trainer.train(5, { testLoss: true })).steps;
  } finally {
    trainer.dispose();
  }
}

describe('warming up the backend before Play', () => {
  it('leaves no tensors behind and does not change the run that follows', async () => {
    const cold = await firstSteps();
    const before = tf.memory().numTensors;
    await warmUpBackend(CONFIG, { normMode: 'plain' });
    expect(tf.memory().numTensors).toBe(before);
    // Same seed, same data, same batches: the warm-up shares no state with the real run.
    expect(await firstSteps()).toEqual(cold);
  });

  it('warms each config once per backend start', async () => {
    const cache = new WarmUpCache();
    const created: number[] = [];
    const original = Trainer.prototype.train;
    Trainer.prototype.train = function (this: Trainer, ...args) {
      created.push(this.step);
      return original.apply(this, args);
    };
    try {
      await cache.ensure(CONFIG, { normMode: 'plain' });
      await cache.ensure(CONFIG, { normMode: 'plain' });
      expect(created).toHaveLength(1);
      await cache.ensure(configWith({ network: { hidden: [4] } }), { normMode: 'plain' });
      expect(created).toHaveLength(2);
      cache.clear();
      await cache.ensure(CONFIG, { normMode: 'plain' });
      expect(created).toHaveLength(3);
    } finally {
      Trainer.prototype.train = original;
    }
  });
});
