import { describe, expect, it } from 'vitest';
import { formatMeasured, formatNumber } from '../../../src/ui/charts/format';

describe('one number format for every chart value', () => {
  it('writes values on both sides of 1e-6 the same way (3.299e-7 beside 1.710e-6)', () => {
    // Number#toPrecision(4) gives "3.299e-7" but "0.000001710": the mix the tooltip showed.
    expect(formatNumber(3.299e-7)).toBe('3.299e-7');
    expect(formatNumber(1.71e-6)).toBe('1.710e-6');
    expect(formatNumber(2.5e-4)).toBe('2.500e-4');
  });

  it('writes magnitudes from 1e-3 to 1e4 plainly with 4 significant digits', () => {
    expect(formatNumber(0.001)).toBe('0.001000');
    expect(formatNumber(0.09774)).toBe('0.09774');
    expect(formatNumber(1234.5678)).toBe('1235');
    expect(formatNumber(-0.5)).toBe('-0.5000');
  });

  it('switches to mantissa and exponent from 1e4 up, without a "+" sign', () => {
    expect(formatNumber(12345)).toBe('1.235e4');
    expect(formatNumber(3e38)).toBe('3.000e38');
    // 9999.6 rounds to 1.000e4 at 4 digits: written in the scientific form, not "1.000e+4".
    expect(formatNumber(9999.6)).toBe('1.000e4');
  });

  it('every written value parses back to the value within 4 significant digits', () => {
    for (const v of [1e-30, 7.77e-9, 0.0012345, 0.5, 3.14159, 99.99, 5e4, 6.02e23]) {
      const back = Number(formatNumber(v));
      expect(Math.abs(back - v) / v).toBeLessThanOrEqual(5e-4);
    }
  });

  it('names zero, NaN and overflow in words', () => {
    expect(formatMeasured(0)).toBe('0');
    expect(formatMeasured(NaN)).toBe('NaN');
    expect(formatMeasured(Infinity)).toBe('∞ (overflow)');
    expect(formatMeasured(-Infinity)).toBe('−∞ (overflow)');
  });
});
