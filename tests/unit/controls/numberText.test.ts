import { describe, expect, it } from 'vitest';
import {
  clamp,
  formatInRange,
  formatValue,
  parseInRange,
  parseNumber,
  roundSignificant,
  clampNote,
} from '../../../src/ui/controls/numberText';

describe('formatValue', () => {
  it.each([
    [0.05, '0.05'],
    [1, '1'],
    [0.9999, '0.9999'],
    [0.999, '0.999'],
    [123.456, '123.5'],
    [1000, '1000'],
    [9999, '9999'],
    [0.0123456, '0.01235'],
    [-2.5, '-2.5'],
    [0.001, '0.001'],
  ])('shows %s as %s (up to 4 significant digits, no trailing zeros)', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it.each([
    [1e-8, '1e-8'],
    [2.5e-5, '2.5e-5'],
    [1e-12, '1e-12'],
    [1.23456e-4, '1.235e-4'],
    [3e6, '3e6'],
    [1e4, '1e4'],
    [25000, '2.5e4'],
  ])('shows tiny (below 1e-3) or huge (from 1e4) %s in exponent form as %s', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it('shows zero and negative zero as "0"', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-0)).toBe('0');
  });

  it('formats whole-number ranges exactly, however many digits', () => {
    expect(formatInRange(2147483647, { min: 0, max: 2 ** 31 - 1, integer: true })).toBe(
      '2147483647',
    );
    expect(formatInRange(0.25, { min: 0, max: 1 })).toBe('0.25');
  });

  it('round-trips through parseNumber to within 4 significant digits', () => {
    for (const value of [1e-12, 3.3e-7, 0.05, 0.12345, 7, 99.99, 12345, 1e4]) {
      const parsed = parseNumber(formatValue(value));
      expect(parsed).not.toBeNull();
      expect(Math.abs((parsed as number) - value) / value).toBeLessThanOrEqual(5e-4);
    }
  });
});

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['+3', 3],
    ['1e-8', 1e-8],
    ['2.5E+3', 2500],
    ['  0.1  ', 0.1],
    ['\u22123', -3],
  ])('reads %j as %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    '',
    '   ',
    'NaN',
    'nan',
    'Infinity',
    '-Infinity',
    'abc',
    '1e',
    'e5',
    '1.2.3',
    '0x10',
    '1,5',
    '--1',
    '1e400',
    '-',
  ])('rejects %j (empty, malformed or non-finite)', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it('turns -0 into 0', () => {
    expect(Object.is(parseNumber('-0'), 0)).toBe(true);
  });
});

describe('parseInRange', () => {
  const range = { min: 0.001, max: 100 };

  it('clamps numbers outside the range into it', () => {
    expect(parseInRange('1000', range)).toBe(100);
    expect(parseInRange('-5', range)).toBe(0.001);
    expect(parseInRange('1e-30', range)).toBe(0.001);
  });

  it('rounds to whole numbers for integer ranges', () => {
    const ints = { min: 1, max: 256, integer: true };
    expect(parseInRange('31.6', ints)).toBe(32);
    expect(parseInRange('0.2', ints)).toBe(1);
    expect(parseInRange('1e9', ints)).toBe(256);
  });

  it('returns null for text that is not a finite number', () => {
    expect(parseInRange('', range)).toBeNull();
    expect(parseInRange('NaN', range)).toBeNull();
    expect(parseInRange('Infinity', range)).toBeNull();
  });
});

describe('helpers', () => {
  it('clamp keeps a value within [min, max]', () => {
    expect(clamp(5, 0, 1)).toBe(1);
    expect(clamp(-5, 0, 1)).toBe(0);
    expect(clamp(0.5, 0, 1)).toBe(0.5);
  });

  it('roundSignificant keeps the given number of significant digits', () => {
    expect(roundSignificant(0.05128613839913648, 3)).toBe(0.0513);
    expect(roundSignificant(123456, 3)).toBe(123000);
    expect(roundSignificant(0, 3)).toBe(0);
  });
});

describe('clampNote', () => {
  const range = { min: 1e-6, max: 100, integer: false };

  it('says what a number beyond a limit became, as links are repaired', () => {
    expect(clampNote('500', range)).toBe('500 is above the maximum; set to 100');
    expect(clampNote('-5', range)).toBe('-5 is below the minimum; set to 1e-6');
  });

  it('says nothing for a number in range or text that is not a number (which reverts)', () => {
    expect(clampNote('0.5', range)).toBeNull();
    expect(clampNote('abc', range)).toBeNull();
  });
});
