import * as tf from '../../../src/engine/tf';
import { describe, expect, it } from 'vitest';
import type { ClipConfig } from '../../../src/config/schema';
import type { StepMetrics } from '../../../src/engine/metrics';
import { Trainer } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

/**
 * numpy.percentile(values, p) with its default method 'linear': sort, take the fractional rank
 * p/100 (n - 1), interpolate between the two order statistics around it. Written here from
 * numpy's documentation, independently of the engine.
 */
function numpyPercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = sorted[Math.floor(rank)] as number;
  const above = sorted[Math.ceil(rank)] as number;
  return below + (rank - Math.floor(rank)) * (above - below);
}

/** Global norms vary over the run: tanh, a large step, so clipping has something to follow. */
const base = (clip: ClipConfig, hidden = [8, 8, 8]) =>
  configWith({
    network: { hidden },
    optimizer: { kind: 'sgd', learningRate: 0.5 },
    training: { batchSize: 16 },
    gradient: { clip, scale: 1, maxNorm: null, pruneBelow: 0 },
  });

async function train(clip: ClipConfig, steps: number, chunk: number): Promise<StepMetrics[]> {
  const trainer = new Trainer(base(clip));
  const out: StepMetrics[] = [];
  while (trainer.step < steps) {
    out.push(...(await trainer.train(Math.min(chunk, steps - trainer.step))).steps);
  }
  trainer.dispose();
  return out;
}

/** Float32 on the device against float64 here. */
const REL_TOL = 2e-6;
const expectClose = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(REL_TOL * Math.abs(expected));

describe('the reference percentile', () => {
  it("matches numpy's documented linear-interpolation values", () => {
    // np.percentile([15, 20, 35, 40, 50], 40) == 29.0; np.percentile([1, 2, 3, 4], 10) == 1.3
    expect(numpyPercentile([50, 15, 40, 20, 35], 40)).toBeCloseTo(29, 12);
    expect(numpyPercentile([4, 3, 2, 1], 10)).toBeCloseTo(1.3, 12);
    expect(numpyPercentile([7], 10)).toBe(7);
  });
});

describe('AutoClip (clip=auto:p)', () => {
  // 80 steps in chunks of 50 cross the trainer's mid-chunk flush of device norms (every 32).
  it.each([10, 50, 90, 100, 0.5])(
    'clips step k at the %s-th percentile of the pre-clip global norms of steps 1..k',
    async (p) => {
      const steps = await train({ mode: 'auto', percentile: p }, 80, 50);
      expect(steps).toHaveLength(80);
      steps.forEach((s, k) => {
        const threshold = numpyPercentile(
          steps.slice(0, k + 1).map((m) => m.globalNorm),
          p,
        );
        expectClose(s.clipThreshold!, threshold);
        // global-norm clipping at that threshold (PyTorch clip_grad_norm_)
        const scale = Math.min(1, threshold / (s.globalNorm + 1e-6));
        expectClose(s.clippedGlobalNorm, s.globalNorm * scale);
        if (s.globalNorm > threshold * (1 + 1e-5)) expect(s.clipped).toBe(true);
        if (s.globalNorm < threshold * (1 - 1e-5)) expect(s.clipped).toBe(false);
      });
      // the norms do vary, so the test could tell a wrong percentile from a right one
      const norms = steps.map((s) => s.globalNorm);
      expect(Math.max(...norms) / Math.min(...norms)).toBeGreaterThan(2);
    },
  );

  it('gives the same numbers whatever the readback chunking (as a reset or a rewind replays)', async () => {
    const clip: ClipConfig = { mode: 'auto', percentile: 25 };
    const once = await train(clip, 70, 70);
    expect(await train(clip, 70, 1)).toEqual(once);
    expect(await train(clip, 70, 33)).toEqual(once);
    // a new trainer of the same config (Reset) starts the same history again
    expect(await train(clip, 70, 70)).toEqual(once);
  });

  it('switched on mid-run, counts the norms of every step since step 1', async () => {
    const trainer = new Trainer(base({ mode: 'none' }));
    const before = (await trainer.train(20)).steps;
    const p = 30;
    trainer.applyLiveSettings(base({ mode: 'auto', percentile: p }));
    const after = (await trainer.train(10)).steps;
    trainer.dispose();
    const all = [...before, ...after];
    before.forEach((s) => expect(s.clipThreshold).toBeNull());
    after.forEach((s) => {
      const threshold = numpyPercentile(
        all.filter((m) => m.step <= s.step).map((m) => m.globalNorm),
        p,
      );
      expectClose(s.clipThreshold!, threshold);
    });
  });

  it('on identical weights, measures step 1 like the unclipped run and clips it at its own norm', async () => {
    const [plain] = await train({ mode: 'none' }, 1, 1);
    const [auto] = await train({ mode: 'auto', percentile: 10 }, 1, 1);
    expect(auto!.globalNorm).toBe(plain!.globalNorm);
    expect(auto!.gradNorm).toEqual(plain!.gradNorm);
    // one norm so far: every percentile of it is the norm itself
    expect(auto!.clipThreshold).toBe(plain!.globalNorm);
  });

  it('keeps tf.memory().numTensors flat over many steps and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const trainer = new Trainer(base({ mode: 'auto', percentile: 10 }));
    await trainer.train(40);
    const warm = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) await trainer.train(45);
    expect(trainer.step).toBe(490);
    expect(tf.memory().numTensors).toBe(warm);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the clip direction cosine of every step', () => {
  it('is 1 for global-norm clipping and AutoClip, which scale every tensor alike', async () => {
    for (const clip of [
      { mode: 'globalNorm', threshold: 0.05 },
      { mode: 'auto', percentile: 10 },
    ] as const) {
      const steps = await train(clip, 30, 30);
      expect(steps.some((s) => s.clipped)).toBe(true);
      steps.forEach((s) => expect(Math.abs(s.clipCosine - 1)).toBeLessThan(1e-5));
    }
  });

  it('is exactly 1 without clipping, and below 1 where per-tensor or by-value clipping acted', async () => {
    (await train({ mode: 'none' }, 10, 10)).forEach((s) => expect(s.clipCosine).toBe(1));
    for (const clip of [
      { mode: 'tensorNorm', threshold: 0.02 },
      { mode: 'value', threshold: 0.002 },
    ] as const) {
      const steps = await train(clip, 20, 20);
      const clipped = steps.filter((s) => s.clipped);
      expect(clipped.length).toBeGreaterThan(0);
      clipped.forEach((s) => expect(s.clipCosine).toBeLessThan(1 - 1e-4));
      steps.forEach((s) => expect(s.clipCosine).toBeGreaterThan(0));
    }
  });
});
