/**
 * What theory says of the signal through time, checked on the engine's reported ||dL/dh_t||:
 * - a linear RNN with W_h = g Q (Q orthogonal) passes dL/dh_{t-1} = dL/dh_t W_h^T back, and
 *   right-multiplying by g Q^T scales every row's norm by exactly g, so the profile is
 *   geometric with ratio g per step back (Saxe et al. 2014; Pascanu et al. 2013);
 * - with tanh, |tanh'| <= 1, so each step back multiplies the norm by at most the largest
 *   singular value of W_h: a spectral radius of 0.5 makes the signal vanish at least as 0.5^t.
 * Also: the clipping modes act on the unrolled network's gradients, and an overflow halts the
 * run with a named event.
 */
import { describe, expect, it } from 'vitest';
import type { ClipConfig } from '../../../src/config/schema';
import { GLOBAL_NORM_EPSILON } from '../../../src/engine/clipGradients';
import { RecurrentTrainer } from '../../../src/engine/recurrent/recurrentTrainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

function rnnConfig(opts: {
  act: 'linear' | 'tanh' | 'relu';
  gain: number;
  T: number;
  clip?: ClipConfig;
  rinit?: 'orthogonal' | 'identity';
}) {
  return configWith({
    model: {
      kind: 'rnn',
      cell: 'rnn',
      timeSteps: opts.T,
      units: 16,
      recurrentInit: { kind: opts.rinit ?? 'orthogonal', gain: opts.gain },
      forgetBias: 1,
    },
    data: { samples: 100, seed: 2 },
    network: { activation: opts.act },
    init: { scheme: { kind: 'glorotNormal' }, gain: 1, biasInit: 0, seed: 4 },
    gradient: { clip: opts.clip ?? { mode: 'none' } },
    training: { batchSize: 16 },
  });
}

async function firstSteps(config: ReturnType<typeof rnnConfig>, steps = 1) {
  const trainer = new RecurrentTrainer(config);
  try {
    return await trainer.train(steps);
  } finally {
    trainer.dispose();
  }
}

describe('signal through time', () => {
  for (const gain of [0.8, 1, 1.25]) {
    it(`linear RNN with W_h = ${gain} Q: ||dL/dh_t|| grows by exactly ${gain} per step back`, async () => {
      const T = 30;
      const signal = (await firstSteps(rnnConfig({ act: 'linear', gain, T }))).steps[0]!
        .timeSignalNorm!;
      expect(signal).toHaveLength(T);
      for (let t = 0; t < T - 1; t++) {
        const ratio = signal[t]! / signal[t + 1]!;
        expect(Math.abs(ratio - gain), `t=${t + 1}`).toBeLessThan(1e-4 * gain);
      }
    });
  }

  it('tanh RNN with spectral radius 0.5: every step back at most halves the signal, which vanishes', async () => {
    const T = 50;
    const signal = (await firstSteps(rnnConfig({ act: 'tanh', gain: 0.5, T }))).steps[0]!
      .timeSignalNorm!;
    for (let t = 0; t < T - 1; t++) {
      expect(signal[t]! / signal[t + 1]!, `t=${t + 1}`).toBeLessThanOrEqual(0.5 * (1 + 1e-5));
    }
    expect(signal[0]! / signal[T - 1]!).toBeLessThan(0.5 ** (T - 1) * (1 + 1e-3));
    expect(signal[T - 1]!).toBeGreaterThan(0);
  });

  it('global-norm clipping scales the unrolled gradients to c / (G + 1e-6) of themselves', async () => {
    const c = 1e-3;
    const clip = { mode: 'globalNorm', threshold: c } as const;
    const step = (await firstSteps(rnnConfig({ act: 'tanh', gain: 1.5, T: 20, clip }))).steps[0]!;
    expect(step.globalNorm).toBeGreaterThan(c);
    expect(step.clipped).toBe(true);
    const expected = (step.globalNorm * c) / (step.globalNorm + GLOBAL_NORM_EPSILON);
    expect(Math.abs(step.clippedGlobalNorm - expected)).toBeLessThan(1e-5 * c);
    step.gradNorm.forEach((n, i) =>
      expect(step.clippedGradNorm[i]!).toBeCloseTo((n * c) / (step.globalNorm + 1e-6), 8),
    );
  });

  it('per-tensor clipping caps each named tensor at c', async () => {
    const c = 1e-3;
    const clip = { mode: 'tensorNorm', threshold: c } as const;
    const step = (await firstSteps(rnnConfig({ act: 'tanh', gain: 1.5, T: 20, clip }))).steps[0]!;
    step.gradNorm.forEach((n, i) =>
      expect(step.clippedGradNorm[i]!).toBeCloseTo(Math.min(n, c), 7),
    );
  });

  it('AutoClip clips the unrolled gradients at the numpy-linear percentile of the global norms so far', async () => {
    const p = 50;
    const clip = { mode: 'auto', percentile: p } as const;
    const trainer = new RecurrentTrainer(rnnConfig({ act: 'tanh', gain: 1.2, T: 12, clip }));
    // Chunks of 3 and 4: the history spans readbacks as on the page.
    const steps = [...(await trainer.train(3)).steps, ...(await trainer.train(4)).steps];
    trainer.dispose();
    steps.forEach((step, k) => {
      const sorted = steps
        .slice(0, k + 1)
        .map((s) => s.globalNorm)
        .sort((a, b) => a - b);
      const rank = (p / 100) * (sorted.length - 1);
      const low = Math.floor(rank);
      const high = Math.min(low + 1, sorted.length - 1);
      const expected = sorted[low]! + (rank - low) * (sorted[high]! - sorted[low]!);
      expect(step.clipThreshold!).toBeCloseTo(expected, 5);
      const scale = Math.min(1, expected / (step.globalNorm + GLOBAL_NORM_EPSILON));
      expect(step.clippedGlobalNorm).toBeCloseTo(step.globalNorm * scale, 5);
    });
  });

  it('a linear RNN with W_h = 3 I overflows over T = 200: the run halts at step 1 with a named event', async () => {
    const result = await firstSteps(
      rnnConfig({ act: 'linear', gain: 3, T: 200, rinit: 'identity' }),
      5,
    );
    // 3^199 is about 1e95, far past float32's 3.4e38.
    expect(result.event).not.toBeNull();
    expect(result.event!.step).toBe(1);
    expect(['loss', 'timeSignalNorm', 'gradNorm']).toContain(result.event!.what);
    expect(result.steps).toHaveLength(1);
  });
});
