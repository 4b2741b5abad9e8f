/**
 * The recurrent engine's backpropagation through time against an independent float64 reference
 * (tests/support/referenceRecurrent.ts): the vanilla cell's BPTT written out by hand, and
 * central finite differences for the LSTM and GRU. Each step-1 gradient is read off the SGD
 * update (g = (w_before - w_after) / lr) and compared element by element; the reported per-tensor
 * norms and ||dL/dh_t|| per time step are compared too.
 */
import { describe, expect, it } from 'vitest';
import type { CellKind } from '../../../src/config/modelSchema';
import type { Activation } from '../../../src/config/schema';
import {
  RecurrentTrainer,
  type NamedWeights,
} from '../../../src/engine/recurrent/recurrentTrainer';
import { configWith } from '../../support/configs';
import {
  norm,
  refGradsByDifferences,
  refLoss,
  refTimeSignalsByDifferences,
  refVanillaBptt,
  refWeights,
  type RefActivation,
} from '../../support/referenceRecurrent';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const LEARNING_RATE = 1;
const UNITS = 4;
const T = 6;

/** float32 engine vs float64 reference: relative 2e-4 of the tensor's norm plus a floor. */
function expectCloseTo(actual: number, expected: number, scale: number, what: string) {
  const tolerance = 2e-4 * Math.abs(scale) + 1e-6;
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

async function firstStep(cell: CellKind, act: Activation) {
  const config = configWith({
    model: {
      kind: 'rnn',
      cell,
      timeSteps: T,
      units: UNITS,
      recurrentInit: { kind: 'normal', sigma: 0.6 },
      forgetBias: 1,
    },
    data: { samples: 40, testFraction: 0.25, seed: 3 },
    network: { activation: act, bias: true },
    // Non-zero biases and a large input init, so every gate works away from its midpoint.
    init: { scheme: { kind: 'normal', sigma: 0.8 }, gain: 1, biasInit: 0.1, seed: 9 },
    optimizer: { kind: 'sgd', learningRate: LEARNING_RATE },
    training: { batchSize: 5 },
  });
  const trainer = new RecurrentTrainer(config);
  try {
    const before = await trainer.readWeights();
    const batch = trainer.peekNextBatch();
    const step = (await trainer.train(1)).steps[0]!;
    const after = await trainer.readWeights();
    const grads = new Map(
      before.map((w, i) => [
        w.name,
        w.values.map((v, k) => (v - after[i]!.values[k]!) / LEARNING_RATE),
      ]),
    );
    return { before, batch, step, grads, layers: trainer.layers.map((l) => l.name) };
  } finally {
    trainer.dispose();
  }
}

function compareGrads(
  engine: Map<string, number[]>,
  reference: Map<string, Float64Array>,
  before: NamedWeights[],
) {
  expect([...engine.keys()].sort()).toEqual([...reference.keys()].sort());
  for (const { name } of before) {
    const ref = reference.get(name)!;
    const scale = norm(ref);
    engine.get(name)!.forEach((g, k) => expectCloseTo(g, ref[k]!, scale, `${name}[${k}]`));
  }
}

describe('BPTT against a float64 reference', () => {
  for (const act of ['tanh', 'relu', 'linear'] as const satisfies RefActivation[]) {
    it(`vanilla ${act} RNN: gradients, per-tensor norms and dL/dh_t match hand-written BPTT`, async () => {
      const { before, batch, step, grads, layers } = await firstStep('rnn', act);
      expect(layers).toEqual(['W_x', 'W_h', 'b_h', 'W_y', 'b_y']);
      const ref = refVanillaBptt(act, UNITS, refWeights(before), batch.x, batch.y);
      expectCloseTo(step.loss, ref.loss, ref.loss, 'loss');
      compareGrads(grads, ref.grads, before);
      layers.forEach((name, i) => {
        const n = norm(ref.grads.get(name)!);
        expectCloseTo(step.gradNorm[i]!, n, n, `gradNorm ${name}`);
      });
      expect(step.timeSignalNorm).toHaveLength(T);
      ref.timeSignal.forEach((n, t) =>
        expectCloseTo(step.timeSignalNorm![t]!, n, n, `timeSignalNorm t=${t + 1}`),
      );
      expect(step.signalNorm).toEqual([]);
    });
  }

  it('the hand-written BPTT agrees with finite differences (the reference checks itself)', async () => {
    const { before, batch } = await firstStep('rnn', 'tanh');
    const w = refWeights(before);
    const spec = { cell: 'rnn' as const, act: 'tanh' as const, units: UNITS };
    const bptt = refVanillaBptt('tanh', UNITS, w, batch.x, batch.y);
    const differences = refGradsByDifferences(spec, w, batch.x, batch.y);
    for (const [name, g] of bptt.grads) {
      g.forEach((v, k) => expect(Math.abs(v - differences.get(name)![k]!)).toBeLessThan(1e-7));
    }
    const signals = refTimeSignalsByDifferences(spec, w, batch.x, batch.y);
    bptt.timeSignal.forEach((n, t) => expect(Math.abs(n - signals[t]!)).toBeLessThan(1e-7));
    expect(Math.abs(bptt.loss - refLoss(spec, w, batch.x, batch.y))).toBeLessThan(1e-12);
  });

  for (const cell of ['lstm', 'gru'] as const) {
    it(`${cell.toUpperCase()}: gradients of every gate and dL/dh_t match finite differences`, async () => {
      const { before, batch, step, grads, layers } = await firstStep(cell, 'tanh');
      const gates = cell === 'lstm' ? ['i', 'f', 'g', 'o'] : ['r', 'z', 'n'];
      expect(layers).toEqual([
        ...gates.map((g) => `W_x${g}`),
        ...gates.map((g) => `W_h${g}`),
        ...gates.map((g) => `b_${g}`),
        'W_y',
        'b_y',
      ]);
      const spec = { cell, act: 'tanh' as const, units: UNITS };
      const w = refWeights(before);
      expectCloseTo(step.loss, refLoss(spec, w, batch.x, batch.y), step.loss, 'loss');
      const reference = refGradsByDifferences(spec, w, batch.x, batch.y);
      compareGrads(grads, reference, before);
      layers.forEach((name, i) => {
        const n = norm(reference.get(name)!);
        expectCloseTo(step.gradNorm[i]!, n, n, `gradNorm ${name}`);
      });
      refTimeSignalsByDifferences(spec, w, batch.x, batch.y).forEach((n, t) =>
        expectCloseTo(step.timeSignalNorm![t]!, n, n, `timeSignalNorm t=${t + 1}`),
      );
    });
  }
});
