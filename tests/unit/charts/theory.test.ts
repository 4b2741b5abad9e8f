import { describe, expect, it } from 'vitest';
import type { InitScheme } from '../../../src/config/schema';
import { initKernel } from '../../../src/engine/initializers';
import {
  activationGain,
  initWeightVariance,
  predictSignalNorms,
  signalRatio,
  type TheoryLayer,
} from '../../../src/ui/charts/theory';

const plain = { residual: false, normalization: 'none' } as const;

/** A deep stack of equal-width layers plus the 1-unit output layer, as the engine builds it. */
function stack(depth: number, width: number, activation: TheoryLayer['activation']): TheoryLayer[] {
  const hidden = Array.from({ length: depth }, (_, i) => ({
    units: width,
    fanIn: i === 0 ? 2 : width,
    activation,
  }));
  return [...hidden, { units: 1, fanIn: width, activation: 'linear' }];
}

function ratioFor(
  kind: InitScheme['kind'],
  activation: TheoryLayer['activation'],
  width = 256,
): number {
  const variance = initWeightVariance({ kind } as InitScheme, width, width, 1)!;
  return signalRatio(width, variance, activationGain(activation)!.chi);
}

describe('signal ratio per layer at initialization', () => {
  it('is 1 for He init with ReLU (the norm stays flat across depth)', () => {
    expect(ratioFor('heNormal', 'relu')).toBeCloseTo(1, 12);
    expect(ratioFor('heUniform', 'relu')).toBeCloseTo(1, 12);
  });

  it('is 2^-1/2 for LeCun init with ReLU (vanishing toward the input)', () => {
    expect(ratioFor('lecunNormal', 'relu')).toBeCloseTo(Math.SQRT1_2, 12);
    expect(ratioFor('lecunUniform', 'relu')).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('is 1 for Glorot or LeCun with a linear activation on square layers', () => {
    expect(ratioFor('glorotNormal', 'linear')).toBeCloseTo(1, 12);
    expect(ratioFor('lecunNormal', 'linear')).toBeCloseTo(1, 12);
  });

  it('scales with the init gain: ratio = gain * ratio at gain 1', () => {
    const v = initWeightVariance({ kind: 'heNormal' }, 64, 64, 1.5)!;
    expect(signalRatio(64, v, 0.5)).toBeCloseTo(1.5, 12);
  });

  it('is the orthogonal gain for square orthogonal layers in a linear net', () => {
    const v = initWeightVariance({ kind: 'orthogonal', gain: 1.1 }, 16, 16, 1)!;
    expect(signalRatio(16, v, 1)).toBeCloseTo(1.1, 12);
  });
});

describe('initWeightVariance', () => {
  it('uses sigma^2 for normal and limit^2/3 for uniform, times gain^2', () => {
    expect(initWeightVariance({ kind: 'normal', sigma: 0.2 }, 3, 5, 2)).toBeCloseTo(0.16, 12);
    expect(initWeightVariance({ kind: 'uniform', limit: 0.3 }, 3, 5, 1)).toBeCloseTo(0.03, 12);
    expect(initWeightVariance({ kind: 'glorotUniform' }, 30, 10, 1)).toBeCloseTo(0.05, 12);
    expect(initWeightVariance({ kind: 'zeros' }, 3, 5, 1)).toBe(0);
    expect(initWeightVariance({ kind: 'constant', value: 0.1 }, 3, 5, 1)).toBeNull();
  });

  it.each<InitScheme>([
    { kind: 'normal', sigma: 0.3 },
    { kind: 'uniform', limit: 0.5 },
    { kind: 'glorotNormal' },
    { kind: 'glorotUniform' },
    { kind: 'heNormal' },
    { kind: 'heUniform' },
    { kind: 'lecunNormal' },
    { kind: 'lecunUniform' },
    { kind: 'orthogonal', gain: 1.3 },
  ])('matches the sample variance of the engine kernels for $kind', (scheme) => {
    const [fanIn, fanOut, gain] = [96, 64, 0.7];
    const w = initKernel(scheme, fanIn, fanOut, gain, 11);
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    const sample = w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length;
    // 6144 draws: the sample variance is within a few percent of the true one.
    expect(sample / initWeightVariance(scheme, fanIn, fanOut, gain)!).toBeCloseTo(1, 1);
  });
});

describe('activationGain', () => {
  it('knows ReLU 1/2, leaky ReLU (1 + 0.01^2)/2 and linear 1 exactly', () => {
    expect(activationGain('relu')).toEqual({ chi: 0.5, exact: true });
    expect(activationGain('leakyRelu')!.chi).toBeCloseTo((1 + 0.01 ** 2) / 2, 15);
    expect(activationGain('linear')).toEqual({ chi: 1, exact: true });
  });

  it('marks tanh (slope 1 at 0) and sigmoid (slope 1/4 at 0) as approximate', () => {
    expect(activationGain('tanh')).toEqual({ chi: 1, exact: false });
    expect(activationGain('sigmoid')).toEqual({ chi: 1 / 16, exact: false });
  });

  it('has no chi for activations without a simple closed form', () => {
    for (const a of ['gelu', 'elu', 'selu', 'softplus', 'swish'] as const)
      expect(activationGain(a)).toBeNull();
  });
});

describe('predictSignalNorms', () => {
  const lecun = { scheme: { kind: 'lecunNormal' }, gain: 1, biasInit: 0 } as const;

  it('is anchored at the output signal and shrinks by 2^-1/2 per layer toward the input for LeCun + ReLU', () => {
    const layers = stack(16, 256, 'relu');
    const p = predictSignalNorms(layers, lecun, plain, 3)!;
    expect(p.approximate).toBe(false);
    expect(p.norms).toHaveLength(17);
    expect(p.norms[16]).toBe(3);
    // Layer 15 (last hidden) -> 16 (output): width 256, Var = 1/256, chi 1/2.
    for (let l = 0; l < 16; l++)
      expect(p.norms[l]! / p.norms[l + 1]!).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('is flat for He + ReLU', () => {
    const p = predictSignalNorms(
      stack(8, 64, 'relu'),
      { ...lecun, scheme: { kind: 'heNormal' } },
      plain,
      0.5,
    )!;
    for (const n of p.norms) expect(n).toBeCloseTo(0.5, 12);
  });

  it('marks tanh and a non-zero bias under ReLU as approximate', () => {
    expect(predictSignalNorms(stack(4, 32, 'tanh'), lecun, plain, 1)!.approximate).toBe(true);
    expect(
      predictSignalNorms(stack(4, 32, 'relu'), { ...lecun, biasInit: 0.1 }, plain, 1)!.approximate,
    ).toBe(true);
  });

  it('does not apply to skip connections, layer norm, constant init, GELU or a non-finite anchor', () => {
    const layers = stack(4, 32, 'relu');
    expect(predictSignalNorms(layers, lecun, { ...plain, residual: true }, 1)).toBeNull();
    expect(
      predictSignalNorms(layers, lecun, { ...plain, normalization: 'layerNorm' }, 1),
    ).toBeNull();
    expect(
      predictSignalNorms(layers, { ...lecun, scheme: { kind: 'constant', value: 0.1 } }, plain, 1),
    ).toBeNull();
    expect(predictSignalNorms(stack(4, 32, 'gelu'), lecun, plain, 1)).toBeNull();
    expect(predictSignalNorms(layers, lecun, plain, Infinity)).toBeNull();
    expect(predictSignalNorms(layers, lecun, plain, 0)).toBeNull();
  });
});
