/**
 * The link's fbias is the LSTM forget gate's initial bias (added to binit, as Keras's
 * unit_forget_bias adds 1), and nothing else: the other gates and the other cells keep binit.
 */
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../src/config/codec';
import { RecurrentTrainer } from '../../../src/engine/recurrent/recurrentTrainer';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

async function biases(hash: string): Promise<Map<string, number[]>> {
  const { config, repairs } = decodeConfig(hash);
  expect(repairs).toEqual([]);
  const trainer = new RecurrentTrainer(config);
  try {
    const weights = await trainer.readWeights();
    return new Map(weights.filter((w) => w.name.startsWith('b_')).map((w) => [w.name, w.values]));
  } finally {
    trainer.dispose();
  }
}

describe('the LSTM forget-gate bias (fbias)', () => {
  it('starts b_f at binit + fbias and every other bias at binit', async () => {
    const b = await biases('#model=rnn&cell=lstm&T=3&units=4&binit=0.25&fbias=3');
    expect(b.get('b_f')).toEqual([3.25, 3.25, 3.25, 3.25]);
    for (const name of ['b_i', 'b_g', 'b_o', 'b_y']) {
      for (const value of b.get(name) ?? [NaN]) expect(value).toBe(0.25);
    }
  });

  it('is 1 by default (Keras unit_forget_bias) and leaves the vanilla and GRU cells alone', async () => {
    expect((await biases('#model=rnn&cell=lstm&T=3&units=2')).get('b_f')).toEqual([1, 1]);
    for (const cell of ['rnn', 'gru']) {
      const b = await biases(`#model=rnn&cell=${cell}&T=3&units=2&fbias=5`);
      for (const values of b.values()) for (const v of values) expect(v).toBe(0);
    }
  });
});
