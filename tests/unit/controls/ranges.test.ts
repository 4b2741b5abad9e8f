import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIMITS, defaultOptimizer } from '../../../src/config/schema';
import { validateConfig } from '../../../src/config/validate';
import { BELOW_ONE, RANGES, randomSeed } from '../../../src/ui/controls/ranges';
import { patchSection } from '../../../src/ui/controls/sectionPatch';

describe('RANGES', () => {
  it.each(Object.entries(RANGES))('%s is a finite, non-empty range', (_name, range) => {
    expect(Number.isFinite(range.min)).toBe(true);
    expect(Number.isFinite(range.max)).toBe(true);
    expect(range.min).toBeLessThan(range.max);
  });

  it('keeps decay rates below 1, where the validator would reset them', () => {
    for (const range of [RANGES.momentum, RANGES.beta1, RANGES.beta2, RANGES.rho]) {
      expect(range.max).toBe(BELOW_ONE);
    }
  });

  it('follows LIMITS', () => {
    expect(RANGES.learningRate).toMatchObject({
      min: LIMITS.MIN_LEARNING_RATE,
      max: LIMITS.MAX_LEARNING_RATE,
    });
    expect(RANGES.clipThreshold).toMatchObject({
      min: LIMITS.MIN_CLIP_THRESHOLD,
      max: LIMITS.MAX_CLIP_THRESHOLD,
    });
    expect(RANGES.depth).toMatchObject({ min: 0, max: LIMITS.MAX_HIDDEN_LAYERS, integer: true });
    expect(RANGES.width.integer).toBe(true);
  });

  it('writing either end of every optimizer range needs no repair', () => {
    for (const end of ['min', 'max'] as const) {
      const adam = {
        ...defaultOptimizer('adam', RANGES.learningRate[end]),
        beta1: RANGES.beta1[end],
        beta2: RANGES.beta2[end],
        epsilon: RANGES.epsilon[end],
      };
      const rms = {
        ...defaultOptimizer('rmsprop', 0.01),
        rho: RANGES.rho[end],
        momentum: RANGES.momentum[end],
      };
      for (const optimizer of [adam, rms]) {
        expect(validateConfig({ ...DEFAULT_CONFIG, optimizer }).repairs).toEqual([]);
      }
    }
  });

  it('writing either end of the gradient, init and data ranges needs no repair', () => {
    for (const end of ['min', 'max'] as const) {
      let config = patchSection(DEFAULT_CONFIG, 'gradient', {
        clip: { mode: 'globalNorm', threshold: RANGES.clipThreshold[end] },
        scale: RANGES.gradScale[end],
        maxNorm: RANGES.maxNorm[end],
        pruneBelow: RANGES.pruneBelow[end],
      });
      config = patchSection(config, 'init', {
        gain: RANGES.initGain[end],
        biasInit: RANGES.biasInit[end],
        seed: RANGES.initSeed[end],
      });
      config = patchSection(config, 'data', {
        noise: RANGES.noise[end],
        seed: RANGES.dataSeed[end],
        testFraction: RANGES.testFraction[end],
      });
      config = patchSection(config, 'regularization', { l1: RANGES.l1[end], l2: RANGES.l2[end] });
      config = patchSection(config, 'training', {
        maxSteps: RANGES.maxSteps[end],
        batchSize: RANGES.batchSize.min,
      });
      expect(validateConfig(config).repairs).toEqual([]);
    }
  });
});

describe('randomSeed', () => {
  it('picks a whole number in [1, MAX_SEED]', () => {
    expect(randomSeed(() => 0)).toBe(1);
    expect(randomSeed(() => 0.999999999999)).toBe(LIMITS.MAX_SEED);
    for (let i = 0; i < 100; i++) {
      const seed = randomSeed();
      expect(Number.isInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(1);
      expect(seed).toBeLessThanOrEqual(LIMITS.MAX_SEED);
    }
  });
});
