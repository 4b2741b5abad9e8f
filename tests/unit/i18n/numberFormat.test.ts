import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCount,
  formatFixed,
  formatSignificant,
  setNumberLocale,
} from '../../../src/ui/i18n/numberFormat';
import { t } from '../../../src/ui/i18n/messages';
import { formatNumber } from '../../../src/ui/charts/format';

afterEach(() => setNumberLocale('en'));

describe('the page’s number format', () => {
  it.each(['en', 'zh-CN'] as const)(
    'in %s: significant digits, exponent form beyond 1e-3..1e4, no grouping in values',
    (language) => {
      setNumberLocale(language);
      expect(formatSignificant(0.05, 4)).toBe('0.05');
      expect(formatSignificant(0.99991, 4)).toBe('0.9999');
      expect(formatSignificant(1234.56, 4)).toBe('1235');
      expect(formatSignificant(12345.6, 4)).toBe('1.235e4');
      expect(formatSignificant(9999.6, 4)).toBe('1e4');
      expect(formatSignificant(2.5e-5, 4)).toBe('2.5e-5');
      expect(formatSignificant(1e-8, 4)).toBe('1e-8');
      expect(formatSignificant(1234567, 4)).toBe('1.235e6');
      expect(formatSignificant(-0, 4)).toBe('0');
      expect(formatFixed(0.1204, 3)).toBe('0.120');
      expect(formatFixed(-0.3472, 3)).toBe('-0.347');
    },
  );

  it('groups counts as the language does: 1,200,000 in English and in Chinese', () => {
    setNumberLocale('en');
    expect(formatCount(1_200_000)).toBe('1,200,000');
    setNumberLocale('zh-CN');
    expect(formatCount(1_200_000)).toBe('1,200,000');
  });
});

describe('numbers in messages', () => {
  it('are written in the page’s number format: whole numbers grouped, others significant', () => {
    expect(t('run.stepCounter', { step: 1234, max: 20000 })).toBe('Step 1,234 / 20,000');
    expect(t('chart.clipThreshold', { value: 0.00001 })).toBe(
      'clip threshold 1e-5 (each kernel, each bias)',
    );
    expect(t('compare.suggestion.lr', { lr: 0.05 })).toBe('learning rate 0.05');
  });
});

describe('one exponent rule for every number the page writes', () => {
  // Magnitudes around both ends of the plain range [1e-3, 1e4), before and after rounding to 4
  // significant digits (0.00099996 rounds up to 1.000e-3, 9999.6 up to 1.000e4).
  const values = [
    1.71e-6, 9.99e-4, 0.00099996, 0.001, 0.0012346, 0.5, 99.99, 9999.4, 9999.6, 1e4, 12345, 6.02e23,
  ];

  it.each(values.flatMap((v) => [v, -v]))(
    '%s: the chart values and the text numbers switch to exponent form together',
    (value) => {
      const chart = formatNumber(value);
      const text = formatSignificant(value, 4);
      expect(chart.includes('e'), `${chart} vs ${text}`).toBe(text.includes('e'));
      // Plain exactly when the 4-digit rounding of |value| is within [1e-3, 1e4).
      const rounded = Math.abs(Number(value.toPrecision(4)));
      expect(text.includes('e')).toBe(!(rounded >= 1e-3 && rounded < 1e4));
      // The same number, the chart's with its trailing zeros.
      expect(Number(chart)).toBe(Number(text));
    },
  );

  it('writes the mantissa with its trailing zeros on charts, without them in text', () => {
    expect(formatNumber(1.71e-6)).toBe('1.710e-6');
    expect(formatSignificant(1.71e-6, 4)).toBe('1.71e-6');
    expect(formatNumber(25000)).toBe('2.500e4');
    expect(formatSignificant(25000, 4)).toBe('2.5e4');
  });
});
