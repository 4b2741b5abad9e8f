import { describe, expect, it } from 'vitest';
import { Trainer } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

async function firstStepSignals(config: ReturnType<typeof configWith>): Promise<number[]> {
  const trainer = new Trainer(config);
  try {
    const { steps } = await trainer.train(1);
    return steps[0]!.signalNorm;
  } finally {
    trainer.dispose();
  }
}

/** Least-squares slope of y against its index. */
function slope(y: number[]): number {
  const n = y.length;
  const meanX = (n - 1) / 2;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  y.forEach((v, i) => {
    num += (i - meanX) * (v - meanY);
    den += (i - meanX) ** 2;
  });
  return num / den;
}

describe('signal propagation matches theory at initialization', () => {
  it.each([1.1, 0.9])(
    'a 30-layer linear net with orthogonal init of gain %s scales the signal by exactly the gain per layer toward the input',
    async (gain) => {
      const signals = await firstStepSignals(
        configWith({
          data: { kind: 'plane' },
          network: { hidden: Array<number>(29).fill(16), activation: 'linear', bias: false },
          init: { scheme: { kind: 'orthogonal', gain } },
        }),
      );
      expect(signals).toHaveLength(30);
      for (let l = 1; l < signals.length; l++) {
        // Layer l-1's signal is layer l's times W_l^T, an orthogonal matrix times the gain.
        expect(signals[l - 1]! / signals[l]!).toBeCloseTo(gain, 4);
      }
    },
  );

  // Backward variance per layer: fan_out * Var(w) * E[relu'(z)^2] = 256 * Var(w) / 2.
  // He (Var = 2/fan_in) keeps it at 1; LeCun (Var = 1/fan_in) halves it, so the norm shrinks
  // by 2^-1/2 per layer toward the input. Tolerance 0.05 in log-norm slope per layer.
  const deepRelu = (kind: 'heNormal' | 'lecunNormal') =>
    configWith({
      data: { kind: 'plane' },
      network: { hidden: Array<number>(16).fill(256), activation: 'relu', bias: false },
      init: { scheme: { kind }, seed: 3 },
      training: { batchSize: 64 },
    });

  it('He init + ReLU at width 256 keeps the log signal norm flat across depth', async () => {
    const signals = await firstStepSignals(deepRelu('heNormal'));
    // Hidden layers 2..16: every layer there has a 256-wide input and output.
    const logs = signals.slice(1, 16).map(Math.log);
    expect(Math.abs(slope(logs))).toBeLessThan(0.05);
  });

  it('LeCun init + ReLU at width 256 shrinks the signal by about 2^-1/2 per layer toward the input', async () => {
    const signals = await firstStepSignals(deepRelu('lecunNormal'));
    const logs = signals.slice(1, 16).map(Math.log);
    // Slope against layer index (input to output) is +ln(sqrt 2): the norm grows toward the output.
    expect(slope(logs)).toBeCloseTo(Math.log(Math.SQRT2), 1);
    expect(Math.abs(slope(logs) - Math.log(Math.SQRT2))).toBeLessThan(0.05);
  });
});
