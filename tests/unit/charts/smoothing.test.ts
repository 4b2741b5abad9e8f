import { describe, expect, it } from 'vitest';
import { smoothLogEma } from '../../../src/ui/charts/smoothing';

/** Step k's value straight from the definition: the w^(k-i)-weighted geometric mean. */
function direct(values: readonly number[], w: number, k: number): number {
  let num = 0;
  let den = 0;
  let age = 0;
  for (let i = k; i >= 0; i--) {
    const v = values[i] as number;
    if (!(Number.isFinite(v) && v > 0)) continue;
    num += w ** age * Math.log10(v);
    den += w ** age;
    age++;
  }
  return 10 ** (num / den);
}

describe('debiased EMA of log values', () => {
  const noisy = [1, 10, 0.1, 3, 300, 2e-3, 5, 5, 7e4, 0.5];

  it('equals the weighted geometric mean computed directly, at every step and weight', () => {
    for (const w of [0.1, 0.6, 0.9, 0.99]) {
      const smoothed = smoothLogEma(noisy, w);
      noisy.forEach((_, k) => {
        expect(smoothed[k]! / direct(noisy, w, k)).toBeCloseTo(1, 10);
      });
    }
  });

  it('is the identity at weight 0, and starts at the first value (debiased, not pulled to 0)', () => {
    expect(smoothLogEma(noisy, 0)).toEqual(noisy);
    expect(smoothLogEma([42, 42], 0.9)[0]).toBeCloseTo(42, 10);
  });

  it('keeps a constant line where it is, and moves a one-step spike by (1-w) of its height in decades', () => {
    for (const v of smoothLogEma([3, 3, 3, 3], 0.8)) expect(v).toBeCloseTo(3, 10);
    // Long run at 1 (log 0), then one value at 1e4: the smoothed value rises by (1-w) * 4 decades
    // (the debias factor is 1 to within 0.8^200).
    const values = [...Array<number>(200).fill(1), 1e4];
    const last = smoothLogEma(values, 0.8).at(-1)!;
    expect(Math.log10(last)).toBeCloseTo(0.2 * 4, 10);
  });

  it('passes 0, NaN and infinities through and leaves them out of the average', () => {
    const values = [1, 0, NaN, Infinity, 100];
    const smoothed = smoothLogEma(values, 0.5);
    expect(smoothed.slice(1, 4)).toEqual([0, NaN, Infinity]);
    // Over [1, 100] only: (0.5 * 0 + 1 * 2) / 1.5 decades.
    expect(Math.log10(smoothed[4]!)).toBeCloseTo(2 / 1.5, 10);
  });
});
