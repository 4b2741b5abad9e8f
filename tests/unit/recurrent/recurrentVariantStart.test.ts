/**
 * What the compare view promises about recurrent variants, checked against the engine's real
 * initial weights and batches (cpu backend): "identical" means bit-identical tensors and the
 * same first batch; "scaled" for another recurrent gain means W_h is A's times the gain ratio
 * with every other tensor equal; another cell, hidden size, T or rinit kind is "different".
 */
import { describe, expect, it } from 'vitest';
import { weightsNotesEn } from '../../../src/config/initialWeightsMessages';
import { initialWeightsShared } from '../../../src/config/initialWeightsShared';
import type { RecurrentModel } from '../../../src/config/modelSchema';
import type { ExperimentConfig } from '../../../src/config/schema';
import { createTrainer } from '../../../src/engine/createTrainer';
import type { RecurrentTrainer } from '../../../src/engine/recurrent/recurrentTrainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const MODEL: RecurrentModel = {
  kind: 'rnn',
  cell: 'rnn',
  timeSteps: 6,
  units: 5,
  recurrentInit: { kind: 'orthogonal', gain: 1 },
  forgetBias: 1,
};

function config(model: Partial<RecurrentModel> = {}, lr = 0.01): ExperimentConfig {
  return configWith({
    model: { ...MODEL, ...model },
    data: { samples: 60, seed: 2 },
    init: { seed: 9 },
    optimizer: { kind: 'sgd', learningRate: lr },
    training: { batchSize: 8 },
  });
}

async function start(c: ExperimentConfig) {
  const trainer = createTrainer(c) as RecurrentTrainer;
  const weights = await trainer.readWeights();
  const batch = trainer.peekNextBatch();
  trainer.dispose();
  return { weights, batch };
}

describe('recurrent variants start where the compare view says', () => {
  it('another learning rate: identical weights and batches', async () => {
    const [a, b] = [config(), config({}, 0.5)];
    expect(initialWeightsShared(a, b).kind).toBe('identical');
    const [sa, sb] = await Promise.all([start(a), start(b)]);
    expect(sb.weights).toEqual(sa.weights);
    expect(sb.batch).toEqual(sa.batch);
  });

  it('another recurrent gain: scaled, W_h = A W_h x 1.5 and every other tensor equal', async () => {
    const b = config({ recurrentInit: { kind: 'orthogonal', gain: 1.5 } });
    const shared = initialWeightsShared(config(), b);
    expect(shared.kind).toBe('scaled');
    const [sa, sb] = await Promise.all([start(config()), start(b)]);
    sa.weights.forEach((w, i) => {
      const other = sb.weights[i]!;
      if (w.name !== 'W_h') expect(other.values).toEqual(w.values);
      else w.values.forEach((v, j) => expect(other.values[j]).toBeCloseTo(1.5 * v, 6));
    });
    expect(sb.batch).toEqual(sa.batch);
  });

  it.each([
    [{ cell: 'gru' as const }, 'cell'],
    [{ units: 6 }, 'hidden size'],
    [{ timeSteps: 7 }, 'sequences of another length'],
    [{ recurrentInit: { kind: 'normal' as const, sigma: 0.1 } }, 'recurrent weights otherwise'],
  ])('%j is different, and says why', (model, words) => {
    const shared = initialWeightsShared(config(), config(model));
    expect(shared.kind).toBe('different');
    expect(shared.kind === 'different' && weightsNotesEn(shared.notes)).toContain(words);
  });
});
