import { describe, expect, it } from 'vitest';
import {
  chi1,
  criticalSigmaW,
  gaussHermite,
  gaussianExpectation,
} from '../../../src/config/meanField';

describe('mean-field order/chaos boundary', () => {
  it('Gauss-Hermite quadrature integrates Gaussian moments exactly', () => {
    const { weights } = gaussHermite(64);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(gaussianExpectation((z) => z * z, 0, 2.5)).toBeCloseTo(2.5, 10);
    expect(gaussianExpectation((z) => z ** 4, 1, 1)).toBeCloseTo(1 + 6 + 3, 9);
  });

  it('linear: chi_1 = sigma_w^2, so the boundary is at sigma_w = 1 (gain 1) exactly', () => {
    expect(chi1('linear', 0.7, 0)).toBeCloseTo(0.49, 10);
    expect(criticalSigmaW('linear', 0)).toBeCloseTo(1, 8);
    expect(criticalSigmaW('linear', 0.5)).toBeCloseTo(1, 8);
  });

  it('ReLU: chi_1 = sigma_w^2 / 2, so He-normal (sigma_w^2 = 2) sits on the boundary: gain 1', () => {
    expect(chi1('relu', 1, 0)).toBeCloseTo(0.5, 10);
    expect(criticalSigmaW('relu', 0)! ** 2).toBeCloseTo(2, 6);
  });

  it('tanh with sigma_b = 0: the boundary is at sigma_w = 1', () => {
    expect(criticalSigmaW('tanh', 0)).toBeCloseTo(1, 2);
    // Inside the chaotic phase chi_1 > 1, inside the ordered phase < 1.
    expect(chi1('tanh', 2, 0)).toBeGreaterThan(1);
    expect(chi1('tanh', 0.8, 0)).toBeLessThan(1);
  });

  it('tanh: a bias moves the boundary to larger sigma_w (Poole et al. 2016, fig. 1)', () => {
    expect(criticalSigmaW('tanh', 0.3)!).toBeGreaterThan(1.05);
  });

  it('every activation gives a finite boundary or none, never NaN', () => {
    for (const act of [
      'sigmoid',
      'leakyRelu',
      'elu',
      'selu',
      'gelu',
      'softplus',
      'swish',
    ] as const) {
      const s = criticalSigmaW(act, 0);
      if (s !== null) expect(Number.isFinite(s)).toBe(true);
    }
  });
});
