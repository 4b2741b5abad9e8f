import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCount,
  formatFixed,
  formatSignificant,
  setNumberLocale,
} from '../../../src/ui/i18n/numberFormat';
import { t } from '../../../src/ui/i18n/messages';

afterEach(() => setNumberLocale('en'));

describe('the page’s number format', () => {
  it.each(['en', 'zh-CN'] as const)(
    'in %s: significant digits, exponent form beyond 1e-3..1e6, no grouping in values',
    (language) => {
      setNumberLocale(language);
      expect(formatSignificant(0.05, 4)).toBe('0.05');
      expect(formatSignificant(0.99991, 4)).toBe('0.9999');
      expect(formatSignificant(12345.6, 4)).toBe('12350');
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
