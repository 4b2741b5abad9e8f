import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type Activation, type DatasetKind } from '../../../src/config/schema';
import { Trainer } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import { makeRefLayer, referenceBackprop } from '../../support/referenceNetwork';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

/** float32 engine vs float64 reference: relative 2e-4 plus a small absolute floor. */
function expectClose(actual: number, expected: number, what: string): void {
  const tolerance = 2e-4 * Math.abs(expected) + 1e-6;
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

interface Case {
  activation: Activation;
  residual: boolean;
  layerNorm: boolean;
  kind: DatasetKind;
  l1: number;
  l2: number;
  bias: boolean;
}

async function compareFirstStep(c: Case): Promise<void> {
  const config = configWith({
    data: { kind: c.kind, samples: 200, seed: 5 },
    network: {
      hidden: [6, 6, 5, 5],
      activation: c.activation,
      bias: c.bias,
      residual: c.residual,
      normalization: c.layerNorm ? 'layerNorm' : 'none',
    },
    // Non-zero biases so the bias gradients and the kinks are exercised away from 0.
    init: { scheme: { kind: 'heNormal' }, gain: 1, biasInit: 0.05, seed: 11 },
    regularization: { l1: c.l1, l2: c.l2 },
    training: { batchSize: 16 },
  });
  const trainer = new Trainer(config);
  try {
    const weights = await trainer.readWeights();
    const batch = trainer.peekNextBatch();
    const step = (await trainer.train(1)).steps[0]!;
    const layers = weights.map((w) =>
      makeRefLayer(w.kernel.flat(), w.bias, w.kernel.length, w.kernel[0]!.length),
    );
    const ref = referenceBackprop(layers, batch.x, batch.y, batch.x.length, {
      activation: c.activation,
      residual: c.residual,
      normalization: c.layerNorm ? 'layerNorm' : 'none',
      loss: trainer.loss,
      l1: c.l1,
      l2: c.l2,
    });
    expectClose(step.loss, ref.dataLoss, 'loss');
    ref.layerGradNorm.forEach((n, l) => expectClose(step.gradNorm[l]!, n, `gradNorm[${l}]`));
    ref.signalNorm.forEach((n, l) => expectClose(step.signalNorm[l]!, n, `signalNorm[${l}]`));
    ref.weightNorm.forEach((n, l) => expectClose(step.weightNorm[l]!, n, `weightNorm[${l}]`));
    expectClose(step.globalNorm, Math.hypot(...ref.layerGradNorm), 'globalNorm');
  } finally {
    trainer.dispose();
  }
}

describe('per-layer norms match an independent float64 backprop', () => {
  const plain = ACTIVATIONS.map((activation): Case => ({
    activation,
    residual: false,
    layerNorm: false,
    kind: 'spiral',
    l1: 0,
    l2: 0,
    bias: true,
  }));
  it.each(plain.map((c) => [c.activation, c] as const))('%s, cross-entropy', async (_n, c) => {
    await compareFirstStep(c);
  });

  const remedies = ACTIVATIONS.map((activation): Case => ({
    activation,
    residual: true,
    layerNorm: true,
    kind: 'sine',
    l1: 0.001,
    l2: 0.01,
    bias: true,
  }));
  it.each(remedies.map((c) => [c.activation, c] as const))(
    '%s, MSE, residual + layer norm + L1/L2',
    async (_n, c) => {
      await compareFirstStep(c);
    },
  );

  it('without biases', async () => {
    await compareFirstStep({
      activation: 'tanh',
      residual: false,
      layerNorm: false,
      kind: 'plane',
      l1: 0,
      l2: 0.05,
      bias: false,
    });
  });

  it('with residual connections only', async () => {
    await compareFirstStep({
      activation: 'relu',
      residual: true,
      layerNorm: false,
      kind: 'xor',
      l1: 0,
      l2: 0,
      bias: true,
    });
  });
});
