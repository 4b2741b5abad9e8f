/**
 * The host-side spectral radius against matrices whose eigenvalues are known by construction:
 * diagonal, triangular (non-normal), a scaled rotation (a complex pair of modulus g), g Q for a
 * random orthogonal Q (every eigenvalue of modulus g), and a similarity transform S D S^-1.
 */
import { describe, expect, it } from 'vitest';
import { spectralRadius } from '../../../src/engine/recurrent/spectralRadius';
import { createPrng } from '../../../src/random/prng';

/** Row-major product of two n x n matrices. */
function matMul(a: number[], b: number[], n: number): number[] {
  const out = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++)
      for (let j = 0; j < n; j++) out[i * n + j]! += a[i * n + k]! * b[k * n + j]!;
  return out;
}

/** A random orthogonal matrix by Gram-Schmidt on normal draws. */
function randomOrthogonal(n: number, seed: number): number[] {
  const prng = createPrng(seed);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    let v = Array.from({ length: n }, () => prng.normal());
    for (const r of rows) {
      const dot = v.reduce((s, x, j) => s + x * r[j]!, 0);
      v = v.map((x, j) => x - dot * r[j]!);
    }
    const norm = Math.hypot(...v);
    rows.push(v.map((x) => x / norm));
  }
  return rows.flat();
}

describe('spectralRadius', () => {
  it('is the largest |diagonal entry| of a diagonal matrix, sign ignored', () => {
    expect(spectralRadius([0.5, 0, 0, 0, -2, 0, 0, 0, 1], 3)).toBeCloseTo(2, 6);
  });

  it('reads eigenvalues, not singular values, of a non-normal triangular matrix', () => {
    // Eigenvalues 0.9 and 0.3; the largest singular value is above 5.
    expect(spectralRadius([0.9, 5, 0, 0.3], 2)).toBeCloseTo(0.9, 2);
  });

  it('is g for a scaled rotation, whose eigenvalues are the complex pair g e^(+-i theta)', () => {
    const g = 1.1;
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    expect(spectralRadius([g * c, -g * s, g * s, g * c], 2)).toBeCloseTo(g, 9);
  });

  it('is g for g Q with Q a random 32 x 32 orthogonal matrix', () => {
    const q = randomOrthogonal(32, 7);
    expect(
      spectralRadius(
        q.map((x) => 0.8 * x),
        32,
      ),
    ).toBeCloseTo(0.8, 6);
  });

  it('finds rho of the non-normal S D S^-1, D = diag(1.5, -0.7, 0.2, 1.4), S a shear', () => {
    const n = 4;
    const d = [1.5, 0, 0, 0, 0, -0.7, 0, 0, 0, 0, 0.2, 0, 0, 0, 0, 1.4];
    // S = I + 2 e_01 + 3 e_23, so S^-1 = I - 2 e_01 - 3 e_23.
    const s = [1, 2, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 0, 0, 0, 1];
    const sInverse = [1, -2, 0, 0, 0, 1, 0, 0, 0, 0, 1, -3, 0, 0, 0, 1];
    expect(spectralRadius(matMul(matMul(s, d, n), sInverse, n), n)).toBeCloseTo(1.5, 2);
  });

  it('is 0 for a nilpotent matrix and NaN when a value is NaN', () => {
    expect(spectralRadius([0, 1, 0, 0], 2)).toBe(0);
    expect(spectralRadius([NaN, 0, 0, 1], 2)).toBeNaN();
  });
});
